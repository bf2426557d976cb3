package org.trustlab.properties.vouch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.properties.Mutant;
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
                    List.of(VouchInvariants.PROXIED_KEY_SECRECY)),
            new Entry(VouchMutant.STALE_VOUCHER_CHECK, "voucher-unpaired-while-queued.yaml",
                    List.of(VouchInvariants.TRUST_CHAIN_SOUNDNESS)),
            new Entry(VouchMutant.AUTO_PROPAGATE, "happy-path.yaml",
                    List.of(VouchInvariants.USER_CONTROLLED_PROPAGATION)),
            new Entry(VouchMutant.NO_REVOCATION_NOTICE, "unpaired-while-vouch-in-flight.yaml",
                    List.of(VouchInvariants.TRUST_CHAIN_SOUNDNESS)));

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

    /** The vouch mutants as the mutant catalogue lists them. */
    public static List<Mutant> mutants() {
        Map<VouchMutant, Set<String>> breaks = new TreeMap<>();
        for (Entry e : ENTRIES) {
            breaks.computeIfAbsent(e.mutant(), k -> new LinkedHashSet<>()).addAll(e.breaks());
        }
        List<Mutant> out = new ArrayList<>();
        for (VouchMutant m : VouchMutant.values()) {
            out.add(new Mutant(m.qualifiedName(), VouchInvariants.PROTOCOL, describe(m),
                    List.copyOf(breaks.getOrDefault(m, Set.of()))));
        }
        return out;
    }

    private static String describe(VouchMutant m) {
        return switch (m) {
            case NO_TIMESTAMP_CHECK -> "the receiver never compares the vouch timestamp with its clock";
            case SKIP_SIGNATURE_CHECK -> "the receiver accepts a vouch whatever its signature";
            case UNSIGNED_TARGET -> "the hardened profile signs the vouch without the target id, as the source does";
            case PROXIED_MAY_VOUCH -> "a Proxied device may vouch and be vouched to (multi-hop)";
            case NO_REPLAY_CACHE -> "the receiver forgets which vouches and sessions it processed";
            case QUEUE_IGNORES_EXPIRY -> "the queue worker never drops entries past expires_at";
            case VOLATILE_QUEUE -> "vouching_queue is kept in memory, so a crash loses the queued vouches";
            case NEVER_COMPLETES -> "the vouching session never moves to Completed";
            case VOUCHER_KEEPS_KEYS -> "hardened profile, but the voucher still derives and sends the proxied keys";
            case STALE_VOUCHER_CHECK -> "the receiver checks the voucher against a key cache unpairing does not clear";
            case AUTO_PROPAGATE -> "the voucher vouches every new device to all peers although auto_vouch_to_all is off";
            case NO_REVOCATION_NOTICE -> "the voucher withdraws a vouch already sent without telling the target";
        };
    }
}
