package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The twin is the run the attacked one would have been without the attacker: with an attacker that only watches
 * (and a lossy, jittery, duplicating network drawing from its own streams), the honest part of the attacked run
 * and the twin are the same events at the same times. Only a run with an attacker and a liveness phase has one.
 */
class TwinRunTest {
    private static final String WATCHER = """
            attacker:
              strategy: none
            quiesce: {at: 20s, within: 1m}
            """;

    private static Scenario scenario(String extra) throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "autojoin", "happy-path.yaml"))
                .replace("profile: hardened", "profile: ed25519")
                .replace("latency: {dist: constant, value: 100ms}",
                        "latency: {dist: uniform, min: 10ms, max: 300ms}\n  loss: 0.2\n  duplicate: 0.3")
                .replace("end: 2m", "end: 2m\n" + extra);
        return new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, "twin.yaml");
    }

    private static List<String> honest(Trace t) {
        return t.events().stream().filter(e -> e.kind() != Kind.ATTACKER && !e.node().equals("attacker"))
                .map(TwinRunTest::describe).toList();
    }

    private static String describe(TraceEvent e) {
        return e.timeNanos() + " " + e.node() + " " + e.kind() + " " + e.type() + " " + e.fields();
    }

    @Test
    void theTwinIsTheHonestPartOfARunWithAWatchingAttacker() throws Exception {
        Scenario s = scenario(WATCHER);
        for (long seed = 1; seed <= 5; seed++) {
            Trace attacked = new ScenarioRunner(InvariantOracle.none()).execute(s, seed).trace();
            Trace twin = new TwinRun(ProtocolBindings.standard()).run(s, seed).orElseThrow();
            assertThat(honest(twin)).as("seed %d", seed).isEqualTo(honest(attacked));
            assertThat(twin.events()).noneMatch(e -> e.kind() == Kind.ATTACKER);
        }
    }

    @Test
    void onlyARunWithAnAttackerAndALivenessPhaseHasATwin() throws Exception {
        assertThat(TwinRun.twinOf(scenario(WATCHER))).isPresent();
        assertThat(TwinRun.twinOf(scenario("attacker:\n  strategy: none\n"))).isEmpty();
        assertThat(TwinRun.twinOf(scenario("quiesce: {at: 20s, within: 1m}\n"))).isEmpty();
    }
}
