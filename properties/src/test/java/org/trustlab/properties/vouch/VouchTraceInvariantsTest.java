package org.trustlab.properties.vouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.vouch.VouchCodec;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouch invariants on hand-built traces: laptop (the voucher) vouches phone (the vouchee) to tablet (the
 * receiver). Each invariant fires on a minimal violating trace naming the culprit, holds on the closest honest trace,
 * and each exemption its code grants excuses its own case and not a near miss.
 */
class VouchTraceInvariantsTest {
    private static final String TS = "1970-01-01T00:00:01Z";

    private static SyntheticTrace trace() {
        return new SyntheticTrace();
    }

    /** laptop signs the vouch of session S for phone (key ek) to {@code target}. */
    private static SyntheticTrace signed(SyntheticTrace b, String target, String voucheeKey, String voucheeType,
            String targetType) {
        return b.audit("laptop", VOUCH_SIGNED, SESSION_ID, "S", VOUCHEE, "phone", VOUCHEE_KEY, voucheeKey,
                VOUCH_TIMESTAMP, TS, TARGET, target, VOUCHEE_PAIRING_TYPE, voucheeType,
                TARGET_PAIRING_TYPE, targetType);
    }

    private static SyntheticTrace signed(SyntheticTrace b) {
        return signed(b, "tablet", "ek", "Direct", "Direct");
    }

    /** {@code receiver} accepts phone on {@code voucher}'s word, recording {@code chain}. */
    private static SyntheticTrace accepted(SyntheticTrace b, String receiver, String voucher, String vouchId,
            String session, String chain, String voucherType) {
        return b.outcome(receiver, OUTCOME_PROXY_PAIRING, "result", "accepted", VOUCHER, voucher, VOUCHEE, "phone",
                VOUCHEE_KEY, "ek", VOUCH_TIMESTAMP, TS, SESSION_ID, session, VOUCH_ID, vouchId, CHAIN, chain,
                VOUCHER_PAIRING_TYPE, voucherType, RECEIVER_LOCAL_TIME, TS);
    }

    private static SyntheticTrace accepted(SyntheticTrace b) {
        return accepted(b, "tablet", "laptop", "V1", "S", "tablet>laptop>phone", "Direct");
    }

    /** phone stores {@code device} from laptop's ProxyPairingComplete of session {@code session}. */
    private static SyntheticTrace stored(SyntheticTrace b, String device, String session, String chain,
            String voucherType) {
        return b.outcome("phone", OUTCOME_PROXIED_PAIRING, "result", "accepted", VOUCHER, "laptop", DEVICE, device,
                SESSION_ID, session, CHAIN, chain, VOUCHER_PAIRING_TYPE, voucherType);
    }

    private static SyntheticTrace stored(SyntheticTrace b) {
        return stored(b, "tablet", "S", "phone>laptop>tablet", "Direct");
    }

    private static SyntheticTrace compromise(SyntheticTrace b, String device) {
        return b.attacker("compromise", "device", device);
    }

    private static SyntheticTrace removed(SyntheticTrace b, String node, String peer) {
        return b.audit(node, PAIRING_REMOVED, PEER, peer);
    }

    private static SyntheticTrace send(SyntheticTrace b, String from, String to, String tag, String id) {
        return b.add(from, Kind.SEND, tag, "to", to, "msg-id", id, "bytes-sha256", "h-" + id);
    }

    private static SyntheticTrace deliver(SyntheticTrace b, String from, String to, String tag, String id,
            String hash) {
        return b.add(to, Kind.DELIVER, tag, "from", from, "msg-id", id, "bytes-sha256", hash);
    }

    @Nested
    class ProxiedKeySecrecy {
        private final Invariant invariant = new VouchInvariants.ProxiedKeySecrecy();

        private SyntheticTrace holds(SyntheticTrace b, String holder) {
            return b.audit(holder, HOLDS_PROXIED_KEY, KEY_FINGERPRINT, "K", RECEIVER, "tablet", VOUCHEE, "phone",
                    SESSION_ID, "S");
        }

        private SyntheticTrace learned(SyntheticTrace b) {
            return b.attacker("learned", "kind", "proxied-session-key", "fingerprint", "K");
        }

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsWhenOnlyTheReceiverAndTheVoucheeHoldTheKey() {
            assertThat(check(holds(holds(trace(), "tablet"), "phone"))).isEmpty();
        }

        @Test
        void firesOnAThirdHolderAndNamesIt() {
            assertThat(check(holds(holds(trace(), "tablet"), "laptop"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop holds the proxied session key K of tablet and phone "
                            + "(session S)"));
        }

        @Test
        void firesWhenTheAttackerLearnsTheKeyWithoutHoldingTheReceiversOrTheVoucheesKeys() {
            assertThat(check(learned(holds(trace(), "tablet")))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("the attacker learned the proxied session key K of tablet and "
                            + "phone without holding either's keys"));
            // Holding the voucher's keys is no excuse: the voucher is not meant to hold the key.
            assertThat(check(learned(compromise(holds(trace(), "tablet"), "laptop")))).hasSize(1);
            // Another kind of secret under the same fingerprint is not this invariant's business.
            assertThat(check(holds(trace(), "tablet").attacker("learned", "kind", "vouch-signing-key",
                    "fingerprint", "K"))).isEmpty();
        }

        @Test
        void aCompromiseOfTheReceiverOrTheVoucheeBeforeTheLeakExcusesIt() {
            assertThat(check(learned(compromise(holds(trace(), "tablet"), "tablet")))).isEmpty();
            assertThat(check(learned(compromise(holds(trace(), "tablet"), "phone")))).isEmpty();
            assertThat(check(learned(holds(trace(), "tablet").attacker("controls", "device", "phone")))).isEmpty();
        }

        @Test
        void aCompromiseAfterTheLeakDoesNotExcuseIt() {
            assertThat(check(compromise(learned(holds(trace(), "tablet")), "tablet"))).hasSize(1);
        }

        @Test
        void aCompromiseAfterTheLeakButBeforeTheHoldersAuditDoesNotExcuseIt() {
            assertThat(check(holds(compromise(learned(trace()), "tablet"), "tablet"))).hasSize(1);
        }

        private SyntheticTrace profile(String profile) {
            return trace().fact("profile", "profile", profile);
        }

        @Test
        void inSpacedriveTheVoucherThatSignedThatVouchIsAnAdmittedHolderAndALeakThroughItsKeysIsExcused() {
            SyntheticTrace voucherHolds = holds(holds(signed(profile("spacedrive")), "laptop"), "tablet");
            assertThat(check(voucherHolds)).isEmpty();
            assertThat(check(learned(compromise(voucherHolds, "laptop")))).isEmpty();
        }

        @Test
        void inSpacedriveNoOtherHolderIsAdmittedAndTheAttackerCheckStaysOn() {
            assertThat(check(holds(holds(signed(profile("spacedrive")), "tablet"), "desktop"))).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("desktop holds the proxied session key K"));
            // A voucher that signed no vouch of that session for that receiver is no admitted holder.
            assertThat(check(holds(profile("spacedrive"), "laptop"))).hasSize(1);
            assertThat(check(holds(signed(profile("spacedrive"), "desktop", "ek", "Direct", "Direct"), "laptop")))
                    .hasSize(1);
            assertThat(check(learned(holds(holds(signed(profile("spacedrive")), "laptop"), "tablet"))))
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("without holding theirs or "
                            + "their voucher's keys"));
            assertThat(check(learned(compromise(holds(holds(signed(profile("spacedrive")), "laptop"), "tablet"),
                    "desktop")))).hasSize(1);
        }

