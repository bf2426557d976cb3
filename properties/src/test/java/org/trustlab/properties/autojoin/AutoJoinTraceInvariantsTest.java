package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.properties.autojoin.AutoJoinFixtures.world;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * Injective agreement, no replay and session-key secrecy on hand-built traces: each fires on a minimal violating
 * trace naming the culprit, holds on the closest honest one, and each exemption its code grants excuses exactly its
 * case and not a near miss (another key, another device, a compromise after the fact).
 */
class AutoJoinTraceInvariantsTest {
    private static final String T1 = "1970-01-01T00:00:01Z";
    private static final String T2 = "1970-01-01T00:00:02Z";

    private static int messages;

    /** The phone's {@code AskAutoJoin} on the wire: join S1 through {@code validator} for {@code purpose}. */
    static SyntheticTrace asked(SyntheticTrace b, String validator, String purpose) {
        return b.add("phone", Kind.SEND, AutoJoinTrace.ASK_AUTO_JOIN, "to", "server", "msg-id", "q" + messages++,
                AutoJoinTrace.W_SESSION, "S1", AutoJoinTrace.W_JOINER, "phone", AutoJoinTrace.W_VALIDATOR, validator,
                AutoJoinTrace.W_REQUESTER, "C-phone", AutoJoinTrace.W_PURPOSE, purpose);
    }

    /**
     * {@code node}'s challenge response on the wire, to {@code validator}: challenge {@code nonce} of S1 naming
     * requester C-phone, {@code target} and {@code purpose}.
     */
    static SyntheticTrace responded(SyntheticTrace b, String node, String nonce, String validator, String target,
            String purpose) {
        return b.add(node, Kind.SEND, AutoJoinTrace.RESPONSE, "to", "server", "msg-id", "r" + messages++,
                AutoJoinTrace.W_SESSION, "S1", AutoJoinTrace.W_JOINER, "phone", AutoJoinTrace.W_VALIDATOR, validator,
                AutoJoinTrace.W_REQUESTER, "C-phone", AutoJoinTrace.W_TARGET, target, AutoJoinTrace.W_PURPOSE,
                purpose, AutoJoinTrace.W_NONCE, nonce);
    }

    /**
     * The phone asks laptop for S1 and signs challenge {@code nonce} of S1 for {@code target}: its request and its
     * response on the wire, and its own audit of the signature (with its generation-0 key pk0).
     */
    private static SyntheticTrace signed(SyntheticTrace b, String nonce, String target) {
        String validator = target.equals("C-desktop") ? "desktop" : "laptop";
        b = asked(b, validator, "auto-join").audit("phone", AutoJoinTrace.SIGNED, "nonce", nonce, "session", "S1",
                "requester", "C-phone", "target", target, "purpose", "auto-join", "key-fingerprint", "pk0",
                "key-generation", "0", "local-time", T1);
        return responded(b, "phone", nonce, validator, target, "auto-join");
    }

    private static SyntheticTrace signed(SyntheticTrace b) {
        return signed(b, "n1", "C-laptop");
    }

    /** The fixture's world with the desktop, a second validator (C-desktop, key dk0). */
    static SyntheticTrace withDesktop() {
        return world().fact("identity", "device", "desktop", "role", "validator", "client", "C-desktop",
                "key-generation", "0", "key-fingerprint", "dk0");
    }

    private static SyntheticTrace accepted(SyntheticTrace b, String node, String nonce, String verifiedKey) {
        return b.audit(node, AutoJoinTrace.ACCEPTED, "nonce", nonce, "session", "S1", "requester", "C-phone",
                "target", "C-laptop", "purpose", "auto-join", "verified-key-fingerprint", verifiedKey,
                "local-time", T2);
    }

    private static SyntheticTrace accepted(SyntheticTrace b) {
        return accepted(b, "laptop", "n1", "pk0");
    }

    private static SyntheticTrace delivered(SyntheticTrace b, String flow, String nonce, String recipientKey) {
        return b.audit("laptop", AutoJoinTrace.DELIVERED, "flow", flow, "nonce", nonce, "session", "S1",
                "recipient", "C-phone", "recipient-key-fingerprint", recipientKey, "session-key-fingerprint", "sk1",
                "local-time", T2);
    }

    private static SyntheticTrace compromise(SyntheticTrace b, String... kv) {
        return b.attacker("compromise", kv);
    }

