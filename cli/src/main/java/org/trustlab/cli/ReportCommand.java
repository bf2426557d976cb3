package org.trustlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputRefusedException;
import org.trustlab.reports.ReportWriter;
import org.trustlab.reports.graph.GraphEngine;
import org.trustlab.reports.input.ReportInputException;
import org.trustlab.reports.input.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trustlab report DIR... [--out OUT]}: one report over campaign outputs, shards of a campaign (merged, and
 * checked to cover every run exactly once) and replay directories. Prints the path of report.html; bad input
 * (a missing directory, an unreadable file, shards that do not belong together) exits 2 naming the file and why.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Write report.html (self-contained: verdicts, counterexamples with sequence diagrams and trust graphs,",
            "statistics), report.md and report.json for campaign or replay result directories. Shards of one",
            "campaign (same protocol, seed and mutant) are merged. Prints the path of report.html.",
            "Exit 0 when written; 2 on bad input."})
public final class ReportCommand implements Callable<Integer> {
    /** Where several directories' merged report goes unless --out says otherwise. */
    static final Path DEFAULT_MERGED_OUT = Path.of("trustlab-out", "report");

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Campaign output (DIR or DIR/<protocol>), shard outputs, or replay directories.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "OUT",
            description = "Where to write the report (default: DIR itself for one directory, "
                    + "trustlab-out/report for several).")
    Path out;

    @Mixin
    GraphEngineOption graphEngine = new GraphEngineOption();

    @Spec
    CommandSpec spec;

    /**
     * The report's slow steps as they start, one line each on the error stream ({@code report: replaying failure 2
     * of 3 ...}), so that a report that takes seconds says what it is doing from its first one.
     */
    static Consumer<String> progressTo(PrintWriter err) {
        return step -> {
            err.println("report: " + step + " ...");
            err.flush();
        };
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GraphEngine engine = graphEngine.engine();
            Path target = out != null ? out : dirs.size() == 1 ? dirs.get(0) : DEFAULT_MERGED_OUT;
            // The inputs are read first (a missing input is named as such, and no folder is created for it), the
            // output claimed next, and only then the slow part: replays, re-simulation, graph layout.
            ResultReader.Inputs inputs = ResultReader.read(dirs);
            Path html;
            try (OutputFolder folder = OutputFolder.claim(target, "trustlab report");
                    Interrupts.Registration r = Interrupts.whileRunning("trustlab report", folder::abandon)) {
                html = ReportWriter.write(inputs, dirs, folder, ReportWriter.Options.defaults()
                        .withGraphEngine(engine).withProgress(progressTo(err)));
            }
            stdout.println(html);
            stdout.flush();
            return TrustlabCommand.EXIT_OK;
        } catch (ReportInputException | IllegalArgumentException e) {
            err.println("trustlab report: " + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        } catch (OutputRefusedException e) {
            err.println("trustlab report: " + (out != null ? "--out " : "") + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
    }
}
