package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.ProtocolModules;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputRefusedException;
import org.trustlab.reports.ReportWriter;
import org.trustlab.reports.graph.GraphEngine;
import org.trustlab.reports.input.ReplayDir;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.ExpectationResult;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trustlab replay SCENARIO.yaml [--seed S] [--trace OUT.jsonl]}: runs a scenario in the deterministic
 * simulator, prints one PASS/FAIL line per expectation, then {@code trace-sha256: <hex>}, the run's identity, and
 * writes a one-run report (sequence diagram, trust graph) unless told not to.
 */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario file in the deterministic simulator, checks its",
            "expectations and prints one PASS/FAIL line per expectation, then",
            "'trace-sha256: <hex>' (same scenario and seed, same hash).",
            "Exit 0 when every expectation holds, 1 when one fails, 2 on a malformed",
            "scenario (reported as file:line:column: what is wrong)."})
public final class ReplayCommand implements Callable<Integer> {
    private final InvariantOracle oracle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: the scenario's 'seed').")
    Long seed;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "Write the trace as JSON Lines.")
    Path traceFile;

    @Option(names = "--history", paramLabel = "OUT.edn",
            description = "Write the run's Jepsen history (relay: the slot table's claims) for 'trustlab lin'.")
    Path historyFile;

    @Option(names = "--report-out", paramLabel = "DIR",
            description = "Where the replay's report goes (default: trustlab-out/replay/<scenario file name>).")
    Path reportOut;

    @Option(names = "--no-report", negatable = false,
            description = "Do not write the replay report (report.html with the sequence diagram and trust graph).")
    boolean noReport;

    @Mixin
    GraphEngineOption graphEngine = new GraphEngineOption();

    public ReplayCommand() {
        this(InvariantCatalogue.oracle());
    }

    /** With another oracle: how tests exercise invariant expectations independently of the catalogue. */
    ReplayCommand(InvariantOracle oracle) {
        this.oracle = oracle;
    }

    static Path defaultReportDir(Path scenario) {
        String name = scenario.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return Path.of("trustlab-out", "replay", name);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GraphEngine engine;
        try {
            engine = graphEngine.engine();
        } catch (IllegalArgumentException e) {
            err.println("trustlab replay: " + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        if (noReport) {
            return replay(null, engine);
        }
        Path dir = reportOut != null ? reportOut : defaultReportDir(scenarioFile);
        OutputFolder folder;
        try {
            folder = OutputFolder.claim(dir, "trustlab replay");
        } catch (OutputRefusedException e) {
            err.println("trustlab replay: " + (reportOut != null ? "--report-out " : "") + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        // The layout engine's start (ELK's class loading, or viz.js's) overlaps the replay.
        ReportWriter.warmUp(engine);
        try (folder; Interrupts.Registration r = Interrupts.whileRunning("trustlab replay", folder::abandon)) {
            return replay(folder, engine);
        }
    }

    private int replay(OutputFolder folder, GraphEngine engine) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunResult result;
        Scenario scenario;
        String scenarioText;
        long runSeed;
        try {
            scenarioText = ScenarioFile.read(scenarioFile);
            scenario = new ScenarioLoader(ProtocolBindings.standard()).parse(scenarioText, scenarioFile);
            runSeed = seed != null ? seed : scenario.seed();
            if (historyFile != null && history(scenario.protocol()).isEmpty()) {
                err.println("trustlab replay: --history: protocol '" + scenario.protocol()
                        + "' records no history");
                err.flush();
                return TrustlabCommand.EXIT_BAD_INPUT;
            }
            result = new ScenarioRunner(oracle).execute(scenario, runSeed);
        } catch (ScenarioException e) {
            // Errors found mid-run (a forged message spec the protocol refuses) carry a pointer, not yet a place.
            err.println(ScenarioLoader.locate(scenarioFile, e).getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        for (ExpectationResult r : result.expectations()) {
            out.println(r.line());
        }
        for (String roleError : result.roleErrors()) {
            out.println("FAIL role threw: " + roleError);
        }
        if (traceFile != null) {
            try {
                TraceWriter.writeAtomically(result.trace(), traceFile);
            } catch (IOException e) {
                out.flush();
                err.println("trustlab replay: cannot write " + traceFile + ": " + e.getMessage());
                err.flush();
                return TrustlabCommand.EXIT_BAD_INPUT;
            }
        }
        if (historyFile != null) {
            try {
                writeAtomically(history(scenario.protocol()).orElseThrow().apply(result.trace()), historyFile);
            } catch (IOException e) {
                out.flush();
                err.println("trustlab replay: cannot write " + historyFile + ": " + e.getMessage());
                err.flush();
                return TrustlabCommand.EXIT_BAD_INPUT;
            }
        }
        out.println("trace-sha256: " + result.traceSha256());
        if (folder != null) {
            Path html = ReportWriter.writeReplay(folder, scenario.protocol(), scenario.name(), runSeed,
                    scenario.mutant(), scenarioText, result.trace(),
                    result.expectations().stream()
                            .map(e -> new ReplayDir.Expectation(e.line(), e.passed())).toList(),
                    ReportWriter.Options.defaults().withGraphEngine(engine));
            out.println("report: " + html);
        }
        out.flush();
        return result.passed() ? TrustlabCommand.EXIT_OK : TrustlabCommand.EXIT_FAILED;
    }

    private static Optional<Function<Trace, String>> history(String protocol) {
        return ProtocolModules.find(protocol).flatMap(ProtocolModule::history);
    }

    private static void writeAtomically(String text, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
