package org.trustlab.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.trustlab.properties.output.OutputFolder;
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
    static final String WRITTEN_BY = "trustlab report";

    /**
     * How to write: the graph engine, where typical runs come from, whether a campaign may be shown with runs
     * missing ({@code null}: only when a single directory is given, i.e. a shard's own report), and where to say
     * which slow step (a failure's replay, a typical run's re-simulation, a layout) is under way.
     */
    public record Options(GraphEngine graphEngine, TypicalRunSource typicalRuns, Boolean allowPartial,
            Consumer<String> progress) {
        public static Options defaults() {
            return new Options(GraphEngine.AUTO, TypicalRuns.resimulate(), null, step -> { });
        }

        public Options withGraphEngine(GraphEngine e) {
            return new Options(e, typicalRuns, allowPartial, progress);
        }

        public Options withTypicalRuns(TypicalRunSource s) {
            return new Options(graphEngine, s, allowPartial, progress);
        }

        public Options allowingPartial(boolean allow) {
            return new Options(graphEngine, typicalRuns, allow, progress);
        }

        /** Each slow step, as a line such as {@code replaying failure 2 of 3 (autojoin.no-replay)}. */
        public Options withProgress(Consumer<String> p) {
            return new Options(graphEngine, typicalRuns, allowPartial, p);
        }
    }

    private ReportWriter() {}

    /** Writes the three files into {@code out} (created if needed) and returns the path of report.html. */
    public static Path write(List<Path> dirs, Path out) {
        return write(dirs, out, Options.defaults());
    }

    /**
     * Reads {@code dirs}, claims {@code out} (refusing a folder holding files trustlab did not write, or one
     * another process is writing), then builds the report (re-simulating and replaying, the slow part) and writes
     * it there; returns the path of report.html.
     */
    public static Path write(List<Path> dirs, Path out, Options options) {
        // The inputs first: a missing or malformed input is named as such, and no output folder is created for it.
        ResultReader.Inputs inputs = ResultReader.read(dirs);
        try (OutputFolder folder = OutputFolder.claim(out, WRITTEN_BY)) {
            return build(inputs, dirs, options).writeTo(folder);
        }
    }

    /** The report over {@code dirs} added to a folder the caller has claimed (a campaign's or a replay's). */
    public static Path write(List<Path> dirs, OutputFolder out, Options options) {
        return write(ResultReader.read(dirs), dirs, out, options);
    }

    /** The report over inputs already read from {@code dirs}, written into a folder the caller has claimed. */
    public static Path write(ResultReader.Inputs inputs, List<Path> dirs, OutputFolder out, Options options) {
        return build(inputs, dirs, options).writeTo(out);
    }

    /** The report in memory, for callers (and tests) that look at it before or instead of writing it. */
    public static Written build(List<Path> dirs, Options options) {
        return build(ResultReader.read(dirs), dirs, options);
    }

    private static Written build(ResultReader.Inputs inputs, List<Path> dirs, Options options) {
        boolean partial = options.allowPartial() != null ? options.allowPartial() : dirs.size() == 1;
        ReportBuilder.Built built = new ReportBuilder(GraphRenderer.create(options.graphEngine()),
                options.typicalRuns(), options.progress()).build(inputs, dirs, partial);
        return new Written(built, HtmlReport.render(built.report(), built.drawings()),
                MarkdownReport.render(built.report()), JsonReport.render(built.report()));
    }

    /**
     * The report at the end of {@code trustlab campaign}: over exactly the protocol directories this campaign wrote
     * (not whatever else an {@code --out} folder reused across campaigns holds), a {@code --shard} run's partial
     * coverage allowed and stated, trust graphs laid out by {@code engine}. Returns the path of report.html in
     * {@code out}.
     */
    public static Path writeForCampaign(List<Path> protocolDirs, OutputFolder out, GraphEngine engine,
            Consumer<String> progress) {
        return write(protocolDirs, out, Options.defaults().allowingPartial(true).withGraphEngine(engine)
                .withProgress(progress));
    }

    /**
     * Writes a replay's result directory ({@code replay.json}, {@code scenario.yaml}, {@code trace.jsonl}) into
     * the claimed folder {@code out}, replacing its earlier output whole, then the report over it next to them;
     * returns the path of report.html. For {@code trustlab replay}.
     */
    public static Path writeReplay(OutputFolder out, String protocol, String scenarioName, long seed,
            Optional<String> mutant, String scenarioYaml, Trace trace, List<ReplayDir.Expectation> expectations,
            Options options) {
        try {
            ReplayDirs.write(out.staging(), protocol, scenarioName, seed, mutant, scenarioYaml, trace, expectations);
            out.commit(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay result to " + out.dir() + ": " + e.getMessage(),
                    e);
        }
        return write(List.of(out.dir()), out, options);
    }

    /**
     * Starts the graph engine in the background when it is the slow one (viz.js on Nashorn, tens of seconds), so a
     * command that will write a report at its end can overlap that start with its own work. Returns at once.
     */
    public static void warmUp(GraphEngine engine) {
        GraphRenderer.warmUp(engine);
    }

    /** The three renderings of one report, and what they were made from. */
    public record Written(ReportBuilder.Built built, String html, String markdown, String json) {
        /** Writes the three files through {@code out}'s staging folder, replacing an earlier report there. */
        public Path writeTo(OutputFolder out) {
            try {
                for (Map.Entry<String, String> f : built.files().entrySet()) {
                    Path file = out.staging().resolve(f.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                }
                Files.writeString(out.staging().resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
                Files.writeString(out.staging().resolve(JSON), json, StandardCharsets.UTF_8);
                Files.writeString(out.staging().resolve(HTML), html, StandardCharsets.UTF_8);
                out.commit(false);
                return out.dir().resolve(HTML);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + out.dir() + ": " + e.getMessage(), e);
            }
        }
    }
}