    @Nested
    class InjectiveAgreement {
        private final Invariant invariant = new AutoJoinInvariants.InjectiveAgreement();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsWhenTheRequesterSignedThatVeryChallengeWithTheGrantedKey() {
            assertThat(check(accepted(signed(world())))).isEmpty();
        }

        @Test
        void firesOnAnAcceptanceNoRunSignedAndNamesTheValidatorRequesterAndNonce() {
            assertThat(check(accepted(world()))).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("laptop accepted C-phone into S1 for nonce n1").contains("no run signed that nonce"));
        }

        @Test
        void firesWhenTheSignedRunWasForAnotherTargetAndSaysWhichOne() {
            assertThat(check(accepted(signed(withDesktop(), "n1", "C-desktop")))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("target C-desktop"));
        }

        @Test
        void firesWhenTheRunWasSignedWithAnotherKeyOrOnlyAfterTheAcceptance() {
            // The world rotated the phone's key to pk1 before it signed: its signature is not pk0's.
            java.util.function.Supplier<SyntheticTrace> rotated = () -> world().fact("key-rotated", "device", "phone",
                    "key-generation", "1", "key-fingerprint", "pk1");
            assertThat(check(accepted(signed(rotated.get())))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("signed no matching challenge"));
            assertThat(check(accepted(signed(rotated.get()), "laptop", "n1", "pk1"))).isEmpty();
            assertThat(check(signed(accepted(world())))).hasSize(1);
        }

        @Test
        void theRunningEventIsTheRequestersRequestNotItsAuditOfWhatItSigned() {
            // The phone's own audit says it signed n1 for laptop, but it put no such request or response on the wire.
            SyntheticTrace auditOnly = world().audit("phone", AutoJoinTrace.SIGNED, "nonce", "n1", "session", "S1",
                    "requester", "C-phone", "target", "C-laptop", "purpose", "auto-join", "key-fingerprint", "pk0",
                    "key-generation", "0", "local-time", T1);
            assertThat(check(accepted(auditOnly))).hasSize(1);
            // A response on the wire that answers no request of the phone's for that session.
            assertThat(check(accepted(responded(world(), "phone", "n1", "laptop", "C-laptop", "auto-join"))))
                    .singleElement().satisfies(v -> assertThat(v.message())
                            .contains("it asked for nothing in that session"));
        }

