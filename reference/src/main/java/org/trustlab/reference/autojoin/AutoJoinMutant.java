package org.trustlab.reference.autojoin;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately broken variants of the reference, one check removed each, so that every invariant of the
 * catalogue is shown to catch a real bug. Selected by name ({@code autojoin.no-replay-cache}) through a role's
 * configuration; the honest reference runs with none.
 */
public enum AutoJoinMutant {
    /** The validator forgets which challenges it consumed: a captured response is accepted again. */
    NO_REPLAY_CACHE("no-replay-cache"),
    /** Requester and validator sign / verify the nonce alone, not the whole challenge with its bindings. */
    SIGNATURE_OVER_NONCE_ONLY("signature-over-nonce-only"),
    /** The validator verifies with, and encrypts the session key to, the key the request carries. */
    KEY_FROM_REQUEST("key-from-request"),
    /** The validator never compares the challenge's expiry with its clock. */
    NO_EXPIRY_CHECK("no-expiry-check"),
    /** The grant is checked when the challenge is issued but not again when the response arrives. */
    REVOCATION_CHECKED_AT_CHALLENGE_ONLY("revocation-checked-at-challenge-only"),
    /**
     * The validator verifies the signature over the challenge it stored but then acts on the bindings the response
     * claims (session, requester, purpose) without comparing them: a signed answer for one session admits the
     * requester to another.
     */
    SKIP_BINDING_CHECK("skip-binding-check"),
    /**
     * Issued challenges survive a restart (as if persisted) but the consumed marks and the epoch check do not:
     * the replay window a restart can reopen.
     */
    NO_RESTART_EPOCH("no-restart-epoch");

    public static final String PREFIX = "autojoin.";

    private final String shortName;

    AutoJoinMutant(String shortName) {
        this.shortName = shortName;
    }

    /** The name a scenario or campaign uses, e.g. {@code autojoin.no-replay-cache}. */
    public String qualifiedName() {
        return PREFIX + shortName;
    }

    public String shortName() {
        return shortName;
    }

    /** Accepts the qualified or the short name; empty for a name of another protocol or an unknown one. */
    public static Optional<AutoJoinMutant> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String s = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        for (AutoJoinMutant m : values()) {
            if (m.shortName.equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public static Set<AutoJoinMutant> none() {
        return EnumSet.noneOf(AutoJoinMutant.class);
    }
}
