package org.trustlab.properties.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.campaign.TwinRun;
import org.trustlab.properties.scenario.ExpectationMutationTest;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;

/**
 * Vacuity is counted, not assumed: a run in which nothing happens is vacuous for every invariant of its protocol,
 * and every invariant is judged (not vacuous) on at least one shipped scenario, so none is vacuous everywhere.
 */
class VacuityTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ProtocolBindings.standard(),
            InvariantCatalogue::judge);

    @Test
    void aRunWhereNothingHappensIsVacuousForEveryInvariant() {
        for (String protocol : List.of("autojoin", "vouch")) {
            String file = protocol + "/happy-path.yaml";
            Scenario s = ScenarioLoader.load(Path.of("..", "scenarios").resolve(file));
            Trace idle = RUNNER.execute(s.withActions(List.of()).withExpect(List.of())).trace();
            for (Invariant i : InvariantCatalogue.forProtocol(protocol)) {
                assertThat(i.judge(idle).verdict()).as("%s on %s without actions", i.id(), file)
                        .isEqualTo(InvariantVerdict.VACUOUS);
            }
        }
    }

    @Test
    void everyInvariantIsJudgedOnSomeShippedScenario() {
        List<String> judgedSomewhere = new ArrayList<>();
        for (String file : ExpectationMutationTest.scenarios().toList()) {
            Scenario s = ScenarioLoader.load(Path.of("..", "scenarios").resolve(file));
            Trace t = RUNNER.execute(s).trace();
            TwinRun twins = new TwinRun(ProtocolBindings.standard());
            for (Invariant i : InvariantCatalogue.forProtocol(s.protocol())) {
                // A paired invariant is judged against the run's attacker-free twin, as campaigns judge it.
                if (TraceCheck.of(i).judge(t, () -> twins.run(s, s.seed())).verdict() != InvariantVerdict.VACUOUS && !judgedSomewhere.contains(i.id())) {
                    judgedSomewhere.add(i.id());
                }
            }
        }
        assertThat(judgedSomewhere).containsExactlyInAnyOrderElementsOf(
                InvariantCatalogue.all().stream().map(Invariant::id).toList());
    }
}
