package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.ExpectationResult;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * Every scenario of {@code scenarios/autojoin} passes with its expectations and every autojoin invariant holds on
 * it; every mutant in {@link AutoJoinMutantMap} breaks the invariants it names on its scenario.
 */
class AutoJoinScenariosTest {
    static final Path DIR = Path.of("..", "scenarios", "autojoin");
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ProtocolBindings.standard(),
            InvariantCatalogue::holds);
    /** Runs are pure functions of (scenario, seed): cache them so the parameterized tests share the work. */
    private static final Map<String, RunResult> RUNS = new TreeMap<>();

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    static synchronized RunResult run(String file, Optional<AutoJoinMutant> mutant) {
        return RUNS.computeIfAbsent(file + mutant.map(m -> "#" + m.qualifiedName()).orElse(""), k -> {
            Scenario s = ScenarioLoader.load(DIR.resolve(file));
            return RUNNER.execute(s.withMutant(mutant.map(AutoJoinMutant::qualifiedName)));
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenarioPassesItsExpectations(String file) {
        RunResult r = run(file, Optional.empty());
        assertThat(r.roleErrors()).as("role errors in %s", file).isEmpty();
        assertThat(r.expectations()).as("expectations of %s", file).isNotEmpty();
        assertThat(r.expectations().stream().filter(e -> !e.passed()).map(ExpectationResult::line).toList())
                .as("failed expectations of %s", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyInvariantHoldsOnEveryScenario(String file) {
        RunResult r = run(file, Optional.empty());
        for (Invariant i : InvariantCatalogue.forProtocol(AutoJoinInvariants.PROTOCOL)) {
            assertThat(i.check(r.trace())).as("%s on %s", i.id(), file).isEmpty();
        }
    }

    static Stream<AutoJoinMutantMap.Entry> mutants() {
        return AutoJoinMutantMap.entries().stream();
    }

    @ParameterizedTest
    @MethodSource("mutants")
    void everyMutantBreaksTheInvariantsItNames(AutoJoinMutantMap.Entry e) {
        RunResult r = run(e.scenario(), Optional.of(e.mutant()));
        for (String id : e.breaks()) {
            Invariant i = InvariantCatalogue.find(id).orElseThrow();
            List<Violation> v = i.check(r.trace());
            assertThat(v).as("%s must break %s on %s", e.mutant().qualifiedName(), id, e.scenario()).isNotEmpty();
            assertThat(v.get(0).evidence()).isNotEmpty();
        }
    }

    @Test
    void everyInvariantIsBrokenBySomeMutantAndEveryMutantBreaksSomething() {
        assertThat(AutoJoinMutantMap.byInvariant().keySet()).containsExactlyInAnyOrderElementsOf(
                InvariantCatalogue.forProtocol(AutoJoinInvariants.PROTOCOL).stream().map(Invariant::id).toList());
        assertThat(AutoJoinMutantMap.entries().stream().map(AutoJoinMutantMap.Entry::mutant).distinct())
                .containsExactlyInAnyOrder(AutoJoinMutant.values());
    }

    @Test
    void runsAreReproducibleByteForByte() {
        Scenario s = ScenarioLoader.load(DIR.resolve("happy-path.yaml"));
        assertThat(RUNNER.execute(s).traceSha256()).isEqualTo(run("happy-path.yaml", Optional.empty())
                .traceSha256());
    }

    @Test
    void theCatalogueListsTheAutojoinInvariants() {
        assertThat(InvariantCatalogue.forProtocol("autojoin")).extracting(Invariant::id).containsExactly(
                AutoJoinInvariants.INJECTIVE_AGREEMENT, AutoJoinInvariants.FRESHNESS, AutoJoinInvariants.NO_REPLAY,
                AutoJoinInvariants.GRANT_VALIDITY, AutoJoinInvariants.SESSION_KEY_SECRECY);
        assertThat(InvariantCatalogue.forProtocol("autojoin")).allSatisfy(i -> assertThat(i.statement())
                .isNotBlank());
    }
}
