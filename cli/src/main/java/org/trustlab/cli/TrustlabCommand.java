package org.trustlab.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trustlab} command. Each subcommand is its own class; a subcommand is listed here only once it works.
 * Exit codes everywhere: 0 when every check holds, 1 when one fails, 2 on bad input or an unusable output folder
 * (found before any work starts), 3 on an internal error (one line and a log file), 4 when the answer is
 * {@code unknown} within a limit (memory, time, states), 130 when interrupted (SIGINT or SIGTERM).
 */
@Command(name = "trustlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Model-checked device-trust protocols in a deterministic simulator.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SelftestCommand.class,
            ReplayCommand.class,
            CampaignCommand.class,
            MutantsCommand.class,
            ReportCommand.class,
            CheckCommand.class,
            LinCommand.class,
        })
public final class TrustlabCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;
    /** Undecided within a time, memory or state limit: the verdict is {@code unknown}. */
    public static final int EXIT_UNKNOWN = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TrustlabCommand());
        // Bad flags are bad input: exit 2, as for a malformed scenario.
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("trustlab: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'trustlab --help'.");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler(CrashLog.inTemp());
        cl.getSubcommands().values().forEach(TrustlabCommand::headerFromFirstSentence);
        return cl;
    }

    /**
     * The command listing of {@code trustlab --help} shows a subcommand's header, or else the first line of its
     * description, which for a description wrapped by hand ends mid-sentence. The header is the description's first
     * whole sentence instead.
     */
    static void headerFromFirstSentence(CommandLine sub) {
        CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
        if (usage.header().length > 0 || usage.description().length == 0) {
            return;
        }
        String text = String.join(" ", usage.description()).replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(text);
        usage.header(end.find() ? text.substring(0, end.start() + 1) : text);
    }

    /** A full stop followed by a space or the end; "e.g." and "i.e." are not sentence ends. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\.(?=\\s|$)");

    public static void main(String[] args) {
        Interrupts.install(System.err);
        CommandLine cl = commandLine();
        int exit;
        try {
            exit = cl.execute(args);
        } catch (Throwable t) {
            // An Error (out of memory, a linkage error) passes picocli's handler: the same one line and log.
            exit = CrashLog.inTemp().report(t, "trustlab", String.join(" ", args), cl.getErr());
        }
        Interrupts.finished();
        System.exit(exit);
    }
}
