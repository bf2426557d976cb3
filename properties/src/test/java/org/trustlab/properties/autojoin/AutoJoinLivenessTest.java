package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The liveness-phase invariants on hand-built traces: each fires on the shape it forbids, is vacuous without a
 * liveness phase, and each exemption excuses exactly its own case and no more.
 */
class AutoJoinLivenessTest {
    private static final String VALIDATE = "trustlab/autojoin/ValidateJoinCloudSessionParameters/v1";
    private static final String RESPONSE_TAG = "trustlab/autojoin/AutoJoinChallengeResponse/v1";
    private static final AutoJoinLiveness.NoDisagreement DISAGREEMENT = new AutoJoinLiveness.NoDisagreement();
    private static final AutoJoinLiveness.NoDenial DENIAL = new AutoJoinLiveness.NoDenial();

    /** A phone's automatic join via the laptop: asked at 1 s, the phase from 10 s, decided by 40 s. */
    private static SyntheticTrace join(boolean phase) {
        SyntheticTrace t = new SyntheticTrace();
        if (phase) {
            t.fact("quiesce", "at", "PT10S", "within", "PT30S", "deadline", "PT40S");
        }
        return t.at(1).add("phone", Kind.USER_ACTION, "auto-join", "session", "S1", "validator", "laptop");
    }

    private static SyntheticTrace validatorAccepts(SyntheticTrace t) {
        return t.at(1.6).outcome("laptop", "auto-join", "result", "accepted", "session", "S1",
                "requester-instance", "phone");
    }

    private static SyntheticTrace keyArrives(SyntheticTrace t) {
        return t.at(1.8).add("phone", Kind.DELIVER, VALIDATE, "from", "server", "to", "phone");
    }

    private static SyntheticTrace requester(SyntheticTrace t, String result, String reason) {
        return reason == null ? t.outcome("phone", "auto-join", "result", result, "session", "S1")
                : t.outcome("phone", "auto-join", "result", result, "reason", reason, "session", "S1");
    }

