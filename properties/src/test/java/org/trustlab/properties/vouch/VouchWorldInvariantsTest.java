package org.trustlab.properties.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouch invariants that judge by the world's facts, on hand-built traces: they fire on the configured limits
 * and the user's trust levels whatever the receiver reports, and excuse only what they name.
 */
class VouchWorldInvariantsTest {
    private static SyntheticTrace world(String tabletViewOfLaptop) {
        return new SyntheticTrace()
                .fact("limits", "device", "tablet", "vouch-signature-max-age", "PT5M",
                        "vouch-clock-skew-tolerance", "PT2S", "queue-entry-lifetime", "P7D",
                        "queue-poll-interval", "PT10S", "presence-probe-max-interval", "PT1H",
                        "transport-ack-timeout", "PT5S")
                .fact("pairing", "device", "tablet", "peer", "laptop", "type", "Direct",
                        "trust-level", tabletViewOfLaptop)
                .fact("pairing", "device", "laptop", "peer", "tablet", "type", "Direct", "trust-level", "Trusted");
    }

    /** The tablet accepts phone on laptop's word; its own report claims a generous limit and a Trusted voucher. */
    private static SyntheticTrace accept(SyntheticTrace b, String vouchedAt, String seenAt) {
        return b.add("tablet", Kind.OUTCOME, "proxy-pairing", "result", "accepted", "voucher", "laptop",
                "vouchee", "phone", "vouch-timestamp", vouchedAt, "receiver-local-time", vouchedAt,
                "local-time", seenAt, "vouch-id", "V1", "max-age-ms", "86400000", "skew-tolerance-ms", "86400000",
                "trust-level", "Trusted");
    }

    @Nested
    class VoucherTrusted {
        private final Invariant invariant = new VouchInvariants.VoucherTrusted();

