package org.trustlab.simulator.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinCodec;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The attacker forges every autojoin message type, from what it holds: a signature needs a key it holds (else the
 * step is refused and nothing goes on the wire), and what a forged message says is on the trace's DELIVER event.
 */
class AutoJoinForgeriesTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ProtocolBindings.standard(),
            (id, t) -> Optional.empty());
    private static final ScenarioLoader LOADER = new ScenarioLoader(ProtocolBindings.standard());

    /** The phone joins S1 through the laptop at 1 s (100 ms hops); {@code attacker} is the attacker's block. */
    private static RunResult run(String attacker) {
        String yaml = """
                name: forgeries
                protocol: autojoin
                seed: 1
                keys: {seed: 0}
                devices:
                  - {name: phone, role: requester}
                  - {name: laptop, role: validator}
                  - {name: server, role: server}
                setup:
                  profile: ed25519
                  sessions:
                    S1: {password: Correct-Horse, members: [laptop]}
                  trust:
                    - {device: laptop, trusts: [phone]}
                    - {device: phone, trusts: [laptop]}
                  grants:
                    - {owner: laptop, trusted: phone, scope: AutoJoin}
                network:
                  latency: {dist: constant, value: 100ms}
                actions:
                  - {at: 1s, device: phone, action: auto-join, args: {session: S1, validator: laptop}}
                attacker:
                  strategy: scripted
                """ + attacker + "end: 1m\n";
        return RUNNER.execute(LOADER.parse(yaml, "forgeries.yaml"));
    }

    private static List<TraceEvent> events(RunResult r, Kind kind, String type) {
        return r.trace().select(e -> e.is(kind, type));
    }

    private static final String FORGED_KEY = """
              steps:
                - {at: 1s, op: drop, match: {from: server, to: phone, tag: ValidateJoinCloudSessionParameters}, count: 1}
                - {at: 1750ms, op: inject, to: phone, from: server, message: {type: validate-join, requester: phone, validator: laptop, sign-with: laptop}}
            """;

    @Test
    void aSessionKeySignedWithAKeyTheAttackerLacksIsRefusedBeforeTheRun() {
        assertThatThrownBy(() -> run(FORGED_KEY)).isInstanceOfSatisfying(ScenarioException.class, e ->
                assertThat(e.getMessage()).contains("forgeries.yaml:").contains("does not hold laptop's "
                        + "generation-0 key at 1750ms"));
        // Compromised only after the step: still not held when it is made.
        assertThatThrownBy(() -> run("  compromise: [{device: laptop, at: 2s}]\n" + FORGED_KEY))
                .isInstanceOf(ScenarioException.class);
    }

    @Test
    void withTheValidatorsKeyHeldTheForgedKeyIsBoundToThePhonesChallengeAndTaken() {
        RunResult r = run("  compromise: [{device: laptop, at: 0s}]\n" + FORGED_KEY);
        TraceEvent challenge = events(r, Kind.DELIVER, AutoJoinCodec.AUTO_JOIN_CHALLENGE).get(1);
        assertThat(challenge.node()).isEqualTo("phone");
        TraceEvent forged = events(r, Kind.DELIVER, AutoJoinCodec.VALIDATE_JOIN).stream()
                .filter(e -> "attacker".equals(e.field("via"))).findFirst().orElseThrow();
        assertThat(forged.field("wire-nonce")).isEqualTo(challenge.field("wire-nonce")).isNotNull();
        assertThat(forged.field("wire-validator-instance")).isEqualTo("laptop");
        // Signed with the laptop's real key: the honest phone takes it (what the compromise allows).
        assertThat(events(r, Kind.AUDIT, "session-key-received")).hasSize(1);
    }

    @Test
    void everyMessageTypeCanBeForged() {
        RunResult r = run("""
                  steps:
                    - {at: 500ms, op: inject, to: laptop, from: server, message: {type: ask-exchange-key, claim: phone, key: attacker}}
                    - {at: 600ms, op: inject, to: laptop, from: server, message: {type: ask-join, claim: phone, password: guess}}
                    - {at: 700ms, op: inject, to: phone, from: server, message: {type: give-exchange-key, claim: laptop}}
                    - {at: 800ms, op: inject, to: laptop, from: server, message: {type: ask-auto-join, claim: phone}}
                    - {at: 1500ms, op: inject, to: phone, from: server, message: {type: challenge, to: phone, purpose: auto-inventory}}
                    - {at: 1600ms, op: inject, to: laptop, from: server, message: {type: challenge-response}}
                    - {at: 2s, op: inject, to: phone, from: server, message: {type: validate-join, requester: phone}}
                    - {at: 2100ms, op: inject, to: laptop, from: server, message: {type: finalize-join, requester: phone}}
                    - {at: 2200ms, op: inject, to: phone, from: server, message: {type: rejected, requester: phone, reason: GRANT_REVOKED}}
                """);
        assertThat(events(r, Kind.ATTACKER, "inject")).hasSize(9);
        assertThat(r.trace().select(e -> e.kind() == Kind.DELIVER && "attacker".equals(e.field("via")))
                .stream().map(TraceEvent::type).distinct()).containsExactlyInAnyOrder(
                        AutoJoinCodec.ASK_PASSWORD_EXCHANGE_KEY, AutoJoinCodec.ASK_JOIN,
                        AutoJoinCodec.GIVE_PASSWORD_EXCHANGE_KEY, AutoJoinCodec.ASK_AUTO_JOIN,
                        AutoJoinCodec.AUTO_JOIN_CHALLENGE, AutoJoinCodec.AUTO_JOIN_CHALLENGE_RESPONSE,
                        AutoJoinCodec.VALIDATE_JOIN, AutoJoinCodec.FINALIZE_JOIN, AutoJoinCodec.AUTO_JOIN_REJECTED);
        // The re-addressed challenge says what it was rewritten to.
        assertThat(r.trace().select(e -> e.is(Kind.DELIVER, AutoJoinCodec.AUTO_JOIN_CHALLENGE)
                && "attacker".equals(e.field("via")))).singleElement().satisfies(e ->
                        assertThat(e.field("wire-purpose")).isEqualTo("auto-inventory"));
    }

    @Test
    void aForgeryOfAnUnknownTypeOrReasonNamesWhatIsWrong() {
        assertThatThrownBy(() -> run("  steps:\n    - {at: 1s, op: inject, to: phone, from: server, "
                + "message: {type: rejected, reason: NOT_A_REASON}}\n"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.getMessage())
                        .contains("unknown autojoin reason 'NOT_A_REASON'"));
        assertThatThrownBy(() -> run("  steps:\n    - {at: 1s, op: inject, to: phone, from: server, "
                + "message: {type: finalize-join, flow: vouch}}\n"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.getMessage())
                        .contains("flow must be auto-join or manual-join, not 'vouch'"));
        assertThatThrownBy(() -> run("  steps:\n    - {at: 1s, op: inject, to: phone, from: server, "
                + "message: {type: hello}}\n"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.getMessage())
                        .contains("validate-join").contains("'hello'"));
    }
}
