package org.trustlab.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.trustlab.reports.graph.GraphEngine;
import org.trustlab.reports.graph.GraphRenderer;
import org.trustlab.reports.input.ReplayDir;
import org.trustlab.reports.input.ReplayDirs;
import org.trustlab.reports.input.ResultReader;
import org.trustlab.reports.render.HtmlReport;
import org.trustlab.reports.render.JsonReport;
import org.trustlab.reports.render.MarkdownReport;
import org.trustlab.simulator.trace.Trace;

/**
 * The reports' entry point: reads result directories (campaign outputs, shards of one campaign, replay
 * directories), and writes {@code report.html}, {@code report.md} and {@code report.json} into {@code out}. The
 * {@code report}, {@code campaign} and {@code replay} commands all end here.
 *
 * <p>Bad input (a missing directory, an unreadable or inconsistent file, shards that do not belong together) throws
 * {@link org.trustlab.reports.input.ReportInputException} naming the file and the reason, before anything is
 * written.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";
    public static final String JSON = "report.json";

    /**
     * How to write: the graph engine, where typical runs come from, and whether a campaign may be shown with runs
     * missing ({@code null}: only when a single directory is given, i.e. a shard's own report).
     */
    public record Options(GraphEngine graphEngine, TypicalRunSource typicalRuns, Boolean allowPartial) {
        public static Options defaults() {
            return new Options(GraphEngine.AUTO, TypicalRuns.resimulate(), null);
        }

        public Options withGraphEngine(GraphEngine e) {
            return new Options(e, typicalRuns, allowPartial);
        }

        public Options withTypicalRuns(TypicalRunSource s) {
            return new Options(graphEngine, s, allowPartial);
        }

        public Options allowingPartial(boolean allow) {
            return new Options(graphEngine, typicalRuns, allow);
        }
    }

    private ReportWriter() {}

    /** Writes the three files into {@code out} (created if needed) and returns the path of report.html. */
    public static Path write(List<Path> dirs, Path out) {
        return write(dirs, out, Options.defaults());
    }

    public static Path write(List<Path> dirs, Path out, Options options) {
        return build(dirs, options).writeTo(out);
    }

    /** The report in memory, for callers (and tests) that look at it before or instead of writing it. */
    public static Written build(List<Path> dirs, Options options) {
        ResultReader.Inputs inputs = ResultReader.read(dirs);
        boolean partial = options.allowPartial() != null ? options.allowPartial() : dirs.size() == 1;
        ReportBuilder.Built built = new ReportBuilder(GraphRenderer.create(options.graphEngine()),
                options.typicalRuns()).build(inputs, dirs, partial);
        return new Written(built, HtmlReport.render(built.report(), built.drawings()),
                MarkdownReport.render(built.report()), JsonReport.render(built.report()));
    }

    /**
     * The report at the end of {@code trustlab campaign}: over exactly the protocol directories this campaign wrote
     * (not whatever else an {@code --out} folder reused across campaigns holds), a {@code --shard} run's partial
     * coverage allowed and stated, trust graphs laid out by {@code engine}. Returns the path of report.html in
     * {@code out}.
     */
    public static Path writeForCampaign(List<Path> protocolDirs, Path out, GraphEngine engine) {
        return write(protocolDirs, out, Options.defaults().allowingPartial(true).withGraphEngine(engine));
    }

    /**
     * Writes a replay's result directory ({@code replay.json}, {@code scenario.yaml}, {@code trace.jsonl}) into
     * {@code out} and the report over it next to them; returns the path of report.html. For {@code trustlab replay}.
     */
    public static Path writeReplay(Path out, String protocol, String scenarioName, long seed, Optional<String> mutant,
            String scenarioYaml, Trace trace, List<ReplayDir.Expectation> expectations, Options options) {
        ReplayDirs.write(out, protocol, scenarioName, seed, mutant, scenarioYaml, trace, expectations);
        return write(List.of(out), out, options);
    }

    /**
     * Starts the graph engine in the background when it is the slow one (viz.js on Nashorn, tens of seconds), so a
     * command that will write a report at its end can overlap that start with its own work. Returns at once.
     */
    public static void warmUp() {
        GraphRenderer.warmUp(GraphEngine.AUTO);
    }

    /** The three renderings of one report, and what they were made from. */
    public record Written(ReportBuilder.Built built, String html, String markdown, String json) {
        public Path writeTo(Path out) {
            try {
                Files.createDirectories(out);
                replace(out.resolve(MARKDOWN), markdown);
                replace(out.resolve(JSON), json);
                Path html = out.resolve(HTML);
                replace(html, this.html);
                return html;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + out + ": " + e.getMessage(), e);
            }
        }

        private static void replace(Path target, String text) throws IOException {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