        @Test
        void firesWhenTheRequestWasForAnotherPurposeOrMemberThanTheSignedChallenge() {
            SyntheticTrace otherPurpose = responded(asked(world(), "laptop", "auto-inventory"), "phone", "n1",
                    "laptop", "C-laptop", "auto-join");
            assertThat(check(accepted(otherPurpose))).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("it asked laptop for auto-inventory in S1"));
            SyntheticTrace otherMember = responded(asked(withDesktop(), "desktop", "auto-join"), "phone", "n1",
                    "laptop", "C-laptop", "auto-join");
            assertThat(check(accepted(otherMember))).hasSize(1);
        }

        @Test
        void aResponseTheServerRelayedIsNotTheRequestersRun() {
            SyntheticTrace relayed = responded(asked(world(), "laptop", "auto-join"), "server", "n1", "laptop",
                    "C-laptop", "auto-join");
            assertThat(check(accepted(relayed))).hasSize(1);
        }

        @Test
        void firesOnTheSecondAcceptanceOfOneSignedChallengeEvenOnAnotherValidator() {
            assertThat(check(accepted(accepted(signed(world())), "desktop", "n1", "pk0"))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.message()).contains("n1 was accepted twice");
                        assertThat(v.evidence()).hasSize(2);
                    });
        }

        @Test
        void aCompromiseNamingTheVerifiedKeyBeforehandExcusesAForgery() {
            assertThat(check(accepted(compromise(world(), "device", "phone", "key-fingerprint", "pk0"))))
                    .isEmpty();
        }

        @Test
        void aCompromiseOfAnotherKeyOrAfterTheAcceptanceDoesNot() {
            assertThat(check(accepted(compromise(world(), "device", "tablet", "key-fingerprint", "tk0"))))
                    .hasSize(1);
            assertThat(check(compromise(accepted(world()), "device", "phone", "key-fingerprint", "pk0")))
                    .hasSize(1);
        }

        @Test
        void aCompromiseOfTheKeysOwnerAtThatGenerationExcusesAForgeryButOfAnotherGenerationNot() {
            // The phone's earlier run for n0 shows pk0 is its generation-0 key.
            SyntheticTrace gen0 = compromise(signed(world(), "n0", "C-laptop"), "device", "phone",
                    "generation", "0");
            assertThat(check(accepted(gen0))).isEmpty();
            SyntheticTrace gen1 = compromise(signed(world(), "n0", "C-laptop"), "device", "phone",
                    "generation", "1");
            assertThat(check(accepted(gen1))).hasSize(1);
            SyntheticTrace controlled = signed(world(), "n0", "C-laptop").attacker("controls", "device",
                    "phone");
            assertThat(check(accepted(controlled))).isEmpty();
        }

        @Test
        void theHeldKeyExemptionNeverExcusesASecondAcceptance() {
            SyntheticTrace b = compromise(world(), "device", "phone", "key-fingerprint", "pk0");
            assertThat(check(accepted(accepted(b)))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("accepted twice"));
        }
    }

    @Nested
    class NoReplay {
        private final Invariant invariant = new AutoJoinInvariants.NoReplay();

        @Test
        void firesWhenOneValidatorAcceptsANonceTwiceAcrossARestart() {
            SyntheticTrace b = accepted(signed(world())).add("laptop", Kind.CRASH, "crash")
                    .add("laptop", Kind.RESTART, "restart");
            assertThat(invariant.check(accepted(b).build())).singleElement().satisfies(v -> {
                assertThat(v.message()).isEqualTo("laptop accepted challenge n1 again");
                assertThat(v.evidence()).hasSize(2);
            });
        }

        @Test
        void holdsForOneAcceptanceAndForTwoNoncesOrTwoValidators() {
            assertThat(invariant.check(accepted(signed(world())).build())).isEmpty();
            assertThat(invariant.check(accepted(accepted(world()), "laptop", "n2", "pk0").build())).isEmpty();
            assertThat(invariant.check(accepted(accepted(world()), "desktop", "n1", "pk0").build())).isEmpty();
        }
    }

    @Nested
    class SessionKeySecrecy {
        private final Invariant invariant = new AutoJoinInvariants.SessionKeySecrecy();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        private SyntheticTrace learned(SyntheticTrace b) {
            return b.attacker("learned", "kind", "session-key", "fingerprint", "sk1");
        }

        /** The honest automatic join: accepted, then the key sent to the granted key pk0 and received. */
        private SyntheticTrace honest() {
            return delivered(accepted(signed(world())), "auto-join", "n1", "pk0")
                    .audit("phone", AutoJoinTrace.RECEIVED, "session", "S1", "session-key-fingerprint", "sk1");
        }

        @Test
        void holdsOnTheHonestAutomaticAndManualJoins() {
            assertThat(check(honest())).isEmpty();
            SyntheticTrace manual = world().audit("laptop", AutoJoinTrace.MANUAL_VALIDATED, "session", "S1",
                    "requester", "C-phone", "requester-key-fingerprint", "pk0");
            assertThat(check(delivered(manual, "manual-join", "-", "pk0"))).isEmpty();
        }

        @Test
        void firesOnADeliveryWithoutADecisionForThatRecipientNonceOrFlow() {
            assertThat(check(delivered(world(), "auto-join", "n1", "pk0"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop sent the session key of S1 to C-phone without "
                            + "deciding to admit it"));
            assertThat(check(delivered(accepted(world()), "auto-join", "n2", "pk0"))).hasSize(1);
            assertThat(check(delivered(accepted(world(), "desktop", "n1", "pk0"), "auto-join", "n1", "pk0")))
                    .hasSize(1);
            // An automatic acceptance does not stand for a manual join's validated password.
            assertThat(check(delivered(accepted(world()), "manual-join", "n1", "pk0"))).hasSize(1);
        }

        @Test
        void firesWhenTheAttackerLearnsTheKeyWithoutCompromisingAHolder() {
            assertThat(check(learned(honest()))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("learned session key sk1 without compromising"));
        }

        @Test
        void onlyTheSessionKeyKindIsJudgedAndOnlyForItsFingerprint() {
            assertThat(check(honest().attacker("learned", "kind", "challenge-nonce", "fingerprint", "sk1")))
                    .isEmpty();
            SyntheticTrace other = compromise(honest(), "device", "phone", "generation", "0")
                    .attacker("learned", "kind", "session-key", "fingerprint", "sk2");
            assertThat(check(other)).hasSize(1);
        }

        @Test
        void aCompromisedReceiverBeforeTheLeakExcusesItButNotAnotherDeviceOrALaterCompromise() {
            assertThat(check(learned(compromise(honest(), "device", "phone", "generation", "0")))).isEmpty();
            assertThat(check(learned(compromise(honest(), "device", "tablet", "generation", "0")))).hasSize(1);
            assertThat(check(compromise(learned(honest()), "device", "phone", "generation", "0"))).hasSize(1);
        }

        @Test
        void aCompromisedSenderExcusesTheLeakButNotBeforeItSentTheKey() {
            assertThat(check(learned(honest().attacker("controls", "device", "laptop")))).isEmpty();
            SyntheticTrace early = learned(accepted(signed(world())).attacker("controls", "device", "laptop"));
            assertThat(check(delivered(early, "auto-join", "n1", "pk0"))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("the attacker learned session key sk1"));
        }

        @Test
        void readingTheKeyInTransitToTheGrantedKeyItHoldsIsExcused() {
            // The phone never received its copy: the attacker held pk0 and read the delivery on the way.
            SyntheticTrace b = delivered(accepted(signed(world())), "auto-join", "n1", "pk0");
            assertThat(check(learned(compromise(b, "device", "-", "key-fingerprint", "pk0")))).isEmpty();
        }

        @Test
        void readingInTransitIsNotExcusedForADeliveryToAKeyTheGrantDoesNotBindOrAKeyNotHeld() {
            // The validator sent the key to the attacker's own key mk: holding mk must not excuse the leak.
            SyntheticTrace toAttacker = delivered(accepted(signed(world())), "auto-join", "n1", "mk");
            assertThat(check(learned(compromise(toAttacker, "device", "-", "key-fingerprint", "mk")))).hasSize(1);
            SyntheticTrace notHeld = delivered(accepted(signed(world())), "auto-join", "n1", "pk0");
            assertThat(check(learned(compromise(notHeld, "device", "-", "key-fingerprint", "tk0")))).hasSize(1);
            // A revoked grant no longer makes pk0 the legitimate recipient.
            SyntheticTrace revoked = delivered(accepted(signed(world().fact("grant-revoked", "owner", "laptop",
                    "trusted-client", "C-phone"))), "auto-join", "n1", "pk0");
            assertThat(check(learned(compromise(revoked, "device", "-", "key-fingerprint", "pk0")))).hasSize(1);
        }

        @Test
        void aManualJoinsDeliveryReadInTransitIsExcusedOnlyToTheValidatedKey() {
            SyntheticTrace validated = world().audit("laptop", AutoJoinTrace.MANUAL_VALIDATED, "session", "S1",
                    "requester", "C-phone", "requester-key-fingerprint", "pk0");
            assertThat(check(learned(compromise(delivered(validated, "manual-join", "-", "pk0"), "device", "-",
                    "key-fingerprint", "pk0")))).isEmpty();
            SyntheticTrace other = world().audit("laptop", AutoJoinTrace.MANUAL_VALIDATED, "session", "S1",
                    "requester", "C-phone", "requester-key-fingerprint", "pk0");
            assertThat(check(learned(compromise(delivered(other, "manual-join", "-", "mk"), "device", "-",
                    "key-fingerprint", "mk")))).hasSize(1);
        }
    }

    /** Grant validity's second half: after an automatic join, the session key goes only to the granted key. */
    @Nested
    class GrantValidityOfDeliveries {
        private final Invariant invariant = new AutoJoinInvariants.GrantValidity();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsForADeliveryToTheGrantedKeyAfterTheAcceptance() {
            assertThat(check(delivered(accepted(signed(world())), "auto-join", "n1", "pk0"))).isEmpty();
        }

        @Test
        void firesOnADeliveryToAnotherKeyAndNamesBoth() {
            assertThat(check(delivered(accepted(signed(world())), "auto-join", "n1", "mk"))).singleElement()
                    .satisfies(v -> assertThat(v.message())
                            .isEqualTo("laptop encrypted the session key to mk, not to the granted key pk0"));
        }

        @Test
        void firesOnADeliveryWithoutAnAcceptanceOfThatNonce() {
            assertThat(check(delivered(accepted(signed(world())), "auto-join", "n2", "pk0"))).singleElement()
                    .satisfies(v -> assertThat(v.message())
                            .isEqualTo("laptop delivered a session key for nonce n2 without accepting it"));
        }

        @Test
        void aManualJoinsDeliveryIsNotJudgedHere() {
            assertThat(check(delivered(world(), "manual-join", "-", "mk"))).isEmpty();
        }
    }
}