        @Test
        void firesOnAVoucherTheUserBlockedOrMarkedUnreliableWhateverTheReceiverReports() {
            assertThat(invariant.check(accept(world("Blocked"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z")
                    .build())).singleElement().satisfies(v -> assertThat(v.message()).contains("marked Blocked"));
            Trace later = accept(world("Trusted").fact("trust-set", "device", "tablet", "peer", "laptop",
                    "trust-level", "Unreliable"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z").build();
            assertThat(invariant.check(later)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("marked Unreliable"));
        }

        @Test
        void holdsForATrustedVoucherForALevelSetAfterTheAcceptanceAndAfterARepairing() {
            assertThat(invariant.check(accept(world("Trusted"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z")
                    .build())).isEmpty();
            Trace after = accept(world("Trusted"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z")
                    .fact("trust-set", "device", "tablet", "peer", "laptop", "trust-level", "Blocked").build();
            assertThat(invariant.check(after)).isEmpty();
            Trace repaired = accept(world("Blocked").add("tablet", Kind.AUDIT, "pairing-stored", "peer", "laptop",
                    "pairing-type", "Direct"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z").build();
            assertThat(invariant.check(repaired)).isEmpty();
        }

        @Test
        void aReceiverNeverPairedWithTheVoucherIsLeftToTrustChainSoundness() {
            Trace t = accept(new SyntheticTrace().fact("pairing", "device", "desktop", "peer", "laptop", "type",
                    "Direct", "trust-level", "Blocked"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z").build();
            assertThat(invariant.check(t)).isEmpty();
        }

        @Test
        void anotherReceiversLevelDoesNotCount() {
            Trace t = accept(world("Trusted").fact("trust-set", "device", "desktop", "peer", "laptop",
                    "trust-level", "Blocked"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z").build();
            assertThat(invariant.check(t)).isEmpty();
        }
    }

    @Nested
    class Freshness {
        private final Invariant invariant = new VouchInvariants.Freshness();

        @Test
        void firesPastTheConfiguredMaxAgeAndSkewWhateverTheReceiverReports() {
            assertThat(invariant.check(accept(world("Trusted"), "1970-01-01T00:00:00Z", "1970-01-01T00:05:00.001Z")
                    .build())).singleElement().satisfies(v -> assertThat(v.message()).contains("limit 300000 ms"));
            assertThat(invariant.check(accept(world("Trusted"), "1970-01-01T00:00:03Z", "1970-01-01T00:00:00Z")
                    .build())).singleElement().satisfies(v -> assertThat(v.message()).contains("ahead"));
        }

        @Test
        void holdsAtTheEdgesOfTheWindow() {
            assertThat(invariant.check(accept(world("Trusted"), "1970-01-01T00:00:00Z", "1970-01-01T00:05:00Z")
                    .build())).isEmpty();
            assertThat(invariant.check(accept(world("Trusted"), "1970-01-01T00:00:02Z", "1970-01-01T00:00:00Z")
                    .build())).isEmpty();
        }

        @Test
        void judgesAPromptedVouchOnTheClockWhenItArrivedNotWhenTheUserAnswered() {
            SyntheticTrace prompted = world("Trusted").add("tablet", Kind.AUDIT, "ProxyPairingConfirmationRequired",
                    "vouch-id", "V1", "local-time", "1970-01-01T00:05:00Z");
            assertThat(invariant.check(accept(prompted, "1970-01-01T00:00:00Z", "1970-01-01T00:05:20Z").build()))
                    .isEmpty();
            SyntheticTrace late = world("Trusted").add("tablet", Kind.AUDIT, "ProxyPairingConfirmationRequired",
                    "vouch-id", "V1", "local-time", "1970-01-01T00:05:01Z");
            assertThat(invariant.check(accept(late, "1970-01-01T00:00:00Z", "1970-01-01T00:05:00Z").build()))
                    .hasSize(1);
            SyntheticTrace another = world("Trusted").add("tablet", Kind.AUDIT, "ProxyPairingConfirmationRequired",
                    "vouch-id", "V2", "local-time", "1970-01-01T00:00:01Z");
            assertThat(invariant.check(accept(another, "1970-01-01T00:00:00Z", "1970-01-01T00:05:20Z").build()))
                    .hasSize(1);
        }

        @Test
        void firesWithoutConfiguredLimits() {
            Trace t = accept(new SyntheticTrace(), "1970-01-01T00:00:00Z", "1970-01-01T00:00:01Z").build();
            assertThat(invariant.check(t)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("without configured limits"));
        }
    }

    @Nested
    class NoOverwrite {
        private final Invariant invariant = new VouchInvariants.NoOverwrite();

        /** The tablet stores the vouched phone, then reports the acceptance: what held it the phone before? */
        private Trace acceptPhone(SyntheticTrace b) {
            return accept(b.add("tablet", Kind.AUDIT, "pairing-stored", "peer", "phone", "pairing-type", "Proxied",
                    "voucher", "laptop"), "1970-01-01T00:00:01Z", "1970-01-01T00:00:02Z").build();
        }

        @Test
        void firesWhenTheReceiverWasPairedWithTheVoucheeAtSetUpOrSince() {
            SyntheticTrace setUp = world("Trusted").fact("pairing", "device", "tablet", "peer", "phone", "type",
                    "Direct", "trust-level", "Trusted");
            assertThat(invariant.check(acceptPhone(setUp))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("already paired with it"));
            SyntheticTrace since = world("Trusted").add("tablet", Kind.AUDIT, "pairing-stored", "peer", "phone",
                    "pairing-type", "Direct");
            assertThat(invariant.check(acceptPhone(since))).hasSize(1);
        }

        @Test
        void holdsForANewDeviceAndForOneTheReceiverUnpairedFirst() {
            assertThat(invariant.check(acceptPhone(world("Trusted")))).isEmpty();
            SyntheticTrace removed = world("Trusted").fact("pairing", "device", "tablet", "peer", "phone", "type",
                    "Direct", "trust-level", "Trusted").add("tablet", Kind.AUDIT, "pairing-removed", "peer", "phone");
            assertThat(invariant.check(acceptPhone(removed))).isEmpty();
        }

        @Test
        void anotherDevicesPairingWithTheVoucheeDoesNotCount() {
            SyntheticTrace other = world("Trusted").fact("pairing", "device", "desktop", "peer", "phone", "type",
                    "Direct", "trust-level", "Trusted");
            assertThat(invariant.check(acceptPhone(other))).isEmpty();
        }
    }

    @Nested
    class VoucheeKeyBinding {
        private final Invariant invariant = new VouchInvariants.VoucheeKeyBinding();

        /** The world's identities: phone's key is EK, tablet's TK (the attacker's pseudo-device has none). */
        private SyntheticTrace identities() {
            return new SyntheticTrace().fact("identity", "device", "phone", "key-fingerprint", "EK")
                    .fact("identity", "device", "tablet", "key-fingerprint", "TK")
                    .fact("identity", "device", "laptop", "key-fingerprint", "LK");
        }

        private SyntheticTrace stored(SyntheticTrace b, String node, String peer, String type, String key) {
            return b.add(node, Kind.AUDIT, "pairing-stored", "peer", peer, "pairing-type", type, "voucher", "laptop",
                    "peer-key", key);
        }

        @Test
        void holdsWhenEveryProxiedPairingHoldsItsPeersOwnKey() {
            assertThat(invariant.check(stored(stored(identities(), "tablet", "phone", "Proxied", "EK"), "phone",
                    "tablet", "Proxied", "TK").build())).isEmpty();
        }

        @Test
        void firesOnAReceiverOrAVoucheeStoringAnotherKeyForItsPeer() {
            assertThat(invariant.check(stored(identities(), "tablet", "phone", "Proxied", "AK").build()))
                    .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("tablet stored phone as "
                            + "Proxied (voucher laptop) under the key AK, not phone's own EK"));
            assertThat(invariant.check(stored(identities(), "phone", "tablet", "Proxied", "EK").build())).hasSize(1);
        }

        @Test
        void aDirectPairingOrAPeerTheWorldDoesNotKnowIsNotJudged() {
            assertThat(invariant.check(stored(identities(), "tablet", "phone", "Direct", "AK").build())).isEmpty();
            assertThat(invariant.check(stored(identities(), "tablet", "attacker", "Proxied", "AK").build()))
                    .isEmpty();
        }

        @Test
        void onlyTheVouchersKeysInTheAttackersHandsBeforeTheStoreExcuseIt() {
            SyntheticTrace held = identities().attacker("compromise", "device", "laptop");
            assertThat(invariant.check(stored(held, "tablet", "phone", "Proxied", "AK").build())).isEmpty();
            SyntheticTrace after = stored(identities(), "tablet", "phone", "Proxied", "AK")
                    .attacker("compromise", "device", "laptop");
            assertThat(invariant.check(after.build())).hasSize(1);
            SyntheticTrace vouchee = identities().attacker("compromise", "device", "phone");
            assertThat(invariant.check(stored(vouchee, "tablet", "phone", "Proxied", "AK").build())).hasSize(1);
        }
    }
}
