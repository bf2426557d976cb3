package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.trace.TraceEvent;

/** Each kind of expectation, passing and failing, with the exact line the CLI prints. */
class ExpectationsTest {
    private static final String DUPLICATED_PONG = Sim.ping("""
            attacker:
              steps:
                - {op: duplicate, match: {from: b}}
            expect:
              - {device: a, outcome: pong-received, result: accepted}
              - {device: a, outcome: pong-received, result: rejected, reason: UNKNOWN_PING}
              - {device: a, outcome: pong-received, result: rejected, reason: PONG_TIMEOUT}
              - {device: a, outcome: pong-received, result: none}
              - {device: b, outcome: pong-received, result: none}
              - {device: b, outcome: pong-received}
              - {device: b, audit: ping-answered}
              - {device: b, audit: ping-rejected, reason: BAD_SIGNATURE}
              - {invariant: ping.pong-answers-ping, holds: true}
              - {invariant: ping.pong-answers-ping, holds: false}
              - {invariant: ping.pong-answers-ping, vacuous: true}
            """);

    @Test
    void linesSayPassOrFailAndWhatTheRunShowed() {
        InvariantOracle oracle = (id, trace) -> id.equals("ping.pong-answers-ping") ? Optional.of(InvariantVerdict.HELD)
                : Optional.empty();
        Scenario s = Sim.scenario(DUPLICATED_PONG);
        RunResult r = new ScenarioRunner(EchoBinding.bindings(), oracle).execute(s);
        assertThat(r.expectations()).extracting(ExpectationResult::line).containsExactly(
                "PASS device a: outcome pong-received accepted",
                "PASS device a: outcome pong-received rejected UNKNOWN_PING",
                "FAIL device a: outcome pong-received rejected PONG_TIMEOUT: got accepted, rejected UNKNOWN_PING",
                "FAIL device a: never outcome pong-received: got 2 matching",
                "PASS device b: never outcome pong-received",
                "FAIL device b: outcome pong-received: got none",
                "PASS device b: audit ping-answered",
                "FAIL device b: audit ping-rejected BAD_SIGNATURE: got none",
                "PASS invariant ping.pong-answers-ping holds",
                "FAIL invariant ping.pong-answers-ping violated: got held",
                "FAIL invariant ping.pong-answers-ping vacuous: got held");
        assertThat(r.passed()).isFalse();
    }

    /** Counts, never, field matches and order, over a run where a gets one pong accepted and its duplicate refused. */
    @Test
    void countsNeverFieldsAndOrder() {
        String yaml = DUPLICATED_PONG.substring(0, DUPLICATED_PONG.indexOf("expect:")) + """
                expect:
                  - {id: ok, device: a, outcome: pong-received, result: accepted, count: 1}
                  - {device: a, outcome: pong-received, result: accepted, count: 2}
                  - {id: dup, device: a, outcome: pong-received, reason: UNKNOWN_PING, after: ok}
                  - {device: a, outcome: pong-received, reason: UNKNOWN_PING, before: ok}
                  - {device: a, outcome: pong-received, at-least: 2, at-most: 2}
                  - {device: a, outcome: pong-received, at-least: 3}
                  - {device: a, outcome: pong-received, at-most: 1}
                  - never: {device: a, outcome: pong-received, reason: PONG_TIMEOUT}
                  - never: {device: a, outcome: pong-received, result: accepted}
                  - {device: a, outcome: pong-received, result: accepted, peer: b}
                  - never: {device: a, outcome: pong-received, peer: a}
                  - {device: a, audit: pong-accepted, fields: {seq: "0", peer: b}, count: 1}
                  - {device: a, audit: pong-accepted, fields: {seq: "1"}}
                """;
        RunResult r = new ScenarioRunner(EchoBinding.bindings(), InvariantOracle.none()).execute(Sim.scenario(yaml));
        assertThat(r.expectations()).extracting(ExpectationResult::line).containsExactly(
                "PASS [ok] device a: outcome pong-received accepted, exactly 1",
                "FAIL device a: outcome pong-received accepted, exactly 2: got 1 matching",
                "PASS [dup] device a: outcome pong-received rejected UNKNOWN_PING, after ok",
                "FAIL device a: outcome pong-received rejected UNKNOWN_PING, before ok: got first at event 13, ok's at"
                        + " event 10",
                "PASS device a: outcome pong-received, exactly 2",
                "FAIL device a: outcome pong-received, at least 3: got 2 matching",
                "FAIL device a: outcome pong-received, at most 1: got 2 matching",
                "PASS device a: never outcome pong-received rejected PONG_TIMEOUT",
                "FAIL device a: never outcome pong-received accepted: got 1 matching",
                "PASS device a: outcome pong-received accepted peer=b",
                "PASS device a: never outcome pong-received peer=a",
                "PASS device a: audit pong-accepted peer=b seq=0, exactly 1",
                "FAIL device a: audit pong-accepted seq=1: got pong-accepted");
    }

