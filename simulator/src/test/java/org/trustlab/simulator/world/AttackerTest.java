package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.AttackStep;
import org.trustlab.simulator.scenario.AttackerSpec;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** Each Dolev-Yao attacker action, scripted, and the random strategy. */
class AttackerTest {

    private static String attack(String steps) {
        return Sim.ping("attacker:\n  steps:\n" + steps.indent(4));
    }

    private static List<TraceEvent> delivered(RunResult r, String node) {
        return Sim.events(r, e -> e.kind() == Kind.DELIVER && e.node().equals(node));
    }

    @Test
    void theAttackerSeesEveryMessageAndRecordsWhatItLearns() {
        RunResult r = Sim.run(Sim.ping("attacker: {strategy: none}\n"));
        assertThat(Sim.attacker(r, "learned")).hasSize(1)
                .allSatisfy(e -> assertThat(e.field("kind")).isEqualTo("ping-nonce"));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void drop() {
        RunResult r = Sim.run(attack("- {op: drop, match: {from: a, tag: ping}}"));
        assertThat(Sim.attacker(r, "drop")).singleElement()
                .satisfies(e -> assertThat(e.field("msg-id")).isEqualTo("m0"));
        assertThat(delivered(r, "b")).isEmpty();
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("rejected PONG_TIMEOUT");
    }

    @Test
    void delay() {
        RunResult r = Sim.run(attack("- {op: delay, match: {to: b}, by: 5s}"));
        assertThat(delivered(r, "b")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(6_010_000_000L));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void duplicate() {
        RunResult r = Sim.run(attack("- {op: duplicate, match: {from: b}, after: 2s}"));
        assertThat(delivered(r, "a")).extracting(e -> e.field("msg-id")).containsExactly("m1", "m1");
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted", "rejected UNKNOWN_PING");
    }

    @Test
    void reorder() {
        String echo = """
                name: t
                protocol: echo
                end: 1m
                devices:
                  - {name: a, role: echo}
                  - {name: b, role: echo}
                actions:
                  - {at: 1s, device: a, action: send, args: {to: b, count: 3, gap: 100ms}}
                attacker:
                  steps:
                    - {op: reorder, match: {from: a}}
                """;
        RunResult r = Sim.run(echo);
        assertThat(Sim.audits(r, "b", "echo-received")).extracting(e -> e.field("seq"))
                .containsExactly("1", "0", "2");
        assertThat(Sim.attacker(r, "release")).singleElement()
                .satisfies(e -> assertThat(e.field("why")).isEqualTo("overtaken"));
    }

    @Test
    void replayAnEarlierMessageToAnyNodeAtALaterTime() {
        RunResult r = Sim.run(Sim.ping("""
                attacker:
                  steps:
                    - {at: 10s, op: replay, msg: m0, to: c}
                    - {at: 20s, op: replay, msg: m0}
                    - {at: 30s, op: replay, msg: m99}
                """).replace("  - {name: b, role: node}\n", "  - {name: b, role: node}\n  - {name: c, role: node}\n"));
        // the ping replayed to c (which answers a) and again to b: each answer is an unknown pong to a
        assertThat(Sim.audits(r, "c", "ping-answered")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(10_000_000_000L));
        assertThat(Sim.audits(r, "b", "ping-answered")).hasSize(2);
        assertThat(Sim.outcomes(r, "a", "pong-received"))
                .containsExactly("accepted", "rejected UNKNOWN_PING", "rejected UNKNOWN_PING");
        assertThat(delivered(r, "c").get(0).field("via")).isEqualTo("attacker");
        assertThat(Sim.attacker(r, "replay-failed")).singleElement()
                .satisfies(e -> assertThat(e.field("msg-id")).isEqualTo("m99"));
    }

    @Test
    void redirect() {
        RunResult r = Sim.run(Sim.ping("""
                attacker:
                  steps:
                    - {op: redirect, match: {from: a}, to: c}
                """).replace("  - {name: b, role: node}\n", "  - {name: b, role: node}\n  - {name: c, role: node}\n"));
        assertThat(delivered(r, "b")).isEmpty();
        assertThat(Sim.audits(r, "c", "ping-answered")).hasSize(1);
        assertThat(Sim.attacker(r, "redirect")).singleElement()
                .satisfies(e -> assertThat(e.field("new-to")).isEqualTo("c"));
        // the unauthenticated demo protocol accepts c's answer: exactly what a redirect attack exploits
        assertThat(Sim.audits(r, "a", "pong-accepted")).singleElement()
                .satisfies(e -> assertThat(e.field("peer")).isEqualTo("c"));
    }

    @Test
    void tamperByFlippingBits() {
        // bit 8 is in the tag length: the bytes no longer decode
        RunResult garbled = Sim.run(attack("- {op: tamper, match: {from: a}, flip: 8}"));
        assertThat(Sim.events(garbled, Kind.MALFORMED, null)).singleElement()
                .satisfies(e -> assertThat(e.node()).isEqualTo("b"));
        assertThat(Sim.audits(garbled, "b", "message-rejected")).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("MALFORMED"));
        TraceEvent tamper = Sim.attacker(garbled, "tamper").get(0);
        assertThat(tamper.field("bytes-sha256")).isNotEqualTo(tamper.field("original-sha256"));
        assertThat(delivered(garbled, "b").get(0).field("bytes-sha256")).isEqualTo(tamper.field("bytes-sha256"));

        // the last bit of a signed ping is in the signature: it decodes but does not verify
        String signed = Sim.ping("attacker:\n  steps:\n    - {op: tamper, match: {from: a}, flip: 1000000}\n")
                .replace("{name: a, role: node}", "{name: a, role: node, config: {sign: true}}")
                .replace("{name: b, role: node}", "{name: b, role: node, config: {require-signature: true}}");
        RunResult r = Sim.run(signed.replace("flip: 1000000", "flip: " + (lastBit(signed))));
        assertThat(Sim.audits(r, "b", "ping-rejected")).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("BAD_SIGNATURE"));
    }

