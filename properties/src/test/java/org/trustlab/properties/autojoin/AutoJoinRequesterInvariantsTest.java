package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.properties.autojoin.AutoJoinFixtures.world;
import static org.trustlab.properties.autojoin.AutoJoinTraceInvariantsTest.asked;
import static org.trustlab.properties.autojoin.AutoJoinTraceInvariantsTest.responded;
import static org.trustlab.properties.autojoin.AutoJoinTraceInvariantsTest.withDesktop;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The requester-side invariants on hand-built traces, judged on the wire alone: what the phone asked for and signed,
 * what the laptop sent and the phone took. Each fires on a minimal bad trace, holds on the closest honest one, and
 * each exemption (a device the attacker controls, a validator whose keys it held) excuses only its own case.
 */
class AutoJoinRequesterInvariantsTest {
    @Nested
    class RequesterSignsOwnChallenges {
        private final Invariant invariant = new AutoJoinInvariants.RequesterSignsOwnChallenges();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        private SyntheticTrace answer(SyntheticTrace b, String nonce) {
            return responded(b, "phone", nonce, "laptop", "C-laptop", "auto-join");
        }

        @Test
        void holdsForAChallengeThatAnswersTheRequestAndWhenNothingIsSigned() {
            assertThat(check(answer(asked(world(), "laptop", "auto-join"), "n1"))).isEmpty();
            assertThat(check(asked(world(), "laptop", "auto-join"))).isEmpty();
        }

        @Test
        void firesOnASignatureWithoutARequestForThatSession() {
            assertThat(check(answer(world(), "n1"))).singleElement().satisfies(v -> {
                assertThat(v.message()).contains("phone signed challenge n1 of session S1")
                        .contains("asked for no join of that session");
                assertThat(v.evidence()).hasSize(1);
            });
            // A request made only after the signature does not count.
            assertThat(check(asked(answer(world(), "n1"), "laptop", "auto-join"))).hasSize(1);
        }

        @Test
        void firesOnAChallengeForAnotherPurposeTargetOrRequester() {
            assertThat(check(responded(asked(world(), "laptop", "auto-join"), "phone", "n1", "laptop", "C-laptop",
                    "auto-synchronize"))).singleElement().satisfies(v -> assertThat(v.message())
                            .contains("asked for auto-join, the challenge is for auto-synchronize"));
            assertThat(check(responded(asked(withDesktop(), "laptop", "auto-join"), "phone", "n1", "desktop",
                    "C-desktop", "auto-join"))).singleElement().satisfies(v -> assertThat(v.message())
                            .contains("it asked laptop, the challenge names target C-desktop"));
            // Right member instance, wrong target inside the challenge.
            assertThat(check(responded(asked(withDesktop(), "laptop", "auto-join"), "phone", "n1", "laptop",
                    "C-desktop", "auto-join"))).hasSize(1);
            SyntheticTrace otherRequester = asked(world(), "laptop", "auto-join").add("phone", Kind.SEND,
                    AutoJoinTrace.RESPONSE, AutoJoinTrace.W_SESSION, "S1", AutoJoinTrace.W_VALIDATOR, "laptop",
                    AutoJoinTrace.W_REQUESTER, "C-tablet", AutoJoinTrace.W_TARGET, "C-laptop",
                    AutoJoinTrace.W_PURPOSE, "auto-join", AutoJoinTrace.W_NONCE, "n1");
            assertThat(check(otherRequester)).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("names requester C-tablet, not C-phone"));
        }

        @Test
        void oneRequestIsAnsweredByOneChallenge() {
            SyntheticTrace twice = answer(answer(asked(world(), "laptop", "auto-join"), "n1"), "n2");
            assertThat(check(twice)).singleElement().satisfies(v -> {
                assertThat(v.message()).contains("signed challenge n2 after n1 for one request");
                assertThat(v.evidence()).hasSize(2);
            });
            // The same challenge signed twice (a duplicate), or a second request before the second challenge: fine.
            assertThat(check(answer(answer(asked(world(), "laptop", "auto-join"), "n1"), "n1"))).isEmpty();
            assertThat(check(answer(asked(answer(asked(world(), "laptop", "auto-join"), "n1"), "laptop",
                    "auto-join"), "n2"))).isEmpty();
        }

        @Test
        void aNewRequestForTheSessionReplacesTheOneBefore() {
            // Asked laptop for auto-join, then for auto-inventory: a challenge for auto-join no longer answers.
            SyntheticTrace replaced = answer(asked(asked(world(), "laptop", "auto-join"), "laptop",
                    "auto-inventory"), "n1");
            assertThat(check(replaced)).hasSize(1);
        }

