package org.trustlab.properties.vouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.vouch.VouchMutant;

/**
 * Which invariants each mutant of the vouch reference must break, and the scenario of {@code scenarios/vouch/} on
 * which it does. Tests run every entry; a mutant no invariant catches is a gap in the catalogue, an invariant no
 * mutant breaks is untested.
 */
public final class VouchMutantMap {
    /** A mutant, the scenario that exposes it, and the invariants that must fail there. */
    public record Entry(VouchMutant mutant, String scenario, List<String> breaks) {
        public Entry {
            breaks = List.copyOf(breaks);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(VouchMutant.NO_TIMESTAMP_CHECK, "skewed-voucher-301s.yaml",
                    List.of(VouchInvariants.FRESHNESS)),
            new Entry(VouchMutant.SKIP_SIGNATURE_CHECK, "forged-vouch-unpaired-device.yaml",
                    List.of(VouchInvariants.SIGNATURE_AUTHENTICITY)),
            new Entry(VouchMutant.UNSIGNED_TARGET, "replay-hardened.yaml",
                    List.of(VouchInvariants.SIGNATURE_AUTHENTICITY)),
            new Entry(VouchMutant.PROXIED_MAY_VOUCH, "proxied-device-vouches.yaml",
                    List.of(VouchInvariants.NO_MULTI_HOP)),
            new Entry(VouchMutant.NO_REPLAY_CACHE, "replay-spacedrive.yaml",
                    List.of(VouchInvariants.NO_REPLAY)),
            new Entry(VouchMutant.QUEUE_IGNORES_EXPIRY, "target-offline-8d.yaml",
                    List.of(VouchInvariants.QUEUE_LIVENESS)),
            new Entry(VouchMutant.VOLATILE_QUEUE, "voucher-crash-queue-survives.yaml",
                    List.of(VouchInvariants.QUEUE_LIVENESS)),
            new Entry(VouchMutant.NEVER_COMPLETES, "happy-path.yaml",
                    List.of(VouchInvariants.SESSION_COMPLETION)),
            new Entry(VouchMutant.VOUCHER_KEEPS_KEYS, "happy-path-hardened.yaml",
                    List.of(VouchInvariants.PROXIED_KEY_SECRECY, VouchInvariants.VOUCHER_BLIND)),
            new Entry(VouchMutant.STALE_VOUCHER_CHECK, "voucher-unpaired-while-queued.yaml",
                    List.of(VouchInvariants.TRUST_CHAIN_SOUNDNESS)),
            new Entry(VouchMutant.AUTO_PROPAGATE, "happy-path.yaml",
                    List.of(VouchInvariants.USER_CONTROLLED_PROPAGATION)),
            new Entry(VouchMutant.NO_REVOCATION_NOTICE, "unpaired-while-vouch-in-flight.yaml",
                    List.of(VouchInvariants.TRUST_CHAIN_SOUNDNESS)),
            new Entry(VouchMutant.IGNORES_TRUST_LEVEL, "blocked-voucher.yaml",
                    List.of(VouchInvariants.VOUCHER_TRUSTED)),
            new Entry(VouchMutant.TRUST_LEVEL_AT_RECEIPT_ONLY, "voucher-blocked-while-prompted.yaml",
                    List.of(VouchInvariants.VOUCHER_TRUSTED)),
            new Entry(VouchMutant.OVERWRITES_PAIRING, "vouch-for-paired-device.yaml",
                    List.of(VouchInvariants.NO_OVERWRITE)),
            new Entry(VouchMutant.UNSIGNED_VOUCHEE_KEY, "vouchee-key-swapped.yaml",
                    List.of(VouchInvariants.VOUCHEE_KEY_BINDING, VouchInvariants.SIGNATURE_AUTHENTICITY)),
            new Entry(VouchMutant.UNSIGNED_TIMESTAMP, "vouch-redated.yaml",
                    List.of(VouchInvariants.SIGNATURE_AUTHENTICITY)),
            new Entry(VouchMutant.EXPIRY_INCLUDES_SKEW, "skewed-voucher-301s.yaml",
                    List.of(VouchInvariants.FRESHNESS)),
            new Entry(VouchMutant.FUTURE_BOUND_IS_MAX_AGE, "voucher-clock-60s-ahead.yaml",
                    List.of(VouchInvariants.FRESHNESS)),
            new Entry(VouchMutant.AGE_IN_WHOLE_SECONDS, "skewed-voucher-300500ms.yaml",
                    List.of(VouchInvariants.FRESHNESS)),
            new Entry(VouchMutant.PAIRING_CHECKED_AT_RECEIPT_ONLY, "voucher-unpaired-while-prompted.yaml",
                    List.of(VouchInvariants.TRUST_CHAIN_SOUNDNESS)),
            new Entry(VouchMutant.UNSIGNED_VERDICT, "flipped-answer.yaml",
                    List.of(VouchInvariants.SIGNATURE_AUTHENTICITY)),
            new Entry(VouchMutant.NO_REVOCATION_NOTICE, "answer-after-voucher-timeout.yaml",
                    List.of(VouchLiveness.NO_DISAGREEMENT)),
            new Entry(VouchMutant.TRUSTS_UNSIGNED_PRESENCE, "forged-presence-hardened.yaml",
                    List.of(VouchLiveness.NO_DENIAL)),
            new Entry(VouchMutant.TRUSTS_UNSIGNED_ACK, "forged-ack-hardened.yaml",
                    List.of(VouchLiveness.NO_DENIAL)));

    private VouchMutantMap() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Invariant id to the mutants that break it. */
    public static Map<String, List<VouchMutant>> byInvariant() {
        Map<String, List<VouchMutant>> out = new TreeMap<>();
        for (Entry e : ENTRIES) {
            for (String id : e.breaks()) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(e.mutant());
            }
        }
        return out;
    }
}
