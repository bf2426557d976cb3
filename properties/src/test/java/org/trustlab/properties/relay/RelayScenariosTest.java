package org.trustlab.properties.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.scenario.ShippedScenarios;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.relay.RelayMutant;
import org.trustlab.simulator.scenario.Expectation;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Every scenario of {@code scenarios/relay} passes its expectations; every invariant holds on the correct relay
 * except where a scenario declares the squat FINDING; every mutant of {@link RelayMutantMap} breaks the invariants it
 * names on its scenario while the correct relay keeps them.
 */
class RelayScenariosTest {
    private static final ShippedScenarios SHIPPED = new ShippedScenarios("relay");
    static final Path DIR = SHIPPED.dir();

    static Stream<String> scenarios() throws IOException {
        return SHIPPED.files();
    }

    static RunResult run(String file, Optional<RelayMutant> mutant) {
        return SHIPPED.run(file, mutant.map(RelayMutant::qualifiedName));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenarioPassesItsExpectations(String file) {
        ShippedScenarios.assertPasses(run(file, Optional.empty()), file);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyInvariantHoldsOnTheCorrectRelayButTheDeclaredFinding(String file) {
        RunResult r = run(file, Optional.empty());
        for (Invariant i : InvariantCatalogue.forProtocol(RelayInvariants.PROTOCOL)) {
            if (declaresViolated(file, i.id())) {
                assertThat(i.id()).isEqualTo(RelayInvariants.SQUAT_AVAILABILITY);
                assertThat(RelayModule.underTofu(asGenerated(ScenarioLoader.load(DIR.resolve(file)))))
                        .as("%s declares the squat where the relay runs TOFU", file).isTrue();
                continue;
            }
            assertThat(i.check(r.trace())).as("%s on %s", i.id(), file).isEmpty();
        }
    }

    /** The parts of a scenario the admitted gap reads, as a generator hands them over. */
    private static Map<String, Object> asGenerated(Scenario s) {
        List<Object> devices = s.devices().stream().map(d -> (Object) Map.of("config", d.spec().config())).toList();
        return Map.of("setup", s.setup(), "devices", devices);
    }

    private static boolean declaresViolated(String file, String invariant) {
        return ScenarioLoader.load(DIR.resolve(file)).expect().stream()
                .anyMatch(e -> e instanceof Expectation.InvariantExpected x && x.invariant().equals(invariant)
                        && x.verdict() == InvariantVerdict.VIOLATED);
    }

    static Stream<RelayMutantMap.Entry> mutants() {
        return RelayMutantMap.entries().stream();
    }

    @ParameterizedTest
    @MethodSource("mutants")
    void everyMutantBreaksTheInvariantsItNamesWhereTheRelayKeepsThem(RelayMutantMap.Entry e) {
        RunResult correct = run(e.scenario(), Optional.empty());
        RunResult broken = run(e.scenario(), Optional.of(e.mutant()));
        assertThat(broken.roleErrors()).isEmpty();
        assertThat(e.breaks()).isEqualTo(e.mutant().breaks());
        for (String id : e.breaks()) {
            Invariant i = InvariantCatalogue.find(id).orElseThrow();
            assertThat(i.check(correct.trace())).as("%s holds on %s", id, e.scenario()).isEmpty();
            List<Violation> v = i.check(broken.trace());
            assertThat(v).as("%s must break %s on %s", e.mutant().qualifiedName(), id, e.scenario()).isNotEmpty();
            assertThat(v.get(0).evidence()).isNotEmpty();
        }
    }

    @Test
    void everyMutantIsMappedAndEveryInvariantIsBrokenBySome() {
        assertThat(RelayMutantMap.entries()).extracting(RelayMutantMap.Entry::mutant)
                .containsExactlyInAnyOrder(RelayMutant.values());
        assertThat(RelayMutantMap.entries().stream().flatMap(e -> e.breaks().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(InvariantCatalogue.forProtocol(RelayInvariants.PROTOCOL).stream()
                        .map(Invariant::id).toList());
    }

    /** The report's side by side: the same squat locks the agent out under TOFU and is refused under the fix. */
    @Test
    void theSquatWindowAndItsFix() {
        Invariant availability = InvariantCatalogue.find(RelayInvariants.SQUAT_AVAILABILITY).orElseThrow();
        List<Violation> tofu = availability.check(run("pre-emptive-squat-tofu.yaml", Optional.empty()).trace());
        assertThat(tofu).singleElement().satisfies(v -> assertThat(v.message())
                .startsWith("agent-1 registered its own slot").contains("PROOF_MISMATCH", "(tofu)"));
        RunResult fixed = run("pre-emptive-squat-owner-authorized.yaml", Optional.empty());
        assertThat(availability.judge(fixed.trace()).judged()).isPositive();
        assertThat(availability.check(fixed.trace())).isEmpty();
    }

    @Test
    void theHostMeasuresTheStoreAtItsCapUnderFlood() {
        RunResult r = run("flood-evicts-and-reclaims.yaml", Optional.empty());
        List<Integer> entries = r.trace().select(e -> e.is(TraceEvent.Kind.AUDIT, "probe-proof-store")).stream()
                .map(e -> Integer.parseInt(e.field("entries"))).toList();
        assertThat(entries).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2)).contains(2);
    }
}
