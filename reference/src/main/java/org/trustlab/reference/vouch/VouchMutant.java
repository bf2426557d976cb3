package org.trustlab.reference.vouch;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately broken variants of the reference, each removing one check, so that every vouch invariant is shown to
 * catch a real bug. Selected by name ({@code vouch.no-replay-cache}); the honest reference runs with none.
 */
public enum VouchMutant {
    /** The receiver never compares the vouch timestamp with its clock. Caught by {@code vouch.freshness}. */
    NO_TIMESTAMP_CHECK("no-timestamp-check"),
    /** The receiver accepts a vouch whatever its signature. Caught by {@code vouch.signature-authenticity}. */
    SKIP_SIGNATURE_CHECK("skip-signature-check"),
    /**
     * Hardened profile signs the payload without the target id, as the source does: a vouch for one target is
     * accepted by another. Caught by {@code vouch.signature-authenticity}.
     */
    UNSIGNED_TARGET("unsigned-target"),
    /** A Proxied device may vouch and be vouched to. Caught by {@code vouch.no-multi-hop}. */
    PROXIED_MAY_VOUCH("proxied-may-vouch"),
    /** The receiver forgets which vouches it processed. Caught by {@code vouch.no-replay}. */
    NO_REPLAY_CACHE("no-replay-cache"),
    /** The queue worker never drops entries past {@code expires_at}. Caught by {@code vouch.queue-liveness}. */
    QUEUE_IGNORES_EXPIRY("queue-ignores-expiry"),
    /** {@code vouching_queue} kept in memory, not in sync.db: a crash loses it. Caught by queue liveness. */
    VOLATILE_QUEUE("volatile-queue"),
    /** The session never moves to Completed. Caught by {@code vouch.session-completion}. */
    NEVER_COMPLETES("never-completes"),
    /**
     * Hardened profile, but the voucher still derives the proxied keys and sends them (it keeps them). Caught by
     * {@code vouch.proxied-key-secrecy}.
     */
    VOUCHER_KEEPS_KEYS("voucher-keeps-keys"),
    /**
     * The receiver looks the voucher up in a key cache that unpairing does not clear, so a vouch from an unpaired
     * voucher (one queued before the unpair) is accepted. Caught by {@code vouch.trust-chain-soundness}.
     */
    STALE_VOUCHER_CHECK("stale-voucher-check"),
    /**
     * The voucher vouches every new device to all its peers although {@code auto_vouch_to_all} is off. Caught by
     * {@code vouch.user-controlled-propagation}.
     */
    AUTO_PROPAGATE("auto-propagate"),
    /**
     * The voucher withdraws a vouch without telling the target (no ProxyPairingRevoked), so a target that accepted
     * it in the race keeps an unflagged Proxied pairing. Caught by {@code vouch.trust-chain-soundness}.
     */
    NO_REVOCATION_NOTICE("no-revocation-notice");

    public static final String PREFIX = "vouch.";

    private final String shortName;

    VouchMutant(String shortName) {
        this.shortName = shortName;
    }

    /** The name a scenario or campaign uses, e.g. {@code vouch.no-replay-cache}. */
    public String qualifiedName() {
        return PREFIX + shortName;
    }

    public String shortName() {
        return shortName;
    }

    /** Accepts the qualified or the short name; empty for an unknown one. */
    public static Optional<VouchMutant> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String s = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        for (VouchMutant m : values()) {
            if (m.shortName.equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public static Set<VouchMutant> none() {
        return EnumSet.noneOf(VouchMutant.class);
    }
}
