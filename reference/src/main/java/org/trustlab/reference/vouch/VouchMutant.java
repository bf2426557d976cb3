package org.trustlab.reference.vouch;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately broken variants of the reference, each removing one check, so that every vouch invariant is shown to
 * catch a real bug. Selected by name ({@code vouch.no-replay-cache}); the honest reference runs with none.
 */
public enum VouchMutant {
    /** The receiver never compares the vouch timestamp with its clock. Caught by {@code vouch.freshness}. */
    NO_TIMESTAMP_CHECK("no-timestamp-check",
            "the receiver never compares the vouch timestamp with its clock",
            "vouch.freshness"),
    /** The receiver accepts a vouch whatever its signature. Caught by {@code vouch.signature-authenticity}. */
    SKIP_SIGNATURE_CHECK("skip-signature-check",
            "the receiver accepts a vouch whatever its signature",
            "vouch.signature-authenticity"),
    /**
     * Hardened profile signs the payload without the target id, as the source does: a vouch for one target is
     * accepted by another. Caught by {@code vouch.signature-authenticity}.
     */
    UNSIGNED_TARGET("unsigned-target",
            "the hardened profile signs the vouch without the target id, as the source does",
            "vouch.signature-authenticity"),
    /** A Proxied device may vouch and be vouched to. Caught by {@code vouch.no-multi-hop}. */
    PROXIED_MAY_VOUCH("proxied-may-vouch",
            "a Proxied device may vouch and be vouched to (multi-hop)",
            "vouch.no-multi-hop"),
    /** The receiver forgets which vouches it processed. Caught by {@code vouch.no-replay}. */
    NO_REPLAY_CACHE("no-replay-cache",
            "the receiver forgets which vouches and sessions it processed",
            "vouch.no-replay"),
    /** The queue worker never drops entries past {@code expires_at}. Caught by {@code vouch.queue-liveness}. */
    QUEUE_IGNORES_EXPIRY("queue-ignores-expiry",
            "the queue worker never drops entries past expires_at",
            "vouch.queue-liveness"),
    /** {@code vouching_queue} kept in memory, not in sync.db: a crash loses it. Caught by queue liveness. */
    VOLATILE_QUEUE("volatile-queue",
            "vouching_queue is kept in memory, so a crash loses the queued vouches",
            "vouch.queue-liveness"),
    /** The session never moves to Completed. Caught by {@code vouch.session-completion}. */
    NEVER_COMPLETES("never-completes",
            "the vouching session never moves to Completed",
            "vouch.session-completion"),
    /**
     * Hardened profile, but the voucher still derives the proxied keys and sends them (it keeps them). Caught by
     * {@code vouch.proxied-key-secrecy} and {@code vouch.voucher-blind}.
     */
    VOUCHER_KEEPS_KEYS("voucher-keeps-keys",
            "hardened profile, but the voucher still derives and sends the proxied keys",
            "vouch.proxied-key-secrecy", "vouch.voucher-blind"),
    /**
     * The receiver looks the voucher up in a key cache that unpairing does not clear, so a vouch from an unpaired
     * voucher (one queued before the unpair) is accepted. Caught by {@code vouch.trust-chain-soundness}.
     */
    STALE_VOUCHER_CHECK("stale-voucher-check",
            "the receiver checks the voucher against a key cache unpairing does not clear",
            "vouch.trust-chain-soundness"),
    /**
     * The voucher vouches every new device to all its peers although {@code auto_vouch_to_all} is off. Caught by
     * {@code vouch.user-controlled-propagation}.
     */
    AUTO_PROPAGATE("auto-propagate",
            "the voucher vouches every new device to all peers although auto_vouch_to_all is off",
            "vouch.user-controlled-propagation"),
    /**
     * The voucher withdraws a vouch without telling the target (no ProxyPairingRevoked), so a target that accepted
     * it in the race keeps an unflagged Proxied pairing. Caught by {@code vouch.trust-chain-soundness}.
     */
    NO_REVOCATION_NOTICE("no-revocation-notice",
            "the voucher withdraws a vouch already sent without telling the target",
            "vouch.trust-chain-soundness", "vouch.no-disagreement"),
    /** The receiver ignores the trust level it gives the voucher: a Blocked or Unreliable voucher still vouches. */
    IGNORES_TRUST_LEVEL("ignores-trust-level",
            "the receiver accepts vouches from a voucher its user marked Blocked or Unreliable",
            "vouch.voucher-trusted"),
    /**
     * The trust level is checked when the vouch arrives but not again when the user answers the prompt: a voucher
     * blocked while the prompt was open still vouches.
     */
    TRUST_LEVEL_AT_RECEIPT_ONLY("trust-level-at-receipt-only",
            "the voucher's trust level is checked on receipt, not again when the user accepts the prompt",
            "vouch.voucher-trusted"),
    /** The receiver skips "the vouchee must not already be paired": a vouch replaces an existing pairing. */
    OVERWRITES_PAIRING("overwrites-pairing",
            "the receiver accepts a vouch for a device it is already paired with, replacing that pairing",
            "vouch.no-overwrite"),
    /**
     * The vouch payload leaves out the vouchee's public key (source: the signature covers the vouchee device id,
     * public key, device info, timestamp and session_id): a copy of the vouch carrying another key still verifies.
     */
    UNSIGNED_VOUCHEE_KEY("unsigned-vouchee-key",
            "the vouch signature does not cover the vouchee's public key, so a copy with another key verifies",
            "vouch.vouchee-key-binding", "vouch.signature-authenticity"),
    /** The vouch payload leaves out the timestamp: an old vouch re-dated by anyone still verifies. */
    UNSIGNED_TIMESTAMP("unsigned-timestamp",
            "the vouch signature does not cover the timestamp, so a re-dated copy verifies",
            "vouch.signature-authenticity"),
    /**
     * The expiry check allows the clock skew tolerance on the old side too ({@code age > max_age + skew}): a vouch
     * up to 30 s past {@code vouch_signature_max_age} is accepted.
     */
    EXPIRY_INCLUDES_SKEW("expiry-includes-skew",
            "the receiver adds the clock skew tolerance to vouch_signature_max_age when judging an old vouch",
            "vouch.freshness"),
    /** The future bound is checked against {@code vouch_signature_max_age} instead of the skew tolerance. */
    FUTURE_BOUND_IS_MAX_AGE("future-bound-is-max-age",
            "the receiver bounds a vouch dated ahead of its clock by vouch_signature_max_age, not the skew tolerance",
            "vouch.freshness"),
    /** The age is compared in whole seconds: a vouch up to 999 ms past {@code vouch_signature_max_age} passes. */
    AGE_IN_WHOLE_SECONDS("age-in-whole-seconds",
            "the receiver truncates the vouch's age to whole seconds before comparing it with vouch_signature_max_age",
            "vouch.freshness"),
    /**
     * "The voucher is directly paired" and "the vouchee is not already paired" are checked when the vouch arrives
     * only, not again when the user answers the prompt: a voucher unpaired while the prompt was open still vouches.
     */
    PAIRING_CHECKED_AT_RECEIPT_ONLY("pairing-checked-at-receipt-only",
            "the receiver checks the voucher's and the vouchee's pairings on receipt, not again when the user accepts",
            "vouch.trust-chain-soundness", "vouch.no-overwrite"),
    /**
     * The target's signed answer leaves out its verdict (accepted and reason): a rejection turned into an acceptance
     * on its way back still verifies, and the voucher tells the vouchee that a device which said no accepted it.
     */
    UNSIGNED_VERDICT("unsigned-verdict",
            "the target's ProxyPairingResponse signature does not cover accepted and reason, so a flipped answer verifies",
            "vouch.signature-authenticity"),
    /**
     * Hardened profile, but the voucher takes a presence notice as the target being online without checking its
     * signature or that it is newer than the last: a forged or replayed notice makes the queue worker try a delivery
     * to an offline target, and the unacknowledged tries use up the queued vouch's retries.
     */
    TRUSTS_UNSIGNED_PRESENCE("trusts-unsigned-presence",
            "hardened profile, but the voucher takes an unsigned or replayed presence notice as the target being "
                    + "online, so forged notices use up a queued vouch's retries",
            "vouch.no-denial"),
    /**
     * Hardened profile, but the voucher takes a transport acknowledgement without checking the target's signature: a
     * forged acknowledgement for an offline target turns a queued vouch into an unanswered one (NO_RESPONSE).
     */
    TRUSTS_UNSIGNED_ACK("trusts-unsigned-ack",
            "hardened profile, but the voucher takes an unsigned transport acknowledgement as delivery, so a forged "
                    + "one ends a queued vouch as unanswered",
            "vouch.no-denial");

    public static final String PREFIX = "vouch.";

    private final String shortName;
    private final String description;
    private final List<String> breaks;

    VouchMutant(String shortName, String description, String... breaks) {
        this.shortName = shortName;
        this.description = description;
        this.breaks = List.of(breaks);
    }

    /** What the mutant gets wrong, in a reviewer's words. */
    public String description() {
        return description;
    }

    /** The invariant ids (as the property catalogue names them) of which the mutant must break at least one. */
    public List<String> breaks() {
        return breaks;
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
