package org.trustlab.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.simulator.scenario.ExpectationResult;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/** The scenarios one protocol ships in {@code scenarios/<protocol>}, each run once per mutant for all its tests. */
public final class ShippedScenarios {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ProtocolBindings.standard(),
            InvariantCatalogue.oracle());

    private final Path dir;
    /** Runs are pure functions of (scenario, seed): cache them so the parameterized tests share the work. */
    private final Map<String, RunResult> runs = new TreeMap<>();

    public ShippedScenarios(String protocol) {
        this.dir = Path.of("..", "scenarios", protocol);
    }

    public Path dir() {
        return dir;
    }

    /** The scenario files' names, sorted. */
    public Stream<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    /** The run of {@code file}, under the named mutant when one is given. */
    public synchronized RunResult run(String file, Optional<String> mutant) {
        return runs.computeIfAbsent(file + mutant.map(m -> "#" + m).orElse(""), k -> {
            Scenario s = ScenarioLoader.load(dir.resolve(file));
            return RUNNER.execute(s.withMutant(mutant));
        });
    }

    /** A new run of {@code file}, not the cached one: for tests that two runs give the same bytes. */
    public RunResult runAfresh(String file) {
        return RUNNER.execute(ScenarioLoader.load(dir.resolve(file)));
    }

    /** The run raised no role error, and every expectation of the scenario (there is at least one) passed. */
    public static void assertPasses(RunResult r, String file) {
        assertThat(r.roleErrors()).as("role errors in %s", file).isEmpty();
        assertThat(r.expectations()).as("expectations of %s", file).isNotEmpty();
        assertThat(r.expectations().stream().filter(e -> !e.passed()).map(ExpectationResult::line).toList())
                .as("failed expectations of %s", file).isEmpty();
    }
}