    @Nested
    class NoDisagreement {
        @Test
        void firesWhenTheValidatorAcceptedAndTheRequesterRejected() {
            SyntheticTrace t = keyArrives(requester(validatorAccepts(join(true)), "rejected", "GRANT_REVOKED"));
            assertThat(DISAGREEMENT.check(t.build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("rejected it (GRANT_REVOKED)"));
        }

        @Test
        void firesWhenTheRequesterNeverDecided() {
            assertThat(DISAGREEMENT.check(keyArrives(validatorAccepts(join(true))).build())).hasSize(1);
        }

        @Test
        void firesWhenTheRequesterAcceptedAJoinTheValidatorNeverAccepted() {
            assertThat(DISAGREEMENT.check(requester(join(true), "accepted", null).build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("never accepted"));
        }

        @Test
        void holdsWhenBothAccepted() {
            SyntheticTrace t = requester(keyArrives(validatorAccepts(join(true))), "accepted", null);
            assertThat(DISAGREEMENT.check(t.build())).isEmpty();
        }

        @Test
        void isVacuousWithoutALivenessPhase() {
            assertThat(DISAGREEMENT.check(keyArrives(validatorAccepts(join(false))).build())).isEmpty();
        }

        @Test
        void aDecisionAfterTheDeadlineDoesNotCount() {
            SyntheticTrace t = keyArrives(validatorAccepts(join(true))).at(41);
            assertThat(DISAGREEMENT.check(requester(t, "accepted", null).build())).hasSize(1);
        }

        @Test
        void aStrayChallengeRefusalIsNoDecision() {
            SyntheticTrace t = requester(keyArrives(validatorAccepts(join(true))), "rejected", "CHALLENGE_UNKNOWN");
            assertThat(DISAGREEMENT.check(requester(t, "accepted", null).build())).isEmpty();
        }

        @Test
        void aJoinAskedBeforeThePhaseOnlyIsJudged() {
            SyntheticTrace t = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S", "deadline",
                    "PT40S").at(11).add("phone", Kind.USER_ACTION, "auto-join", "session", "S1", "validator",
                    "laptop").outcome("laptop", "auto-join", "result", "accepted", "session", "S1",
                    "requester-instance", "phone");
            assertThat(DISAGREEMENT.check(t.build())).isEmpty();
        }

        /**
         * The phone asks again (after rotating its key) while its first response is held back; the laptop then
         * accepts the first join's response and refuses the second. The late acceptance answers the superseded join,
         * not the second one: no disagreement. An acceptance of the response the phone sent while the second join
         * was open belongs to it, whichever request the challenge was issued for.
         */
        @Test
        void anAcceptanceBelongsToTheJoinThatSentItsResponse() {
            SyntheticTrace late = join(true).at(1.1).add("phone", Kind.SEND, RESPONSE_TAG, "from", "phone", "to",
                    "server", "wire-nonce", "aa").at(1.2).add("phone", Kind.USER_ACTION, "auto-join", "session", "S1",
                    "validator", "laptop").at(1.6).outcome("laptop", "auto-join", "result", "accepted", "session",
                    "S1", "requester-instance", "phone", "nonce", "aa");
            assertThat(DISAGREEMENT.check(requester(keyArrives(late).at(2), "rejected", "KEY_MISMATCH").build()))
                    .isEmpty();
            java.util.function.Supplier<SyntheticTrace> current = () -> join(true).at(1.2).add("phone",
                    Kind.USER_ACTION, "auto-join", "session", "S1", "validator", "laptop").at(1.3).add("phone",
                    Kind.SEND, RESPONSE_TAG, "from", "phone", "to", "server", "wire-nonce", "aa").at(1.6).outcome(
                    "laptop", "auto-join", "result", "accepted", "session", "S1", "requester-instance", "phone",
                    "nonce", "aa");
            assertThat(DISAGREEMENT.check(requester(keyArrives(current.get()).at(2), "rejected", "KEY_MISMATCH")
                    .build())).hasSize(1);
            assertThat(DISAGREEMENT.check(requester(keyArrives(current.get()).at(2), "accepted", null).build()))
                    .isEmpty();
        }

        /** The phone accepts the key of a challenge the laptop accepted before the phone asked again: agreement. */
        @Test
        void anAcceptanceOfTheSameChallengeBeforeTheRequestStillAgrees() {
            SyntheticTrace before = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S",
                    "deadline", "PT40S").at(0.5).outcome("laptop", "auto-join", "result", "accepted", "session", "S1",
                    "requester-instance", "phone", "nonce", "aa").at(1).add("phone", Kind.USER_ACTION, "auto-join",
                    "session", "S1", "validator", "laptop");
            SyntheticTrace same = before.at(2).outcome("phone", "auto-join", "result", "accepted", "session", "S1",
                    "nonce", "aa");
            assertThat(DISAGREEMENT.check(same.build())).isEmpty();
            SyntheticTrace other = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S",
                    "deadline", "PT40S").at(0.5).outcome("laptop", "auto-join", "result", "accepted", "session", "S1",
                    "requester-instance", "phone", "nonce", "aa").at(1).add("phone", Kind.USER_ACTION, "auto-join",
                    "session", "S1", "validator", "laptop").at(2).outcome("phone", "auto-join", "result", "accepted",
                    "session", "S1", "nonce", "bb");
            assertThat(DISAGREEMENT.check(other.build())).hasSize(1);
        }

        @Test
        void onlyTheValidatorsStolenKeyExcusesAnAcceptanceTheValidatorNeverMade() {
            SyntheticTrace stolen = join(true).attacker("compromise", "device", "laptop", "generation", "0");
            assertThat(DISAGREEMENT.check(requester(stolen, "accepted", null).build())).isEmpty();
            SyntheticTrace other = join(true).attacker("compromise", "device", "tablet", "generation", "0");
            assertThat(DISAGREEMENT.check(requester(other, "accepted", null).build())).hasSize(1);
            SyntheticTrace late = requester(join(true), "accepted", null).attacker("compromise", "device", "laptop",
                    "generation", "0");
            assertThat(DISAGREEMENT.check(late.build())).hasSize(1);
        }

