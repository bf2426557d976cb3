package org.trustlab.reference.autojoin;

import org.trustlab.reference.core.ReasonCode;

/**
 * The stable rejection reasons of the automatic join ("audit-friendly rejection reasons are available for UI,
 * CLI, and logs"). The first fourteen are the list; the next two belong to the manual, password-based
 * join that grants come from; the last is the hardened profile's refusal to let an unauthenticated message end a
 * join.
 */
public enum AutoJoinReason implements ReasonCode {
    GRANT_MISSING,
    GRANT_EXPIRED,
    GRANT_REVOKED,
    NOT_MUTUALLY_TRUSTED,
    KEY_MISMATCH,
    SIGNATURE_INVALID,
    CHALLENGE_UNKNOWN,
    CHALLENGE_EXPIRED,
    CHALLENGE_REPLAYED,
    WRONG_SESSION,
    WRONG_REQUESTER,
    WRONG_TARGET,
    WRONG_PURPOSE,
    MALFORMED,
    /** Manual join: the session password did not match (ByteSync's "you gave a wrong password"). */
    WRONG_PASSWORD,
    /** The joiner's key confirmation did not prove it holds the session key that was sent. */
    KEY_CONFIRMATION_FAILED,
    /**
     * Hardened profile: a rejection or session key that the validator the join was asked of did not sign for this
     * join (forged, relayed from another member, or replayed from another challenge); the join stays open.
     */
    DECISION_UNAUTHENTICATED;

    @Override
    public String code() {
        return name();
    }

    public static java.util.Optional<AutoJoinReason> fromCode(String code) {
        for (AutoJoinReason r : values()) {
            if (r.name().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