        @Test
        void onlyARequestersOwnSendsAreJudgedAndNotOnceTheAttackerControlsIt() {
            // The server relays whatever it is given; an attacker's injection is no SEND of the phone.
            assertThat(check(responded(world(), "server", "n1", "laptop", "C-laptop", "auto-synchronize")))
                    .isEmpty();
            assertThat(check(answer(world().attacker("controls", "device", "phone"), "n1"))).isEmpty();
            // Control taken only after the signature, or of another device, excuses nothing.
            assertThat(check(answer(world(), "n1").attacker("controls", "device", "phone"))).hasSize(1);
            assertThat(check(answer(world().attacker("controls", "device", "tablet"), "n1"))).hasSize(1);
            // A compromise of the phone's key is no exemption: the phone's own role still signed.
            assertThat(check(answer(world().attacker("compromise", "device", "phone", "generation", "0"), "n1")))
                    .hasSize(1);
        }
    }

    @Nested
    class SessionKeyAuthenticity {
        private final Invariant invariant = new AutoJoinInvariants.SessionKeyAuthenticity();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        /** A ValidateJoin on the wire, as {@code node} sent it or (kind DELIVER) the phone received it. */
        private SyntheticTrace validate(SyntheticTrace b, String node, Kind kind, String flow, String nonce,
                String payload) {
            List<String> kv = new java.util.ArrayList<>(List.of("msg-id", "v" + kind + node,
                    AutoJoinTrace.W_SESSION, "S1", AutoJoinTrace.W_JOINER, "phone", AutoJoinTrace.W_VALIDATOR,
                    "laptop", AutoJoinTrace.W_FLOW, flow, "wire-payload-fingerprint", payload,
                    "wire-signature-fingerprint", "sig-" + payload));
            if (nonce != null) {
                kv.add(AutoJoinTrace.W_NONCE);
                kv.add(nonce);
            }
            return b.add(node, kind, AutoJoinTrace.VALIDATE, kv.toArray(String[]::new));
        }

        private SyntheticTrace took(SyntheticTrace b, String flow) {
            return b.audit("phone", AutoJoinTrace.RECEIVED, "session", "S1", "flow", flow, "validator-instance",
                    "laptop", "session-key-fingerprint", "sk1");
        }

        /** The phone asked laptop and signed n1; the laptop sent the key for n1 ({@code payload} e1). */
        private SyntheticTrace signedAndSent() {
            SyntheticTrace b = responded(asked(world(), "laptop", "auto-join"), "phone", "n1", "laptop", "C-laptop",
                    "auto-join");
            return validate(b, "laptop", Kind.SEND, "auto-join", "n1", "e1");
        }

        @Test
        void holdsWhenThePhoneTakesTheKeyTheLaptopSentForItsChallenge() {
            assertThat(check(took(validate(signedAndSent(), "phone", Kind.DELIVER, "auto-join", "n1", "e1"),
                    "auto-join"))).isEmpty();
        }

        @Test
        void firesOnAKeyTheLaptopNeverSent() {
            assertThat(check(took(validate(signedAndSent(), "phone", Kind.DELIVER, "auto-join", "n1", "forged"),
                    "auto-join"))).singleElement().satisfies(v -> {
                        assertThat(v.message()).contains("phone took the session key of S1 from a message naming "
                                + "laptop: that validator never sent it");
                        assertThat(v.evidence()).hasSize(2);
                    });
            // Sent only after the phone received it: not the laptop's.
            SyntheticTrace late = took(validate(responded(asked(world(), "laptop", "auto-join"), "phone", "n1",
                    "laptop", "C-laptop", "auto-join"), "phone", Kind.DELIVER, "auto-join", "n1", "e1"),
                    "auto-join");
            assertThat(check(validate(late, "laptop", Kind.SEND, "auto-join", "n1", "e1"))).hasSize(1);
        }

        @Test
        void firesOnAKeyForAnotherExchangeOfTheSession() {
            // The laptop's key for an earlier challenge n0, replayed after the phone signed n1.
            SyntheticTrace b = validate(world(), "laptop", Kind.SEND, "auto-join", "n0", "e0");
            b = responded(asked(b, "laptop", "auto-join"), "phone", "n1", "laptop", "C-laptop", "auto-join");
            assertThat(check(took(validate(b, "phone", Kind.DELIVER, "auto-join", "n0", "e0"), "auto-join")))
                    .singleElement().satisfies(v -> assertThat(v.message())
                            .contains("it answers challenge n0, the requester last signed n1"));
        }

        @Test
        void firesOnAKeyTakenWithoutAValidateJoinDelivered() {
            assertThat(check(took(signedAndSent(), "auto-join"))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("without receiving one"));
        }

        @Test
        void aManualJoinsKeyNeedsNoChallengeButMustStillBeTheLaptops() {
            SyntheticTrace sent = validate(world(), "laptop", Kind.SEND, "manual-join", null, "e1");
            assertThat(check(took(validate(sent, "phone", Kind.DELIVER, "manual-join", null, "e1"),
                    "manual-join"))).isEmpty();
            assertThat(check(took(validate(sent, "phone", Kind.DELIVER, "manual-join", null, "e2"),
                    "manual-join"))).hasSize(1);
        }

        @Test
        void theAttackerHoldingTheLaptopsKeysExcusesAForgeryButNotAfterwardsOrAnotherDevice() {
            SyntheticTrace forged = validate(signedAndSent(), "phone", Kind.DELIVER, "auto-join", "n1", "forged");
            assertThat(check(took(forged.attacker("compromise", "device", "laptop", "generation", "0"),
                    "auto-join"))).isEmpty();
            SyntheticTrace forged2 = validate(signedAndSent(), "phone", Kind.DELIVER, "auto-join", "n1", "forged");
            assertThat(check(took(forged2, "auto-join").attacker("compromise", "device", "laptop", "generation",
                    "0"))).hasSize(1);
            SyntheticTrace forged3 = validate(signedAndSent(), "phone", Kind.DELIVER, "auto-join", "n1", "forged");
            assertThat(check(took(forged3.attacker("compromise", "device", "phone", "generation", "0"),
                    "auto-join"))).hasSize(1);
        }

        @Test
        void aRequesterTheAttackerControlsIsNotJudged() {
            SyntheticTrace b = validate(signedAndSent().attacker("controls", "device", "phone"), "phone",
                    Kind.DELIVER, "auto-join", "n1", "forged");
            assertThat(check(took(b, "auto-join"))).isEmpty();
        }
    }
}
