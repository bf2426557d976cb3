package org.trustlab.properties.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.ping.PingBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/** ping.pong-answers-ping holds for the ping protocol under duplication and replay, and its mutant breaks it. */
class PingInvariantsTest {
    private static final Invariant INVARIANT = InvariantCatalogue.find(PingInvariants.PONG_ANSWERS_PING).orElseThrow();

    private static Trace run(String mutant) {
        String yaml = """
                name: t
                protocol: ping
                end: 1m
                devices:
                  - {name: a, role: node}
                  - {name: b, role: node}
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b, count: 3, interval: 1s}}
                attacker:
                  steps:
                    - {op: duplicate, match: {from: b}, count: 3}
                    - {at: 20s, op: replay, match: {from: b}}
                """ + mutant;
        Scenario s = new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, "t.yaml");
        return new ScenarioRunner(InvariantOracle.none()).execute(s).trace();
    }

    @Test
    void holdsForThePingProtocolUnderDuplicationAndReplay() {
        Trace trace = run("");
        assertThat(trace.select(e -> e.is(TraceEvent.Kind.OUTCOME, "pong-received")
                && "rejected".equals(e.field("result")))).hasSize(4);
        assertThat(INVARIANT.check(trace)).isEmpty();
        assertThat(InvariantCatalogue.judge(PingInvariants.PONG_ANSWERS_PING, trace)).contains(InvariantVerdict.HELD);
    }

    @Test
    void theMutantThatAcceptsAnyPongIsCaught() {
        List<Violation> violations = INVARIANT.check(run("mutant: " + PingBinding.MUTANT_ACCEPT_ANY_PONG + "\n"));
        assertThat(violations).hasSize(4)
                .allSatisfy(v -> assertThat(v.message()).contains("accepted a second pong for its ping"));
        assertThat(violations.get(0).evidence()).hasSize(3);
    }

    @Test
    void aPongForANonceNeverSentIsAViolation() {
        TraceEvent forged = new TraceEvent(0, 0, "a", TraceEvent.Kind.OUTCOME, "pong-received",
                Map.of("result", "accepted", "nonce", "ff", "seq", "0"));
        assertThat(INVARIANT.check(new Trace(List.of(forged), "x"))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("never sent"));
    }
}