    /**
     * A mutant of an expectation that still passes shows the expectation cannot fail: "a accepted a pong" survives
     * "a rejected a pong" on a run that has both; ordered against the rejection, it no longer does.
     */
    @Test
    void mutantsShowAnExpectationThatCannotFail() {
        String head = DUPLICATED_PONG.substring(0, DUPLICATED_PONG.indexOf("expect:"));
        Scenario weak = Sim.scenario(head + """
                expect:
                  - {device: a, outcome: pong-received, result: accepted}
                """);
        Scenario ordered = Sim.scenario(head + """
                expect:
                  - {id: ok, device: a, outcome: pong-received, result: accepted}
                  - {device: a, outcome: pong-received, reason: UNKNOWN_PING, after: ok}
                """);
        ScenarioRunner runner = new ScenarioRunner(EchoBinding.bindings(), InvariantOracle.none());
        org.trustlab.simulator.trace.Trace trace = runner.execute(weak).trace();
        org.trustlab.simulator.protocol.Vocabulary words = EchoBinding.bindings().find("ping").orElseThrow()
                .vocabulary();
        assertThat(survivors(runner, weak, trace, words)).containsExactly("accepted -> rejected");
        assertThat(survivors(runner, ordered, trace, words)).isEmpty();
    }

    private static java.util.List<String> survivors(ScenarioRunner runner, Scenario s,
            org.trustlab.simulator.trace.Trace trace, org.trustlab.simulator.protocol.Vocabulary words) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.expect().size(); i++) {
            for (ExpectationMutants.Mutant m : ExpectationMutants.of(s.expect().get(i), words)) {
                java.util.List<Expectation> mutated = new java.util.ArrayList<>(s.expect());
                mutated.set(i, m.expectation());
                if (runner.judge(s.withExpect(mutated), trace).stream().allMatch(ExpectationResult::passed)) {
                    out.add(m.change());
                }
            }
        }
        return out;
    }

    @Test
    void aRunPassesWhenEveryExpectationHolds() {
        RunResult r = Sim.run(Sim.ping("""
                expect:
                  - {device: a, outcome: pong-received, result: accepted}
                """));
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).extracting(TraceEvent::type).containsExactly("pong-received");
    }

    @Test
    void aRoleThatThrowsIsRecordedAndFailsTheRun() {
        RunResult r = Sim.run("""
                name: t
                protocol: echo
                end: 10s
                devices:
                  - {name: a, role: echo}
                  - {name: b, role: throwing}
                actions:
                  - {at: 1s, device: a, action: send, args: {to: b, count: 2}}
                """);
        assertThat(Sim.events(r, TraceEvent.Kind.NOTE, "role-exception")).hasSize(2)
                .allSatisfy(e -> assertThat(e.field("message")).isEqualTo("defective role"));
        assertThat(r.roleErrors()).hasSize(2).allSatisfy(m -> assertThat(m).startsWith("b on message at t="));
        assertThat(r.passed()).isFalse();
    }
}