        @Test
        void inSpacedriveTheKeysOfTheVoucherTheReceiverNamesExcuseALeakFromAVouchItNeverSigned() {
            // The attacker signed a vouch to tablet with laptop's stolen key: the key in it is the attacker's choice.
            SyntheticTrace named = compromise(profile("spacedrive"), "laptop").audit("tablet", HOLDS_PROXIED_KEY,
                    KEY_FINGERPRINT, "K", RECEIVER, "tablet", VOUCHEE, "phone", VOUCHER, "laptop", SESSION_ID, "S");
            assertThat(check(learned(named))).isEmpty();
            SyntheticTrace another = compromise(profile("spacedrive"), "desktop").audit("tablet", HOLDS_PROXIED_KEY,
                    KEY_FINGERPRINT, "K", RECEIVER, "tablet", VOUCHEE, "phone", VOUCHER, "laptop", SESSION_ID, "S");
            assertThat(check(learned(another))).hasSize(1);
            // A holding that names no voucher names none whose keys could excuse it.
            assertThat(check(learned(holds(compromise(profile("spacedrive"), "laptop"), "tablet")))).hasSize(1);
        }

        @Test
        void inHardenedTheVoucherIsNoAdmittedHolder() {
            assertThat(check(holds(signed(profile("hardened")), "laptop"))).hasSize(1);
            assertThat(check(learned(compromise(holds(signed(profile("hardened")), "tablet"), "laptop"))))
                    .hasSize(1);
        }
    }

    @Nested
    class VoucherBlind {
        private final Invariant invariant = new VouchInvariants.VoucherBlind();

        private SyntheticTrace holds(SyntheticTrace b, String holder) {
            return b.audit(holder, HOLDS_PROXIED_KEY, KEY_FINGERPRINT, "K", RECEIVER, "tablet", VOUCHEE, "phone",
                    VOUCHER, "nobody", SESSION_ID, "S");
        }

        private SyntheticTrace learned(SyntheticTrace b) {
            return b.attacker("learned", "kind", "proxied-session-key", "fingerprint", "K");
        }

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        /** laptop signed the vouch, holds its key, and the attacker holds laptop's keys (a fresh trace each call). */
        private SyntheticTrace voucherHolds() {
            return compromise(holds(signed(trace()), "laptop"), "laptop");
        }

        @Test
        void firesOnTheVoucherThatSignedTheVouchHoldingItsKeyWhateverTheHoldingNamesAsVoucher() {
            assertThat(check(holds(holds(signed(trace()), "laptop"), "tablet"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop holds the proxied session key K of tablet and phone, "
                            + "whom it vouched for (session S)"));
        }

        @Test
        void holdsForTheReceiverTheVoucheeAndADeviceThatSignedNoVouchOfThatPair() {
            assertThat(check(holds(holds(signed(trace()), "tablet"), "phone"))).isEmpty();
            assertThat(check(holds(trace(), "laptop"))).isEmpty();
            assertThat(check(holds(signed(trace(), "desktop", "ek", "Direct", "Direct"), "laptop"))).isEmpty();
        }

        @Test
        void firesOnALeakThroughTheVouchersKeysButNotOneThroughTheReceiversOrTheVoucheesOrAnotherKind() {
            assertThat(check(learned(voucherHolds()))).hasSize(2).anySatisfy(v -> assertThat(v.message())
                    .isEqualTo("the attacker learned the proxied session key K of tablet and phone through the keys "
                            + "of their voucher laptop"));
            assertThat(check(learned(compromise(voucherHolds(), "tablet")))).hasSize(1);
            assertThat(check(learned(compromise(voucherHolds(), "phone")))).hasSize(1);
            assertThat(check(learned(holds(signed(trace()), "laptop")))).hasSize(1);
            assertThat(check(voucherHolds().attacker("learned", "kind", "pairing-secret", "fingerprint", "K")))
                    .hasSize(1);
        }
    }

    @Nested
    class TrustChainSoundness {
        private final Invariant invariant = new VouchInvariants.TrustChainSoundness();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        /** laptop signs, then unpairs phone while the vouch is on its way; tablet accepts and answers laptop. */
        private SyntheticTrace withdrawnThenAccepted() {
            return accepted(removed(signed(trace()), "laptop", "phone"));
        }

        private SyntheticTrace answered(SyntheticTrace b, String hash) {
            return deliver(send(b, "tablet", "laptop", VouchCodec.PROXY_PAIRING_RESPONSE, "m2"), "tablet",
                    "laptop", VouchCodec.PROXY_PAIRING_RESPONSE, "m2", hash);
        }

        @Test
        void holdsOnTheHonestChainAtBothEnds() {
            assertThat(check(stored(answered(accepted(signed(trace())), "h-m2")))).isEmpty();
        }

        @Test
        void firesOnAWrongChainEvenWhenTheAttackerHeldTheVoucher() {
            SyntheticTrace b = accepted(compromise(signed(trace()), "laptop"), "tablet", "laptop", "V1", "S",
                    "tablet>desktop>phone", "Direct");
            assertThat(check(b)).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("tablet recorded the chain tablet>desktop>phone for phone vouched by laptop"));
            assertThat(check(stored(signed(trace()), "tablet", "S", "phone>desktop>tablet", "Direct")))
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("phone recorded the chain"));
        }

        @Test
        void firesWhenTheReceiverHadUnpairedTheVoucherButNotAfterItPairedAgain() {
            assertThat(check(accepted(removed(signed(trace()), "tablet", "laptop")))).singleElement()
                    .satisfies(v -> assertThat(v.message())
                            .isEqualTo("tablet accepted phone on the word of laptop, whom it had unpaired"));
            SyntheticTrace repaired = removed(signed(trace()), "tablet", "laptop").audit("tablet", PAIRING_STORED,
                    PEER, "laptop", PAIRING_TYPE, "Direct");
            assertThat(check(accepted(repaired))).isEmpty();
            assertThat(check(accepted(removed(signed(trace()), "tablet", "desktop")))).isEmpty();
        }

        @Test
        void aCompromisedVoucherExcusesAnUnpairedOneButNotACompromiseAfterOrOfAnotherDevice() {
            assertThat(check(accepted(compromise(removed(signed(trace()), "tablet", "laptop"), "laptop"))))
                    .isEmpty();
            assertThat(check(compromise(accepted(removed(signed(trace()), "tablet", "laptop")), "laptop")))
                    .hasSize(1);
            assertThat(check(accepted(compromise(removed(signed(trace()), "tablet", "laptop"), "phone"))))
                    .hasSize(1);
        }

        @Test
        void firesWhenTheVoucherSignedOverAProxiedPairingWithTheVouchee() {
            assertThat(check(accepted(signed(trace(), "tablet", "ek", "Proxied", "Direct")))).singleElement()
                    .satisfies(v -> assertThat(v.message())
                            .isEqualTo("laptop vouched for phone without a Direct pairing with it"));
        }

        @Test
        void firesWhenAWithdrawnVouchIsAcceptedAndTheWithdrawalCouldReachTheReceiver() {
            assertThat(check(answered(withdrawnThenAccepted(), "h-m2"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("tablet accepted phone after laptop unpaired it, and still "
                            + "holds the pairing unflagged although laptop's withdrawal could reach it"));
        }

        @Test
        void aWithdrawnVouchIsSettledByTheReceiverFlaggingOrRemovingThePairingAfterwards() {
            assertThat(check(answered(withdrawnThenAccepted(), "h-m2").audit("tablet", PROXIED_PAIRING_FLAGGED,
                    PEER, "phone"))).isEmpty();
            assertThat(check(removed(answered(withdrawnThenAccepted(), "h-m2"), "tablet", "phone"))).isEmpty();
        }

        @Test
        void aFlagOfAnotherPeerOrBeforeTheAcceptanceDoesNotSettleIt() {
            assertThat(check(answered(withdrawnThenAccepted(), "h-m2").audit("tablet", PROXIED_PAIRING_FLAGGED,
                    PEER, "desktop"))).hasSize(1);
            SyntheticTrace early = accepted(removed(signed(trace()), "laptop", "phone").audit("tablet",
                    PROXIED_PAIRING_FLAGGED, PEER, "phone"));
            assertThat(check(answered(early, "h-m2"))).hasSize(1);
        }

        @Test
        void aWithdrawnVouchIsSettledWhenTheVoucherDroppedTheReceiverAfterSigningButNotBefore() {
            assertThat(check(removed(answered(withdrawnThenAccepted(), "h-m2"), "laptop", "tablet"))).isEmpty();
            SyntheticTrace before = accepted(removed(signed(removed(trace(), "laptop", "tablet")), "laptop",
                    "phone"));
            assertThat(check(answered(before, "h-m2"))).hasSize(1);
        }

        @Test
        void aWithdrawnVouchIsSettledWhileTheRevocationIsLostOrAlteredButNotOnceItArrivedIntact() {
            SyntheticTrace lost = send(withdrawnThenAccepted(), "laptop", "tablet",
                    VouchCodec.PROXY_PAIRING_REVOKED, "m3");
            assertThat(check(answered(lost, "h-m2"))).isEmpty();
            SyntheticTrace altered = deliver(send(withdrawnThenAccepted(), "laptop", "tablet",
                    VouchCodec.PROXY_PAIRING_REVOKED, "m3"), "laptop", "tablet", VouchCodec.PROXY_PAIRING_REVOKED,
                    "m3", "tampered");
            assertThat(check(answered(altered, "h-m2"))).isEmpty();
            SyntheticTrace intact = deliver(send(withdrawnThenAccepted(), "laptop", "tablet",
                    VouchCodec.PROXY_PAIRING_REVOKED, "m3"), "laptop", "tablet", VouchCodec.PROXY_PAIRING_REVOKED,
                    "m3", "h-m3");
            assertThat(check(answered(intact, "h-m2"))).hasSize(1);
        }

        @Test
        void aWithdrawnVouchIsSettledWhenTheReceiversAnswerNeverReachedTheVoucherIntact() {
            assertThat(check(answered(withdrawnThenAccepted(), "tampered"))).isEmpty();
            assertThat(check(send(withdrawnThenAccepted(), "tablet", "laptop", VouchCodec.PROXY_PAIRING_RESPONSE,
                    "m2"))).isEmpty();
            // An answer to another device is not the answer to the voucher.
            SyntheticTrace other = deliver(send(withdrawnThenAccepted(), "tablet", "desktop",
                    VouchCodec.PROXY_PAIRING_RESPONSE, "m4"), "tablet", "desktop", VouchCodec.PROXY_PAIRING_RESPONSE,
                    "m4", "h-m4");
            assertThat(check(answered(other, "h-m2"))).hasSize(1);
        }

        @Test
        void aCompromisedVoucherExcusesAWithdrawnVouch() {
            assertThat(check(answered(accepted(compromise(removed(signed(trace()), "laptop", "phone"), "laptop")),
                    "h-m2"))).isEmpty();
        }

        @Test
        void aRevocationThatArrivedIntactAfterTheAcceptanceIsNotSettledWithoutAnAnswer() {
            SyntheticTrace b = deliver(send(withdrawnThenAccepted(), "laptop", "tablet",
                    VouchCodec.PROXY_PAIRING_REVOKED, "m3"), "laptop", "tablet", VouchCodec.PROXY_PAIRING_REVOKED,
                    "m3", "h-m3");
            assertThat(check(b)).hasSize(1);
        }

        @Test
        void anAcceptanceNoSignatureMatchesIsLeftToSignatureAuthenticity() {
            assertThat(check(answered(accepted(removed(signed(trace(), "desktop", "ek", "Direct", "Direct"),
                    "laptop", "phone")), "h-m2"))).isEmpty();
        }

        @Test
        void theVoucheeFiresOnAStoreFromAVoucherItHadUnpairedUnlessTheVoucherWasCompromised() {
            assertThat(check(stored(removed(trace(), "phone", "laptop")))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("phone stored tablet on the word of laptop, whom it had "
                            + "unpaired"));
            assertThat(check(stored(compromise(removed(trace(), "phone", "laptop"), "laptop")))).isEmpty();
            assertThat(check(stored(compromise(removed(trace(), "phone", "laptop"), "tablet")))).hasSize(1);
        }
    }

    @Nested
    class NoMultiHop {
        private final Invariant invariant = new VouchInvariants.NoMultiHop();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsWhenEveryHopIsDirect() {
            assertThat(check(stored(accepted(signed(trace()))))).isEmpty();
        }

        @Test
        void firesOnAVouchSignedOverAProxiedVoucheeOrTarget() {
            assertThat(check(signed(trace(), "tablet", "ek", "Proxied", "Direct"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop vouched phone (Proxied) to tablet (Direct): a second "
                            + "hop"));
            assertThat(check(signed(trace(), "tablet", "ek", "Direct", "Proxied"))).hasSize(1);
        }

        @Test
        void firesOnAnAcceptanceFromAProxiedVoucherByItsReportOrByTheStoredPairing() {
            assertThat(check(accepted(trace(), "tablet", "laptop", "V1", "S", "tablet>laptop>phone", "Proxied")))
                    .singleElement().satisfies(v -> assertThat(v.message())
                            .isEqualTo("tablet accepted a vouch from laptop, a Proxied device"));
            SyntheticTrace proxied = trace().audit("tablet", PAIRING_STORED, PEER, "laptop", PAIRING_TYPE,
                    "Proxied");
            assertThat(check(accepted(proxied))).hasSize(1);
        }

        @Test
        void aLaterDirectPairingOrAnotherPeersProxiedPairingDoesNotCount() {
            SyntheticTrace direct = trace().audit("tablet", PAIRING_STORED, PEER, "laptop", PAIRING_TYPE, "Proxied")
                    .audit("tablet", PAIRING_STORED, PEER, "laptop", PAIRING_TYPE, "Direct");
            assertThat(check(accepted(direct))).isEmpty();
            SyntheticTrace other = trace().audit("tablet", PAIRING_STORED, PEER, "desktop", PAIRING_TYPE,
                    "Proxied");
            assertThat(check(accepted(other))).isEmpty();
        }

        @Test
        void firesOnAVoucheeStoringFromAProxiedVoucher() {
            assertThat(check(stored(trace(), "tablet", "S", "phone>laptop>tablet", "Proxied"))).singleElement()
                    .satisfies(v -> assertThat(v.message()).isEqualTo("phone stored tablet from a "
                            + "ProxyPairingComplete of laptop, a Proxied device"));
        }

        private SyntheticTrace setUp(String device, String peer, String type) {
            return trace().fact("pairing", "device", device, "peer", peer, "type", type, "trust-level", "Trusted");
        }

        @Test
        void firesOnAProxiedPairingOfTheSetUpWhateverTheDevicesReport() {
            assertThat(check(signed(setUp("laptop", "phone", "Proxied")))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop vouched phone (Direct) to tablet (Direct): a second "
                            + "hop"));
            assertThat(check(signed(setUp("laptop", "tablet", "Proxied")))).hasSize(1);
            assertThat(check(accepted(setUp("tablet", "laptop", "Proxied")))).hasSize(1);
            assertThat(check(stored(setUp("phone", "laptop", "Proxied")))).hasSize(1);
        }

        @Test
        void aSetUpProxiedPairingReplacedByADirectOneOrRemovedOrAnotherDevicesDoesNotCount() {
            assertThat(check(accepted(setUp("tablet", "laptop", "Proxied").audit("tablet", PAIRING_STORED, PEER,
                    "laptop", PAIRING_TYPE, "Direct")))).isEmpty();
            assertThat(check(accepted(setUp("tablet", "laptop", "Proxied").audit("tablet", PAIRING_REMOVED, PEER,
                    "laptop")))).isEmpty();
            assertThat(check(accepted(setUp("desktop", "laptop", "Proxied")))).isEmpty();
            assertThat(check(signed(setUp("laptop", "phone", "Direct")))).isEmpty();
        }
    }

    @Nested
    class FreshnessRecords {
        @Test
        void firesOnAnAcceptanceWithoutItsTimestampOrClock() {
            SyntheticTrace b = trace().fact("limits", "device", "tablet", "vouch-signature-max-age", "PT5M",
                    "vouch-clock-skew-tolerance", "PT2S", "queue-entry-lifetime", "P7D",
                    "queue-poll-interval", "PT10S", "presence-probe-max-interval", "PT1H",
                    "transport-ack-timeout", "PT5S").outcome("tablet", OUTCOME_PROXY_PAIRING, "result",
                    "accepted", VOUCHER, "laptop", VOUCHEE, "phone", RECEIVER_LOCAL_TIME, TS, "local-time", TS);
            assertThat(new VouchInvariants.Freshness().check(b.build())).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("tablet accepted a vouch without recording its timestamp and "
                            + "its clock"));
        }
    }

    @Nested
    class NoReplay {
        private final Invariant invariant = new VouchInvariants.NoReplay();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        private SyntheticTrace prompt(SyntheticTrace b, String node, String vouchId) {
            return b.audit(node, CONFIRMATION_REQUIRED, VOUCH_ID, vouchId, VOUCHER, "laptop", SESSION_ID, "S",
                    VOUCHEE, "phone");
        }

        private SyntheticTrace crash(SyntheticTrace b, String node) {
            return b.add(node, Kind.CRASH, "crash").add(node, Kind.RESTART, "restart");
        }

        @Test
        void holdsForOneAcceptancePerReceiverAndSession() {
            assertThat(check(accepted(accepted(trace()), "desktop", "laptop", "V1", "S", "desktop>laptop>phone",
                    "Direct"))).isEmpty();
            assertThat(check(accepted(accepted(trace()), "tablet", "laptop", "V2", "S2", "tablet>laptop>phone",
                    "Direct"))).isEmpty();
        }

        @Test
        void firesOnTheSameVouchAcceptedTwiceByOneReceiver() {
            List<Violation> twice = check(accepted(accepted(trace())));
            assertThat(twice).hasSize(2);
            assertThat(twice.get(0).message()).isEqualTo("tablet accepted the same vouch twice (vouch-id: tablet "
                    + "V1)");
        }

        @Test
        void firesOnTheSameSessionAcceptedTwiceUnderANewVouchId() {
            assertThat(check(accepted(accepted(trace()), "tablet", "laptop", "V2", "S", "tablet>laptop>phone",
                    "Direct"))).singleElement().satisfies(v ->
                            assertThat(v.message()).contains("(voucher, session-id, vouchee: tablet laptop S phone)"));
        }

        @Test
        void aCrashOfTheReceiverExcusesASecondPromptForTheSessionUnderANewVouch() {
            assertThat(check(prompt(crash(prompt(trace(), "tablet", "V1"), "tablet"), "tablet", "V2"))).isEmpty();
        }

        @Test
        void noCrashACrashOfAnotherDeviceOrBeforeTheFirstPromptDoesNotExcuseIt() {
            assertThat(check(prompt(prompt(trace(), "tablet", "V1"), "tablet", "V2"))).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("tablet prompted for the same vouch twice"));
            assertThat(check(prompt(crash(prompt(trace(), "tablet", "V1"), "laptop"), "tablet", "V2"))).hasSize(1);
            assertThat(check(prompt(prompt(crash(trace(), "tablet"), "tablet", "V1"), "tablet", "V2"))).hasSize(1);
        }

        @Test
        void aCrashNeverExcusesTheSameVouchPromptedTwice() {
            assertThat(check(prompt(crash(prompt(trace(), "tablet", "V1"), "tablet"), "tablet", "V1")))
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("(vouch-id: tablet V1)"));
        }

        @Test
        void firesOnTheVoucheeStoringOneDeviceOfOneSessionTwice() {
            assertThat(check(stored(stored(trace())))).singleElement().satisfies(v ->
                    assertThat(v.message()).startsWith("phone stored the same vouch twice"));
            assertThat(check(stored(stored(trace()), "tablet", "S2", "phone>laptop>tablet", "Direct"))).isEmpty();
        }
    }

    @Nested
    class SignatureAuthenticity {
        private final Invariant invariant = new VouchInvariants.SignatureAuthenticity();

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsWhenTheVoucherSignedThisVouchForThisReceiver() {
            assertThat(check(accepted(signed(trace())))).isEmpty();
        }

        @Test
        void firesOnAnAcceptanceNothingWasSignedForAndSaysForWhomItWas() {
            assertThat(check(accepted(trace()))).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("tablet accepted phone in the name of laptop (session S): no such vouch was signed"));
            assertThat(check(accepted(signed(trace(), "desktop", "ek", "Direct", "Direct")))).singleElement()
                    .satisfies(v -> assertThat(v.message()).endsWith("that vouch was signed for desktop"));
        }

        @Test
        void firesWhenTheSignedVoucheeKeyDiffersOrTheSignatureCameAfter() {
            assertThat(check(accepted(signed(trace(), "tablet", "ek2", "Direct", "Direct")))).hasSize(1);
            assertThat(check(signed(accepted(trace())))).hasSize(1);
        }

        @Test
        void aCompromisedVoucherOrTheAttackerAsVoucherExcusesAForgery() {
            assertThat(check(accepted(compromise(trace(), "laptop")))).isEmpty();
            assertThat(check(accepted(trace(), "tablet", "attacker", "V1", "S", "tablet>attacker>phone",
                    "Direct"))).isEmpty();
        }

        @Test
        void aCompromiseAfterTheAcceptanceOrOfTheVoucheeDoesNot() {
            assertThat(check(compromise(accepted(trace()), "laptop"))).hasSize(1);
            assertThat(check(accepted(compromise(trace(), "phone")))).hasSize(1);
        }

        @Test
        void theVoucheeStoresOnlyADeviceThatAcceptedItInThatSession() {
            assertThat(check(stored(accepted(signed(trace()))))).isEmpty();
            assertThat(check(stored(trace()))).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("phone stored tablet as accepting it (session S) but tablet never accepted it"));
            assertThat(check(stored(accepted(signed(trace()), "tablet", "laptop", "V1", "S9",
                    "tablet>laptop>phone", "Direct")))).filteredOn(v -> v.message().startsWith("phone stored"))
                    .hasSize(1);
            SyntheticTrace rejected = trace().outcome("tablet", OUTCOME_PROXY_PAIRING, "result", "rejected",
                    VOUCHER, "laptop", VOUCHEE, "phone", SESSION_ID, "S");
            assertThat(check(stored(rejected))).hasSize(1);
        }

        @Test
        void aCompromisedVoucherOrStoredDeviceExcusesTheVoucheesStoreButNotAnotherDevice() {
            assertThat(check(stored(compromise(trace(), "laptop")))).isEmpty();
            assertThat(check(stored(compromise(trace(), "tablet")))).isEmpty();
            assertThat(check(stored(compromise(trace(), "desktop")))).hasSize(1);
        }
    }

    @Nested
    class QueueLiveness {
        private final Invariant invariant = new VouchInvariants.QueueLiveness();
        private static final String HOUR_LATER = "1970-01-01T01:00:01Z";

        /**
         * laptop's configured queue: entries live {@code lifetime}, the worker polls every second, probes at most a
         * second apart, waits a second for the transport: a worst case of 1+3+2 s plus a minute. The audit below
         * reports other settings, which must not count.
         */
        private SyntheticTrace limits(SyntheticTrace b, java.time.Duration lifetime) {
            return b.fact("limits", "device", "laptop", "vouch-signature-max-age", "PT5M",
                    "vouch-clock-skew-tolerance", "PT2S", "queue-entry-lifetime", lifetime.toString(),
                    "queue-poll-interval", "PT1S", "presence-probe-max-interval", "PT1S",
                    "transport-ack-timeout", "PT1S");
        }

        private SyntheticTrace limits(SyntheticTrace b) {
            return limits(b, java.time.Duration.ofHours(1));
        }

        /** At t=1s laptop queues session S for tablet until {@code expiresAt}. */
        private SyntheticTrace queued(String expiresAt) {
            return limits(trace(), java.time.Duration.between(java.time.Instant.parse(TS),
                    java.time.Instant.parse(expiresAt))).at(1).audit("laptop", VOUCH_QUEUED, TARGET, "tablet",
                    SESSION_ID, "S", QUEUED_AT, TS, EXPIRES_AT, "2000-01-01T00:00:00Z", PROBE_MAX_MS, "86400000",
                    POLL_INTERVAL_MS, "86400000", ACK_TIMEOUT_MS, "86400000", "local-time", TS);
        }

        private SyntheticTrace queued() {
            return queued(HOUR_LATER);
        }

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.at(7200).add("world", Kind.NOTE, "end").build());
        }

        private SyntheticTrace request(SyntheticTrace b, double at, String from) {
            return b.at(at).add("tablet", Kind.DELIVER, VouchCodec.PROXY_PAIRING_REQUEST, "from", from);
        }

        private SyntheticTrace dequeued(SyntheticTrace b, double at, String target, String reason) {
            return b.at(at).audit("laptop", VOUCH_DEQUEUED, SESSION_ID, "S", TARGET, target, DEQUEUE_REASON,
                    reason);
        }

        private SyntheticTrace lost(SyntheticTrace b, double at, String from, String to) {
            return b.at(at).add("network", Kind.DROP, VouchCodec.PRESENCE, "from", from, "to", to, "reason", "loss");
        }

        @Test
        void firesOnAQueuedVouchNeverDeliveredWhileBothWereUpAndConnected() {
            assertThat(check(queued())).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("the vouch of session S queued by laptop for tablet was not delivered although both "
                            + "were up and connected from t=1s for 66s before its expiry"));
        }

        @Test
        void holdsWhenTheRequestReachesTheTargetOrItsAnswerDequeuesItWithinTheWorstCase() {
            assertThat(check(request(queued(), 10, "laptop"))).isEmpty();
            assertThat(check(dequeued(queued(), 10, "tablet", DEQUEUED_DELIVERED))).isEmpty();
        }

        @Test
        void aDeliveryTooLateFromAnotherSenderOrBeforeQueuingOrForAnotherTargetDoesNotCount() {
            assertThat(check(request(queued(), 100, "laptop"))).hasSize(1);
            assertThat(check(request(queued(), 10, "desktop"))).hasSize(1);
            SyntheticTrace before = request(limits(trace()), 0.5, "laptop").at(1)
                    .audit("laptop", VOUCH_QUEUED, TARGET,
                    "tablet", SESSION_ID, "S", QUEUED_AT, TS, EXPIRES_AT, HOUR_LATER, PROBE_MAX_MS, "1000",
                    POLL_INTERVAL_MS, "1000", ACK_TIMEOUT_MS, "1000");
            assertThat(check(before)).hasSize(1);
            assertThat(check(dequeued(queued(), 10, "desktop", DEQUEUED_DELIVERED))).hasSize(1);
        }

        @Test
        void aWithdrawalByTheVoucherExcusesItButAnExpiryOrALateWithdrawalNot() {
            assertThat(check(dequeued(queued(), 10, "tablet", "VOUCH_REVOKED"))).isEmpty();
            assertThat(check(dequeued(queued(), 10, "tablet", "QUEUE_EXPIRED"))).hasSize(1);
            assertThat(check(dequeued(queued(), 100, "tablet", "VOUCH_REVOKED"))).hasSize(1);
        }

        @Test
        void aVoucherGivingUpOnAFairLinkIsNotAWithdrawal() {
            assertThat(check(dequeued(queued(), 10, "tablet", "QUEUE_RETRIES_EXHAUSTED"))).hasSize(1);
        }

        @Test
        void aTargetThatUnpairedTheVoucherExcusesItButNotAnotherUnpairing() {
            assertThat(check(removed(queued().at(10), "tablet", "laptop"))).isEmpty();
            assertThat(check(removed(queued().at(10), "tablet", "desktop"))).hasSize(1);
            assertThat(check(removed(queued().at(10), "laptop", "tablet"))).hasSize(1);
        }

        @Test
        void noWindowWithBothUpAndConnectedExcusesItButOneOpeningLaterDoesNot() {
            SyntheticTrace offline = trace().at(0.5).add("tablet", Kind.OFFLINE, "offline");
            assertThat(check(offline)).isEmpty();
            assertThat(check(queued().at(1.5).add("tablet", Kind.OFFLINE, "offline"))).isEmpty();
            assertThat(check(queued().at(1.5).add("tablet", Kind.OFFLINE, "offline").at(1800).add("tablet",
                    Kind.ONLINE, "online"))).singleElement().satisfies(v ->
                            assertThat(v.message()).contains("from t=1800s"));
            assertThat(check(queued().at(1.5).add("laptop", Kind.CRASH, "crash"))).isEmpty();
            assertThat(check(queued().at(1.5).add("laptop", Kind.CRASH, "crash").at(1800).add("laptop",
                    Kind.RESTART, "restart"))).hasSize(1);
        }

        @Test
        void aPartitionBetweenTheTwoExcusesItButOneBetweenOthersNot() {
            assertThat(check(queued().at(1.5).add("network", Kind.PARTITION, "partition", "partition", "p1",
                    "groups", "laptop|tablet"))).isEmpty();
            assertThat(check(queued().at(1.5).add("network", Kind.PARTITION, "partition", "partition", "p1",
                    "groups", "laptop,tablet|desktop"))).hasSize(1);
            SyntheticTrace healed = queued().at(1.5).add("network", Kind.PARTITION, "partition", "partition", "p1",
                    "groups", "laptop|tablet").at(1800).add("network", Kind.HEAL, "heal", "partition", "p1");
            assertThat(check(healed)).hasSize(1);
        }

        @Test
        void anExpiryBeforeTheWorstCaseElapsesExcusesIt() {
            assertThat(check(queued("1970-01-01T00:00:31Z"))).isEmpty();
        }

        @Test
        void aLossOrAnAttackOnTheLinkAfterQueuingExcusesIt() {
            assertThat(check(lost(queued(), 10, "laptop", "tablet"))).isEmpty();
            assertThat(check(lost(queued(), 10, "tablet", "laptop"))).isEmpty();
            assertThat(check(queued().at(10).attacker("drop", "from", "laptop", "to", "tablet", "tag",
                    VouchCodec.PROXY_PAIRING_REQUEST))).isEmpty();
            assertThat(check(queued().at(10).attacker("tamper", "from", "tablet", "to", "laptop", "tag",
                    VouchCodec.TRANSPORT_ACK))).isEmpty();
            assertThat(check(queued().at(10).attacker("delay", "from", "tablet", "to", "laptop", "tag",
                    VouchCodec.PROXY_PAIRING_RESPONSE))).isEmpty();
        }

        @Test
        void aLossOrAnAttackOnAMessageTheDeliveryDoesNotRestOnDoesNotExcuseIt() {
            for (String tag : List.of(VouchCodec.PAIRING_REQUEST, VouchCodec.UNPAIR,
                    VouchCodec.PROXY_PAIRING_COMPLETE, VouchCodec.PROXY_PAIRING_REVOKED)) {
                assertThat(check(queued().at(10).add("network", Kind.DROP, tag, "from", "laptop", "to", "tablet",
                        "reason", "loss"))).as("a lost %s", tag).hasSize(1);
                assertThat(check(queued().at(10).attacker("drop", "from", "laptop", "to", "tablet", "tag", tag)))
                        .as("a dropped %s", tag).hasSize(1);
            }
            // An attack op without a tag names no message: it touched nothing the delivery rests on.
            assertThat(check(queued().at(10).attacker("drop", "from", "laptop", "to", "tablet"))).hasSize(1);
        }

        @Test
        void aLossOnAnotherLinkBeforeQueuingOrAnAttackThatTouchesNoMessageDoesNot() {
            assertThat(check(lost(queued(), 10, "laptop", "desktop"))).hasSize(1);
            SyntheticTrace early = lost(limits(trace()), 0.5, "laptop", "tablet").at(1)
                    .audit("laptop", VOUCH_QUEUED,
                    TARGET, "tablet", SESSION_ID, "S", QUEUED_AT, TS, EXPIRES_AT, HOUR_LATER, PROBE_MAX_MS, "1000",
                    POLL_INTERVAL_MS, "1000", ACK_TIMEOUT_MS, "1000");
            assertThat(check(early)).hasSize(1);
            assertThat(check(queued().at(10).add("network", Kind.DROP, VouchCodec.PRESENCE, "from", "laptop", "to",
                    "tablet", "reason", "offline"))).hasSize(1);
            assertThat(check(queued().at(10).attacker("replay", "from", "laptop", "to", "tablet"))).hasSize(1);
        }

        @Test
        void aLossLongAfterTheDeadlineDoesNotExcuseIt() {
            assertThat(check(lost(queued(), 3000, "laptop", "tablet"))).hasSize(1);
        }

        @Test
        void firesOnAQueuedVouchSentAtOrAfterItsExpiryOnTheVouchersClock() {
            SyntheticTrace delivered = request(queued(), 10, "laptop");
            SyntheticTrace late = delivered.audit("laptop", VOUCH_SENT, FROM_QUEUE, "true", SESSION_ID, "S", TARGET,
                    "tablet", EXPIRES_AT, "2000-01-01T00:00:00Z", "local-time", HOUR_LATER);
            assertThat(check(late)).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("laptop sent the queued vouch of session S to tablet at 1970-01-01T01:00:01Z, not "
                            + "before its expiry at 1970-01-01T01:00:01Z"));
            SyntheticTrace inTime = request(queued(), 10, "laptop")
                    .audit("laptop", VOUCH_SENT, FROM_QUEUE, "true", SESSION_ID, "S",
                    TARGET, "tablet", EXPIRES_AT, HOUR_LATER, "local-time", "1970-01-01T01:00:00.999Z");
            assertThat(check(inTime)).isEmpty();
            SyntheticTrace direct = request(queued(), 10, "laptop")
                    .audit("laptop", VOUCH_SENT, FROM_QUEUE, "false", SESSION_ID, "S",
                    TARGET, "tablet", EXPIRES_AT, HOUR_LATER, "local-time", "1970-01-01T02:00:00Z");
            assertThat(check(direct)).isEmpty();
        }
    }

    @Nested
    class SessionCompletion {
        private final Invariant invariant = new VouchInvariants.SessionCompletion();

        private SyntheticTrace status(SyntheticTrace b, String node, String target, String status) {
            return b.audit(node, RESOURCE_CHANGED, SESSION_ID, "S", TARGET, target, STATUS, status);
        }

        private SyntheticTrace state(SyntheticTrace b, String node, String state) {
            return b.audit(node, RESOURCE_CHANGED, SESSION_ID, "S", STATE, state);
        }

        private SyntheticTrace completed(SyntheticTrace b, String paired) {
            return b.audit("laptop", SESSION_COMPLETED, SESSION_ID, "S", VOUCHEE, "phone", "vouchee-paired", paired);
        }

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        @Test
        void holdsWhenTheSessionCompletesOnceEveryVouchIsTerminal() {
            for (String terminal : List.of("Accepted", "Rejected", "Unreachable")) {
                assertThat(check(state(status(status(trace(), "laptop", "tablet", "Pending"), "laptop", "tablet",
                        terminal), "laptop", "Completed"))).isEmpty();
            }
            SyntheticTrace open = status(status(trace(), "laptop", "tablet", "Pending"), "laptop", "desktop",
                    "Pending");
            assertThat(check(status(open, "laptop", "tablet", "Accepted"))).isEmpty();
        }

        @Test
        void aTargetAddedAfterTheOthersWereTerminalReopensTheSession() {
            assertThat(check(status(status(trace(), "laptop", "tablet", "Accepted"), "laptop", "desktop",
                    "Pending"))).isEmpty();
        }

        @Test
        void aReopenedSessionIsOwedItsCompletionOnceTheNewVouchIsTerminal() {
            assertThat(check(status(reopened(), "laptop", "desktop", "Rejected"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop never completed session S although every vouch in "
                            + "it was terminal"));
            assertThat(check(state(status(reopened(), "laptop", "desktop", "Rejected"), "laptop", "Completed")))
                    .isEmpty();
        }

        /** tablet's vouch is terminal, then desktop's is added (a fresh trace each call). */
        private SyntheticTrace reopened() {
            return status(status(trace(), "laptop", "tablet", "Accepted"), "laptop", "desktop", "Pending");
        }

        @Test
        void firesOnACompletionWhileAVouchIsOpen() {
            assertThat(check(state(status(trace(), "laptop", "tablet", "Pending"), "laptop", "Completed")))
                    .singleElement().satisfies(v -> assertThat(v.message())
                            .isEqualTo("laptop completed session S while {tablet=Pending} were not all terminal"));
        }

        @Test
        void firesOnASessionNeverCompletedOrCompletedOnlyByAnotherDevice() {
            assertThat(check(status(trace(), "laptop", "tablet", "Accepted"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop never completed session S although every vouch in "
                            + "it was terminal"));
            assertThat(check(state(status(trace(), "laptop", "tablet", "Accepted"), "desktop", "Completed")))
                    .hasSize(2);
        }

        @Test
        void firesOnACompletionWithAPairedVoucheeButNoProxyPairingCompleteToIt() {
            assertThat(check(completed(trace(), "true"))).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("laptop completed session S without sending ProxyPairingComplete to phone"));
            assertThat(check(send(completed(trace(), "true"), "laptop", "phone",
                    VouchCodec.PROXY_PAIRING_COMPLETE, "m5"))).isEmpty();
            assertThat(check(send(completed(trace(), "true"), "laptop", "desktop",
                    VouchCodec.PROXY_PAIRING_COMPLETE, "m5"))).hasSize(1);
            assertThat(check(completed(send(trace(), "laptop", "phone", VouchCodec.PROXY_PAIRING_COMPLETE, "m5"),
                    "true"))).hasSize(1);
        }

        @Test
        void aVoucheeNoLongerPairedExcusesTheMissingComplete() {
            assertThat(check(completed(trace(), "false"))).isEmpty();
        }
    }

    @Nested
    class UserControlledPropagation {
        private final Invariant invariant = new VouchInvariants.UserControlledPropagation();

        private SyntheticTrace asked(SyntheticTrace b, String node, String vouchee) {
            return b.add(node, Kind.USER_ACTION, ACTION_VOUCH, "vouchee", vouchee);
        }

        private SyntheticTrace started(SyntheticTrace b, String trigger, String autoVouch) {
            return b.audit("laptop", SESSION_STARTED, SESSION_ID, "S", VOUCHEE, "phone", TRIGGER, trigger,
                    AUTO_VOUCH_TO_ALL, autoVouch);
        }

        private List<Violation> check(SyntheticTrace b) {
            return invariant.check(b.build());
        }

        /** The world's configuration of laptop: {@code auto_vouch_to_all} as given. */
        private SyntheticTrace configured(boolean autoVouch) {
            return trace().fact("limits", "device", "laptop", "vouch-signature-max-age", "PT5M",
                    "vouch-clock-skew-tolerance", "PT30S", "queue-entry-lifetime", "P7D", "queue-poll-interval",
                    "PT10S", "presence-probe-max-interval", "PT1H", "transport-ack-timeout", "PT5S",
                    "auto-vouch-to-all", Boolean.toString(autoVouch));
        }

        @Test
        void holdsWhenTheUserAskedOrAutoVouchIsConfiguredWhateverTheVoucherReports() {
            assertThat(check(signed(started(asked(trace(), "laptop", "phone"), TRIGGER_USER, "false")))).isEmpty();
            assertThat(check(signed(started(configured(true), TRIGGER_AUTO, "false")))).isEmpty();
        }

        @Test
        void firesWhenTheUserNeverAskedForThatVoucheeOnThatDeviceBeforehand() {
            assertThat(check(started(trace(), TRIGGER_USER, "false"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop started vouching phone for the user, who never asked"));
            assertThat(check(started(asked(trace(), "laptop", "watch"), TRIGGER_USER, "false"))).hasSize(1);
            assertThat(check(started(asked(trace(), "tablet", "phone"), TRIGGER_USER, "false"))).hasSize(1);
            assertThat(check(asked(started(trace(), TRIGGER_USER, "false"), "laptop", "phone"))).hasSize(1);
        }

        @Test
        void firesOnAnAutomaticStartWithoutAutoVouchConfiguredOrAnUnknownTrigger() {
            assertThat(check(started(configured(false), TRIGGER_AUTO, "true"))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop started vouching phone by itself (trigger "
                            + "auto_vouch_to_all, auto_vouch_to_all configured false)"));
            assertThat(check(started(trace(), TRIGGER_AUTO, "true"))).hasSize(1);
            assertThat(check(started(configured(true), "presence", "true"))).hasSize(1);
        }

        @Test
        void firesOnAVouchSignedOutsideAStartedSession() {
            assertThat(check(signed(trace()))).singleElement().satisfies(v ->
                    assertThat(v.message()).isEqualTo("laptop signed a vouch for session S that was never started"));
            SyntheticTrace elsewhere = trace().add("desktop", Kind.USER_ACTION, ACTION_VOUCH, "vouchee", "phone")
                    .audit("desktop", SESSION_STARTED, SESSION_ID, "S", VOUCHEE, "phone", TRIGGER, TRIGGER_USER,
                            AUTO_VOUCH_TO_ALL, "false");
            assertThat(check(signed(elsewhere))).hasSize(1);
        }
    }
}