        /** Each excuse for a requester that did not take the key, and one that excuses nothing. */
        private void excusedBy(UnaryOperator<SyntheticTrace> excuse, boolean excused) {
            SyntheticTrace t = excuse.apply(validatorAccepts(join(true)));
            assertThat(DISAGREEMENT.check(t.build())).hasSize(excused ? 0 : 1);
        }

        @Test
        void aLostKeyExcusesOnlyTheKeyMessage() {
            excusedBy(t -> t.add("network", Kind.DROP, VALIDATE, "from", "server", "to", "phone", "reason", "loss"),
                    true);
            excusedBy(t -> t.add("network", Kind.DROP, "trustlab/autojoin/AutoJoinChallenge/v1", "from", "server",
                    "to", "phone", "reason", "loss"), false);
            excusedBy(t -> t.add("network", Kind.DROP, VALIDATE, "from", "server", "to", "tablet", "reason", "loss"),
                    false);
        }

        @Test
        void anAttackerExcusesOnlyByWithholdingOrAlteringTheKey() {
            excusedBy(t -> t.attacker("drop", "tag", VALIDATE, "from", "server", "to", "phone"), true);
            excusedBy(t -> t.attacker("tamper", "tag", VALIDATE, "from", "laptop", "to", "server"), true);
            excusedBy(t -> t.attacker("delay", "tag", VALIDATE, "from", "server", "to", "phone"), false);
            excusedBy(t -> t.attacker("inject", "tag", "trustlab/autojoin/AutoJoinRejected/v1", "from", "server",
                    "to", "phone"), false);
        }

        @Test
        void onlyTheRequestersCrashOrEitherSidesKeyRotationExcuses() {
            excusedBy(t -> t.add("phone", Kind.CRASH, "crash"), true);
            excusedBy(t -> t.add("phone", Kind.USER_ACTION, "rotate-key", "generation", "1"), true);
            excusedBy(t -> t.add("laptop", Kind.USER_ACTION, "rotate-key", "generation", "1"), true);
            excusedBy(t -> t.add("laptop", Kind.CRASH, "crash"), false);
            excusedBy(t -> t.add("tablet", Kind.USER_ACTION, "rotate-key", "generation", "1"), false);
        }

