package org.trustlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trustlab} command. Each subcommand is its own class; a subcommand is listed here only once it works.
 * Exit codes everywhere: 0 when every check holds, 1 when one fails, 2 on bad input.
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
        })
public final class TrustlabCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
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
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
