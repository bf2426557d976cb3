package org.trustlab.properties.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.reference.vouch.VouchCodec;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouch liveness-phase invariants on hand-built traces: each fires on the shape it forbids, is vacuous without a
 * liveness phase, and each exemption excuses exactly its own case and no more.
 */
class VouchLivenessTest {
    private static final VouchLiveness.NoDisagreement DISAGREEMENT = new VouchLiveness.NoDisagreement();
    private static final VouchLiveness.NoDenial DENIAL = new VouchLiveness.NoDenial();

    /** The laptop vouches the phone to the desktop at 1 s (session S1); the phase from 10 s, decided by 40 s. */
    private static SyntheticTrace vouch(boolean phase) {
        SyntheticTrace t = new SyntheticTrace();
        if (phase) {
            t.fact("quiesce", "at", "PT10S", "within", "PT30S", "deadline", "PT40S");
        }
        return t.at(1).add("laptop", Kind.SEND, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop", "to", "desktop",
                "wire-session", "S1", "wire-voucher", "laptop", "wire-vouchee", "phone");
    }

    private static SyntheticTrace targetAccepts(SyntheticTrace t) {
        return t.at(1.1).outcome("desktop", "proxy-pairing", "result", "accepted", "session-id", "S1", "voucher",
                "laptop", "vouchee", "phone");
    }

    private static SyntheticTrace voucher(SyntheticTrace t, String result, String reason) {
        return reason == null
                ? t.at(1.2).outcome("laptop", "vouch", "result", result, "session-id", "S1", "target", "desktop")
                : t.at(1.2).outcome("laptop", "vouch", "result", result, "reason", reason, "session-id", "S1",
                        "target", "desktop");
    }

    private static SyntheticTrace completeSent(SyntheticTrace t, String acceptedBy) {
        return t.at(1.3).add("laptop", Kind.SEND, VouchCodec.PROXY_PAIRING_COMPLETE, "from", "laptop", "to", "phone",
                "wire-session", "S1", "wire-voucher", "laptop", "wire-accepted-by", acceptedBy, "wire-rejected-by",
                acceptedBy.isEmpty() ? "desktop" : "");
    }

    private static SyntheticTrace voucheeStores(SyntheticTrace t) {
        return t.at(1.4).outcome("phone", "proxied-pairing", "result", "accepted", "session-id", "S1", "device",
                "desktop", "voucher", "laptop");
    }

    /** The whole vouch, as all three parties see it when it completes. */
    private static SyntheticTrace completed(boolean phase) {
        return voucheeStores(completeSent(voucher(targetAccepts(vouch(phase)), "accepted", null), "desktop"));
    }