    /** The index of the last bit of a's signed ping (its size is in the untampered trace). */
    private static long lastBit(String scenario) {
        RunResult clean = Sim.run(scenario.replace("attacker:\n  steps:\n    - {op: tamper, match: {from: a}, flip: "
                + "1000000}\n", ""));
        int size = Integer.parseInt(Sim.events(clean, Kind.SEND, null).get(0).field("size"));
        return size * 8L - 8 + 7;
    }

    @Test
    void tamperBySubstitutingAField() {
        // field 2 of a pong is the nonce: a no longer recognises it
        RunResult r = Sim.run(attack("- {op: tamper, match: {from: b}, substitute: {field: 2, value: "
                + "'00112233445566778899aabbccddeeff'}}"));
        assertThat(Sim.audits(r, "a", "pong-rejected")).singleElement()
                .satisfies(e -> assertThat(e.field("nonce")).isEqualTo("00112233445566778899aabbccddeeff"));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("rejected UNKNOWN_PING",
                "rejected PONG_TIMEOUT");
        // a field index past the end is refused and the message passes unchanged
        RunResult failed = Sim.run(attack("- {op: tamper, match: {from: b}, substitute: {field: 9, value: '00'}}"));
        assertThat(Sim.attacker(failed, "tamper-failed")).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("WRONG_FIELD_COUNT"));
        assertThat(Sim.outcomes(failed, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void tamperByCopyingAFieldFromAnEarlierMessage() {
        // the second pong gets the first pong's nonce (field 2), which a already consumed
        RunResult r = Sim.run(Sim.ping("""
                attacker:
                  steps:
                    - {at: 3s, op: tamper, match: {from: b}, substitute: {field: 2, copy-from: last}}
                """).replace("args: {to: b}", "args: {to: b, count: 2, interval: 5s}"));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted", "rejected UNKNOWN_PING",
                "rejected PONG_TIMEOUT");
    }

    @Test
    void injectAMessageBuiltFromWhatTheAttackerKnows() {
        // between a's ping and b's slow pong, the attacker forges a pong carrying the observed nonce
        RunResult r = Sim.run(Sim.ping("""
                network:
                  latency: {dist: constant, value: 1s}
                attacker:
                  steps:
                    - {at: 1500ms, op: inject, to: a, from: b, message: {type: pong, sender: b, nonce: last-ping}}
                """));
        assertThat(Sim.attacker(r, "inject")).singleElement()
                .satisfies(e -> assertThat(e.field("tag")).isEqualTo("trustlab/ping/pong/v1"));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted", "rejected UNKNOWN_PING");
        assertThat(Sim.audits(r, "a", "pong-accepted").get(0).timeNanos()).isEqualTo(1_500_000_000L);
    }

    @Test
    void registerAnAttackerControlledDevice() {
        RunResult r = Sim.run("""
                name: t
                protocol: ping
                end: 1m
                devices:
                  - {name: b, role: node, config: {require-signature: true}}
                  - {name: eve, role: node, attacker: true, config: {sign: true}}
                actions:
                  - {at: 2s, device: b, action: ping, args: {to: eve}}
                attacker:
                  steps:
                    - {at: 5s, op: register, device: eve, action: ping, args: {to: b}}
                """);
        assertThat(Sim.attacker(r, "controls")).singleElement()
                .satisfies(e -> assertThat(e.field("device")).isEqualTo("eve"));
        assertThat(Sim.events(r, Kind.DROP, null)).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("unregistered"));
        assertThat(Sim.attacker(r, "register")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(5_000_000_000L));
        // eve signs with its own key, which b knows as eve's: accepted
        assertThat(Sim.audits(r, "b", "ping-answered")).singleElement()
                .satisfies(e -> assertThat(e.field("sender")).isEqualTo("eve"));
        assertThat(Sim.outcomes(r, "eve", "pong-received")).containsExactly("accepted");
    }