        @Test
        void theValidatorsRotationBeforeTheRequestExcusesButTheRequestersDoesNot() {
            SyntheticTrace validatorFirst = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S",
                    "deadline", "PT40S").add("laptop", Kind.USER_ACTION, "rotate-key", "generation", "1");
            SyntheticTrace requesterFirst = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S",
                    "deadline", "PT40S").add("phone", Kind.USER_ACTION, "rotate-key", "generation", "1");
            for (SyntheticTrace t : new SyntheticTrace[] {validatorFirst, requesterFirst}) {
                t.at(1).add("phone", Kind.USER_ACTION, "auto-join", "session", "S1", "validator", "laptop");
                validatorAccepts(t);
            }
            assertThat(DISAGREEMENT.check(validatorFirst.build())).isEmpty();
            assertThat(DISAGREEMENT.check(requesterFirst.build())).hasSize(1);
        }

        @Test
        void aJoinReplacedByTheUsersNextRequestIsNotJudgedButTheNextOneIs() {
            SyntheticTrace t = validatorAccepts(join(true)).at(2).add("phone", Kind.USER_ACTION, "auto-join",
                    "session", "S1", "validator", "laptop");
            assertThat(DISAGREEMENT.check(t.build())).isEmpty();
            assertThat(DISAGREEMENT.check(validatorAccepts(t).build())).hasSize(1);
        }
    }

    @Nested
    class NoDenial {
        private Trace twin() {
            return requester(keyArrives(validatorAccepts(join(true))), "accepted", null).build();
        }

        /**
         * The validator's user revokes the phone's grant while the attacker keeps the join from finishing first: the
         * refusal that follows is the protocol's right answer. Revoking another client's grant, or a revocation
         * after the decision, excuses nothing.
         */
        @Test
        void onlyAWithdrawalOfThisRequestersGrantBeforeTheDecisionExcusesARefusal() {
            assertThat(DENIAL.check(revokedThenRefused("phone", true), twin())).isEmpty();
            assertThat(DENIAL.check(revokedThenRefused("tablet", true), twin())).hasSize(1);
            assertThat(DENIAL.check(revokedThenRefused("phone", false), twin())).hasSize(1);
        }

        private Trace revokedThenRefused(String client, boolean before) {
            SyntheticTrace t = join(true);
            if (before) {
                t.at(1.3).add("laptop", Kind.USER_ACTION, "revoke-grant", "client", client);
            }
            requester(t.at(1.5), "rejected", "GRANT_REVOKED");
            if (!before) {
                t.at(1.7).add("laptop", Kind.USER_ACTION, "revoke-grant", "client", client);
            }
            return t.build();
        }

        @Test
        void firesWhenAJoinThatCompletesInTheTwinIsRejectedUnderAttack() {
            Trace attacked = requester(join(true).attacker("inject", "tag", "x", "to", "phone"), "rejected",
                    "GRANT_REVOKED").build();
            assertThat(DENIAL.check(attacked, twin())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("ended rejected (GRANT_REVOKED)"));
        }

        @Test
        void firesWhenItNeverCompletesUnderAttack() {
            assertThat(DENIAL.check(join(true).build(), twin())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("never completed"));
        }

        @Test
        void holdsWhenItCompletesInBoth() {
            assertThat(DENIAL.check(twin(), twin())).isEmpty();
        }

        @Test
        void holdsWhenTheTwinDidNotCompleteEither() {
            Trace twin = requester(join(true), "rejected", "GRANT_MISSING").build();
            assertThat(DENIAL.check(join(true).build(), twin)).isEmpty();
        }

        @Test
        void aloneARunIsVacuous() {
            assertThat(DENIAL.check(join(true).build())).isEmpty();
        }

        @Test
        void isVacuousWithoutALivenessPhase() {
            Trace twin = requester(keyArrives(validatorAccepts(join(false))), "accepted", null).build();
            assertThat(DENIAL.check(join(false).build(), twin)).isEmpty();
        }

        @Test
        void anAttackerThatWithholdsOrStealsIsBeyondTheProperty() {
            for (String op : new String[] {"drop", "delay", "reorder", "redirect", "tamper", "compromise"}) {
                assertThat(DENIAL.check(join(true).attacker(op, "tag", "x").build(), twin())).as(op).isEmpty();
            }
            for (String op : new String[] {"inject", "replay", "duplicate", "register"}) {
                assertThat(DENIAL.check(join(true).attacker(op, "tag", "x").build(), twin())).as(op).hasSize(1);
            }
        }

        @Test
        void onlyALossTheTwinDidNotHaveExcuses() {
            Trace lossy = join(true).add("network", Kind.DROP, VALIDATE, "from", "server", "to", "phone", "reason",
                    "loss").build();
            assertThat(DENIAL.check(lossy, twin())).isEmpty();
            // A twin that lost the same message and still completed: the attacked run's loss is no excuse.
            Trace twinCompletedDespiteLoss = requester(keyArrives(validatorAccepts(join(true).add("network",
                    Kind.DROP, VALIDATE, "from", "server", "to", "phone", "reason", "loss"))), "accepted", null)
                    .build();
            assertThat(DENIAL.check(lossy, twinCompletedDespiteLoss)).hasSize(1);
        }
    }
}