    @Nested
    class NoDisagreement {
        @Test
        void firesWhenTheTargetHoldsThePairingTheVoucherCountedRefused() {
            SyntheticTrace t = voucher(targetAccepts(vouch(true)), "rejected", "NO_RESPONSE");
            assertThat(DISAGREEMENT.check(t.build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("counted it rejected (NO_RESPONSE)"));
        }

        @Test
        void firesWhenTheVoucherCountsAnAcceptanceTheTargetNeverMade() {
            assertThat(DISAGREEMENT.check(voucher(vouch(true), "accepted", null).build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("desktop never accepted it"));
        }

        @Test
        void firesWhenTheVoucheeToldTheResultNeverStoredWhatTheTargetHolds() {
            SyntheticTrace t = completeSent(voucher(targetAccepts(vouch(true)), "accepted", null), "desktop");
            assertThat(DISAGREEMENT.check(t.build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("told it accepted, never stored it"));
        }

        @Test
        void firesWhenTheVoucheeStoredATargetThatNeverAccepted() {
            SyntheticTrace t = voucheeStores(vouch(true));
            assertThat(DISAGREEMENT.check(t.build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("phone stored the proxied pairing"));
        }

        @Test
        void holdsWhenAllThreeAgree() {
            assertThat(DISAGREEMENT.judge(completed(true).build()).judged()).isEqualTo(1);
            assertThat(DISAGREEMENT.check(completed(true).build())).isEmpty();
            SyntheticTrace refused = completeSent(voucher(vouch(true).at(1.1).outcome("desktop", "proxy-pairing",
                    "result", "rejected", "reason", "USER_REJECTED", "session-id", "S1", "voucher", "laptop"),
                    "rejected", "USER_REJECTED"), "");
            assertThat(DISAGREEMENT.check(refused.build())).isEmpty();
        }

        @Test
        void aPairingTheTargetFlaggedOrRemovedNoLongerStands() {
            SyntheticTrace flagged = voucher(targetAccepts(vouch(true)), "rejected", "NO_RESPONSE").at(2)
                    .audit("desktop", "proxied-pairing-flagged", "peer", "phone", "session-id", "S1");
            assertThat(DISAGREEMENT.check(flagged.build())).isEmpty();
            SyntheticTrace removed = voucher(targetAccepts(vouch(true)), "rejected", "NO_RESPONSE").at(2)
                    .audit("desktop", "pairing-removed", "peer", "phone");
            assertThat(DISAGREEMENT.check(removed.build())).isEmpty();
            SyntheticTrace otherFlagged = voucher(targetAccepts(vouch(true)), "rejected", "NO_RESPONSE").at(2)
                    .audit("desktop", "proxied-pairing-flagged", "peer", "tv", "session-id", "S9");
            assertThat(DISAGREEMENT.check(otherFlagged.build())).hasSize(1);
        }

        @Test
        void isVacuousWithoutALivenessPhase() {
            Trace t = voucher(targetAccepts(vouch(false)), "rejected", "NO_RESPONSE").build();
            assertThat(DISAGREEMENT.judge(t).judged()).isZero();
            assertThat(DISAGREEMENT.check(t)).isEmpty();
        }

        @Test
        void aVouchSentAfterThePhaseBeganIsNotJudged() {
            SyntheticTrace t = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S", "deadline",
                    "PT40S").at(11).add("laptop", Kind.SEND, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop",
                    "to", "desktop", "wire-session", "S1", "wire-voucher", "laptop", "wire-vouchee", "phone");
            assertThat(DISAGREEMENT.judge(voucher(targetAccepts(t), "rejected", "NO_RESPONSE").build()).judged())
                    .isZero();
        }

        @Test
        void aDecisionAfterTheDeadlineDoesNotCount() {
            SyntheticTrace t = targetAccepts(vouch(true)).at(41).outcome("laptop", "vouch", "result", "accepted",
                    "session-id", "S1", "target", "desktop");
            assertThat(DISAGREEMENT.check(t.build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("never decided"));
        }

        /** Each excuse for a target holding a pairing the voucher counted refused, and one that excuses nothing. */
        private void excusedBy(UnaryOperator<SyntheticTrace> excuse, boolean excused) {
            SyntheticTrace t = excuse.apply(voucher(targetAccepts(vouch(true)), "rejected", "NO_RESPONSE"));
            assertThat(DISAGREEMENT.check(t.build())).hasSize(excused ? 0 : 1);
        }

        @Test
        void aLossExcusesOnlyBetweenTheParties() {
            excusedBy(t -> t.add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_RESPONSE, "from", "desktop", "to",
                    "laptop", "reason", "loss"), true);
            excusedBy(t -> t.add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_RESPONSE, "from", "tv", "to",
                    "laptop", "reason", "loss"), false);
            excusedBy(t -> t.add("network", Kind.DUPLICATE, "trustlab/vouch/PairingRequest/v1", "from", "phone",
                    "to", "laptop"), true);
            excusedBy(t -> t.add("network", Kind.REORDER, VouchCodec.PROXY_PAIRING_RESPONSE, "from", "desktop",
                    "to", "laptop"), true);
            excusedBy(t -> t.add("network", Kind.DUPLICATE, "trustlab/vouch/PairingRequest/v1", "from", "tv",
                    "to", "laptop"), false);
        }

        @Test
        void anAttackerExcusesOnlyByWithholdingAlteringOrStealing() {
            for (String op : new String[] {"drop", "delay", "reorder", "redirect", "tamper"}) {
                excusedBy(t -> t.attacker(op, "tag", VouchCodec.PROXY_PAIRING_RESPONSE, "from", "desktop", "to",
                        "laptop"), true);
            }
            excusedBy(t -> t.attacker("compromise", "device", "desktop"), true);
            for (String op : new String[] {"inject", "replay", "duplicate"}) {
                excusedBy(t -> t.attacker(op, "tag", VouchCodec.PROXY_PAIRING_RESPONSE, "from", "desktop", "to",
                        "laptop"), false);
            }
        }

        @Test
        void aPartysCrashOrPairingChangeExcusesButAnOutsidersDoesNot() {
            excusedBy(t -> t.add("desktop", Kind.CRASH, "crash"), true);
            excusedBy(t -> t.add("phone", Kind.CRASH, "crash"), true);
            excusedBy(t -> t.add("laptop", Kind.USER_ACTION, "network.unpair", "device", "phone"), true);
            excusedBy(t -> t.add("desktop", Kind.USER_ACTION, "network.device.trust", "device", "laptop"), true);
            excusedBy(t -> t.add("tv", Kind.CRASH, "crash"), false);
            excusedBy(t -> t.add("tv", Kind.USER_ACTION, "network.unpair", "device", "laptop"), false);
            excusedBy(t -> t.add("desktop", Kind.USER_ACTION, "network.pair.proxy.accept", "vouchee", "phone"),
                    false);
        }
    }

    @Nested
    class NoDenial {
        @Test
        void firesWhenAVouchThatCompletesInTheTwinIsRefusedUnderAttack() {
            Trace attacked = voucher(vouch(true).attacker("inject", "tag", VouchCodec.TRANSPORT_ACK, "to", "laptop"),
                    "rejected", "NO_RESPONSE").build();
            assertThat(DENIAL.check(attacked, completed(true).build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("ended rejected at the voucher (NO_RESPONSE)"));
        }

        @Test
        void firesWhenItNeverCompletesOrIsNeverSentUnderAttack() {
            assertThat(DENIAL.check(vouch(true).build(), completed(true).build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("never completed"));
            Trace nothing = new SyntheticTrace().fact("quiesce", "at", "PT10S", "within", "PT30S", "deadline",
                    "PT40S").build();
            assertThat(DENIAL.check(nothing, completed(true).build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("was never sent"));
        }

        @Test
        void aVouchTheTargetAcceptedButTheVoucheeNeverStoredHasNotCompleted() {
            Trace attacked = completeSent(voucher(targetAccepts(vouch(true)), "accepted", null), "desktop").build();
            assertThat(DENIAL.check(attacked, completed(true).build())).hasSize(1);
        }

        @Test
        void holdsWhenItCompletesInBoth() {
            assertThat(DENIAL.judge(completed(true).build(), completed(true).build()).judged()).isEqualTo(1);
            assertThat(DENIAL.check(completed(true).build(), completed(true).build())).isEmpty();
        }

        @Test
        void holdsWhenTheTwinDidNotCompleteEither() {
            Trace twin = voucher(vouch(true), "rejected", "NO_RESPONSE").build();
            assertThat(DENIAL.judge(vouch(true).build(), twin).judged()).isZero();
        }

        @Test
        void aloneARunIsVacuous() {
            assertThat(DENIAL.judge(completed(true).build()).judged()).isZero();
        }

        @Test
        void isVacuousWithoutALivenessPhase() {
            assertThat(DENIAL.judge(vouch(false).build(), completed(false).build()).judged()).isZero();
        }

        @Test
        void anAttackerThatWithholdsOrStealsIsBeyondTheProperty() {
            for (String op : new String[] {"drop", "delay", "reorder", "redirect", "tamper", "compromise"}) {
                assertThat(DENIAL.check(vouch(true).attacker(op, "tag", "x").build(), completed(true).build()))
                        .as(op).isEmpty();
            }
            for (String op : new String[] {"inject", "replay", "duplicate"}) {
                assertThat(DENIAL.check(vouch(true).attacker(op, "tag", "x").build(), completed(true).build()))
                        .as(op).hasSize(1);
            }
        }

        @Test
        void onlyARandomLossTheTwinDidNotHaveExcuses() {
            Trace lossy = vouch(true).add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop",
                    "to", "desktop", "reason", "loss").build();
            assertThat(DENIAL.check(lossy, completed(true).build())).isEmpty();
            // A drop the schedule makes (the target is down) is the twin's too, also when the attack prompted it.
            Trace offline = vouch(true).add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop",
                    "to", "desktop", "reason", "receiver-offline").build();
            assertThat(DENIAL.check(offline, completed(true).build())).hasSize(1);
        }

        @Test
        void aReplayOfALostMessageToItsOwnRecipientIsALateDelivery() {
            // The request the network lost for the desktop, replayed to the desktop: it arrives late, as if held.
            Trace late = vouch(true).add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop",
                    "to", "desktop", "msg-id", "m0", "reason", "receiver-offline").attacker("replay", "msg-id", "m0",
                    "from", "laptop", "to", "desktop", "tag", VouchCodec.PROXY_PAIRING_REQUEST).build();
            assertThat(DENIAL.judge(late, completed(true).build()).judged()).isZero();
            // The same message relayed to another device, or replayed after a copy reached the desktop, adds a
            // message and is judged.
            Trace relayed = vouch(true).add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop",
                    "to", "desktop", "msg-id", "m0", "reason", "receiver-offline").attacker("replay", "msg-id", "m0",
                    "from", "laptop", "to", "tv", "tag", VouchCodec.PROXY_PAIRING_REQUEST).build();
            assertThat(DENIAL.check(relayed, completed(true).build())).hasSize(1);
            Trace delivered = vouch(true).add("network", Kind.DROP, VouchCodec.PROXY_PAIRING_REQUEST, "from",
                    "laptop", "to", "desktop", "msg-id", "m0", "reason", "receiver-offline").add("desktop", Kind.DELIVER,
                    VouchCodec.PROXY_PAIRING_REQUEST, "from", "laptop", "to", "desktop", "msg-id", "m0")
                    .attacker("replay", "msg-id", "m0", "from", "laptop", "to", "desktop", "tag",
                            VouchCodec.PROXY_PAIRING_REQUEST).build();
            assertThat(DENIAL.check(delivered, completed(true).build())).hasSize(1);
        }
    }
}