    private static final String COMPROMISED_AT_10S = """
            name: t
            protocol: ping
            end: 1m
            devices:
              - {name: a, role: node}
              - {name: b, role: node, config: {require-signature: true}}
            attacker:
              compromise:
                - {device: a, generation: 0, at: 10s}
              steps:
            """;

    @Test
    void compromisedKeysWorkOnlyFromTheirTimeOn() {
        RunResult r = Sim.run(COMPROMISED_AT_10S + """
                    - {at: 5s, op: inject, to: b, from: a, message: {type: ping, sender: a, seq: 1, sign-as: attacker}}
                    - {at: 15s, op: inject, to: b, from: a, message: {type: ping, sender: a, seq: 2, sign-as: a}}
                """);
        assertThat(Sim.attacker(r, "compromise")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(10_000_000_000L));
        assertThat(Sim.audits(r, "b", "ping-rejected")).singleElement().satisfies(e -> {
            assertThat(e.field("seq")).isEqualTo("1");
            assertThat(e.field("reason")).isEqualTo("BAD_SIGNATURE");
        });
        assertThat(Sim.audits(r, "b", "ping-answered")).singleElement()
                .satisfies(e -> assertThat(e.field("seq")).isEqualTo("2"));
    }

    /** Signing with a key before it is compromised is refused before the run, never signed with another key. */
    @Test
    void aSignatureWithAKeyNotYetHeldIsRefusedAtLoad() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sim.scenario(COMPROMISED_AT_10S + """
                    - {at: 5s, op: inject, to: b, from: a, message: {type: ping, sender: a, seq: 1, sign-as: a}}
                """));
        assertThat(e.getMessage()).isEqualTo("test.yaml:11:94: the attacker does not hold a's generation-0 key at"
                + " 5s, so it cannot sign with it (add a 'compromise' of a generation 0 at or before 5s, or sign with"
                + " 'attacker')");
        // at the compromise's own instant it holds the key: compromises happen before steps of the same time
        Sim.scenario(COMPROMISED_AT_10S + """
                    - {at: 10s, op: inject, to: b, from: a, message: {type: ping, sender: a, seq: 1, sign-as: a}}
                """);
    }

    /**
     * Where only the run can tell (a step no file states, as a campaign builds), a forgery needing a key the
     * attacker lacks is recorded as not made, and nothing is sent in its stead.
     */
    @Test
    void aForgeryTheAttackerCannotMakeIsRecordedAndNotSent() {
        Scenario base = Sim.scenario(COMPROMISED_AT_10S + """
                    - {at: 15s, op: inject, to: b, from: a, message: {type: ping, sender: a, seq: 2, sign-as: a}}
                """);
        AttackerSpec spec = base.attacker().orElseThrow();
        // the same step at 5s, which the loader would have refused
        AttackStep.Inject early = new AttackStep.Inject(java.time.Duration.ofSeconds(5), "b", "a",
                java.util.Map.of("type", "ping", "sender", "a", "seq", 1, "sign-as", "a"));
        RunResult r = Sim.run(base.withAttacker(java.util.Optional.of(spec.withSteps(List.of(early)))), 0);
        assertThat(Sim.attacker(r, "inject-refused")).singleElement().satisfies(e -> {
            assertThat(e.field("key")).isEqualTo("a@0");
            assertThat(e.field("reason")).isEqualTo("key-not-held");
            assertThat(e.timeNanos()).isEqualTo(5_000_000_000L);
        });
        assertThat(Sim.attacker(r, "inject")).isEmpty();
        assertThat(delivered(r, "b")).isEmpty();
        assertThat(Sim.audits(r, "b", "ping-rejected")).isEmpty();
    }

    @Test
    void theRandomStrategyIsDrawnFromTheSeed() {
        String busy = Sim.ping("""
                attacker:
                  strategy: random
                  random: {rate: 1, ops: [drop]}
                """).replace("args: {to: b}", "args: {to: b, count: 10, interval: 1s}");
        RunResult allDropped = Sim.run(busy);
        assertThat(Sim.attacker(allDropped, "drop")).hasSize(10);
        assertThat(Sim.events(allDropped, Kind.DELIVER, null)).isEmpty();

        String mixed = busy.replace("rate: 1, ops: [drop]", "rate: 0.7");
        RunResult m1 = Sim.run(mixed);
        assertThat(Sim.run(mixed).traceSha256()).isEqualTo(m1.traceSha256());
        assertThat(m1.trace().of(Kind.ATTACKER).stream().map(TraceEvent::type).distinct().count())
                .isGreaterThanOrEqualTo(4);
        assertThat(Sim.run(Sim.scenario(mixed), 2).traceSha256()).isNotEqualTo(m1.traceSha256());
    }

    @Test
    void replayClaimingAnotherSender() {
        // a's ping, replayed to b as if c had sent it: b answers c, which never pinged
        RunResult r = Sim.run(Sim.ping("""
                attacker:
                  steps:
                    - {at: 10s, op: replay, msg: m0, from: c}
                """).replace("  - {name: b, role: node}\n", "  - {name: b, role: node}\n  - {name: c, role: node}\n"));
        assertThat(Sim.attacker(r, "replay")).singleElement().satisfies(e -> {
            assertThat(e.field("from")).isEqualTo("c");
            assertThat(e.field("original-from")).isEqualTo("a");
            assertThat(e.timeNanos()).isEqualTo(10_000_000_000L);
        });
        assertThat(Sim.audits(r, "b", "ping-answered")).extracting(e -> e.field("from")).containsExactly("a", "c");
        assertThat(Sim.outcomes(r, "c", "pong-received")).containsExactly("rejected UNKNOWN_PING");
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void aRegisteredDeviceUsesItsOwnKeysNotAnHonestOnes() {
        RunResult r = Sim.run("""
                name: t
                protocol: ping
                end: 1m
                devices:
                  - {name: a, role: node}
                  - {name: b, role: node, config: {require-signature: true}}
                  - {name: eve, role: node, attacker: true}
                attacker:
                  steps:
                    - {at: 1s, op: register, device: eve}
                    - {at: 2s, op: inject, to: b, from: eve, message: {type: ping, sender: eve, sign-as: eve}}
                    - {at: 3s, op: inject, to: b, from: a, message: {type: ping, sender: a, sign-as: attacker}}
                """);
        String eveKey = DeterministicKeys.ed25519(0, "eve", 0).fingerprint();
        assertThat(Sim.attacker(r, "register")).singleElement()
                .satisfies(e -> assertThat(e.field("ed25519")).isEqualTo(eveKey));
        assertThat(eveKey).isNotEqualTo(DeterministicKeys.ed25519(0, "a", 0).fingerprint());
        // its own device's key is the attacker's to use; a's is not (signing as a is refused at load), and the
        // attacker's own signature in a's name fails
        assertThat(Sim.audits(r, "b", "ping-answered")).singleElement()
                .satisfies(e -> assertThat(e.field("sender")).isEqualTo("eve"));
        assertThat(Sim.audits(r, "b", "ping-rejected")).singleElement().satisfies(e -> {
            assertThat(e.field("sender")).isEqualTo("a");
            assertThat(e.field("reason")).isEqualTo("BAD_SIGNATURE");
        });
    }

    /** Each move of the random strategy, alone at rate 1, acts on a's pings and is recorded as what it is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"drop, drop", "delay, delay", "duplicate, duplicate", "reorder, reorder", "redirect, redirect",
        "tamper, tamper", "replay, replay", "inject, inject"})
    void eachRandomMove(String op, String recorded) {
        String yaml = Sim.ping("attacker:\n  strategy: random\n  random: {rate: 1, ops: [" + op
                + "], max-delay: 1s}\n").replace("  - {name: b, role: node}\n",
                "  - {name: b, role: node}\n  - {name: c, role: node}\n")
                .replace("args: {to: b}", "args: {to: b, count: 3, interval: 5s}");
        RunResult r = Sim.run(yaml);
        List<TraceEvent> moves = Sim.events(r, e -> e.kind() == Kind.ATTACKER && "random".equals(e.field("step")));
        assertThat(moves).as(op).isNotEmpty().allSatisfy(e -> assertThat(e.type()).isEqualTo(recorded));
        assertThat(r.roleErrors()).isEmpty();
        assertThat(Sim.run(yaml).traceSha256()).isEqualTo(r.traceSha256());
    }

    @Test
    void theRandomStrategyPassesOverRegister() {
        RunResult r = Sim.run(Sim.ping("attacker:\n  strategy: random\n  random: {rate: 1, ops: [register]}\n"));
        assertThat(Sim.events(r, e -> e.kind() == Kind.ATTACKER && !e.type().equals("learned"))).isEmpty();
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    /** Same seed, same plan of moves; another seed, another plan (not just other nonces). */
    @Test
    void anotherSeedGivesAnotherAttackPlan() {
        String yaml = Sim.ping("attacker:\n  strategy: random\n  random: {rate: 0.5, max-delay: 1s}\n")
                .replace("args: {to: b}", "args: {to: b, count: 20, interval: 1s}");
        List<String> plan1 = plan(Sim.run(Sim.scenario(yaml), 1));
        assertThat(plan1).hasSizeGreaterThan(5);
        assertThat(plan(Sim.run(Sim.scenario(yaml), 1))).isEqualTo(plan1);
        assertThat(plan(Sim.run(Sim.scenario(yaml), 2))).isNotEqualTo(plan1);
    }

    /** The attacker's moves as time, move and target message; nonces and hashes are left out. */
    private static List<String> plan(RunResult r) {
        return Sim.events(r, e -> e.kind() == Kind.ATTACKER && "random".equals(e.field("step"))).stream()
                .map(e -> e.timeNanos() + " " + e.type() + " " + e.field("msg-id") + " " + e.field("to"))
                .toList();
    }
}
