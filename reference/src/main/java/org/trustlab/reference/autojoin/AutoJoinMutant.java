package org.trustlab.reference.autojoin;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately broken variants of the reference, one check removed each, so that every invariant of the
 * catalogue is shown to catch a real bug. Selected by name ({@code autojoin.no-replay-cache}) through a role's
 * configuration; the honest reference runs with none.
 */
public enum AutoJoinMutant {
    /** The validator forgets which challenges it consumed: a captured response is accepted again. */
    NO_REPLAY_CACHE("no-replay-cache",
            "the validator forgets which challenges it consumed: a captured response is accepted again",
            "autojoin.no-replay", "autojoin.injective-agreement"),
    /** Requester and validator sign / verify the nonce alone, not the whole challenge with its bindings. */
    SIGNATURE_OVER_NONCE_ONLY("signature-over-nonce-only",
            "requester and validator sign and verify the nonce alone, not the whole challenge",
            "autojoin.injective-agreement"),
    /** The validator verifies with, and encrypts the session key to, the key the request carries. */
    KEY_FROM_REQUEST("key-from-request",
            "the validator verifies with, and encrypts the session key to, the key the request carries",
            "autojoin.grant-validity", "autojoin.session-key-secrecy", "autojoin.injective-agreement"),
    /** The validator never compares the challenge's expiry with its clock. */
    NO_EXPIRY_CHECK("no-expiry-check",
            "the validator never compares the challenge's expiry with its clock",
            "autojoin.freshness"),
    /** The grant is checked when the challenge is issued but not again when the response arrives. */
    REVOCATION_CHECKED_AT_CHALLENGE_ONLY("revocation-checked-at-challenge-only",
            "the grant is checked when the challenge is issued, not again when the response arrives",
            "autojoin.grant-validity"),
    /**
     * The validator verifies the signature over the challenge it stored but then acts on the bindings the response
     * claims (session, requester, purpose) without comparing them: a signed answer for one session admits the
     * requester to another.
     */
    SKIP_BINDING_CHECK("skip-binding-check",
            "the validator trusts the challenge fields echoed in the response, not the ones it stored",
            "autojoin.injective-agreement"),
    /**
     * Issued challenges survive a restart (as if persisted) but the consumed marks and the epoch check do not:
     * the replay window a restart can reopen.
     */
    NO_RESTART_EPOCH("no-restart-epoch",
            "issued challenges survive a restart but consumed marks do not: a restart reopens replay",
            "autojoin.no-replay"),
    /** The validator issues challenges that live twenty times the lifetime it was configured with. */
    LONG_CHALLENGE_LIFETIME("long-challenge-lifetime",
            "the validator issues challenges that live twenty times the configured lifetime",
            "autojoin.freshness"),
    /** The validator forgives ten minutes of clock skew, whatever tolerance it was configured with. */
    WIDE_SKEW_TOLERANCE("wide-skew-tolerance",
            "the validator forgives ten minutes of clock skew, whatever it was configured with",
            "autojoin.freshness"),
    /** The validator no longer compares a grant's owner key with its own current key: rotation leaves grants valid. */
    GRANT_IGNORES_OWNER_ROTATION("grant-ignores-owner-rotation",
            "the validator's own key rotation no longer voids the grants it issued under its old key",
            "autojoin.grant-validity"),
    /** The grant's expiry is judged at the challenge's issue time, not when the response arrives. */
    GRANT_EXPIRY_AT_CHALLENGE_TIME("grant-expiry-at-challenge-time",
            "the grant's expiry is judged against the time the challenge was issued, not the response's arrival",
            "autojoin.grant-validity"),
    /** The requester encrypts the session password to whatever key the exchange-key answer names. */
    PASSWORD_TO_UNTRUSTED_KEY("password-to-untrusted-key",
            "the requester encrypts the session password to the key the server's answer names, trusted or not",
            "autojoin.password-secrecy"),

    // ---- requester-side checks and fields left out of what is signed ----------------------------------------

    /**
     * The requester signs every challenge put in front of it: no request of its own, no check of session, target,
     * purpose or of its trust in the member: a signing oracle for whoever can hand it a challenge.
     */
    REQUESTER_SIGNS_ANY_CHALLENGE("requester-signs-any-challenge",
            "the requester signs any challenge it is sent, for any session, target or purpose, asked for or not",
            "autojoin.requester-signs-own-challenges", "autojoin.injective-agreement"),
    /** The requester takes the session key without verifying the validator's signature over it. */
    SESSION_KEY_SIGNATURE_UNCHECKED("session-key-signature-unchecked",
            "the requester takes a session key without verifying the validator's signature over it",
            "autojoin.session-key-authenticity"),
    /**
     * The challenge signature leaves the purpose out (requester and validator alike): a signature made for one
     * purpose answers a challenge of the same session, nonce and times issued for another.
     */
    SIGNATURE_OMITS_PURPOSE("signature-omits-purpose",
            "the challenge signature leaves the purpose out of what is signed and verified",
            "autojoin.injective-agreement"),
    /**
     * The hardened requester ends an automatic join on any refusal naming its session, signed or not, from any
     * member: a forged or relayed refusal makes it give up a join that would complete.
     */
    REQUESTER_TRUSTS_UNSIGNED_REJECTION("requester-trusts-unsigned-rejection",
            "the hardened requester ends an automatic join on a refusal it did not authenticate",
            "autojoin.no-denial"),
    /**
     * The hardened validator answers a response for a challenge it already consumed with a signed refusal: a
     * duplicated response's refusal overtaking the session key makes the requester give up a join that was accepted.
     */
    ANSWERS_CONSUMED_CHALLENGE("answers-consumed-challenge",
            "the hardened validator refuses a duplicated response with a signed refusal after accepting the original",
            "autojoin.no-disagreement"),
    /**
     * The validator spends a challenge as soon as a response names it, before it has checked the response's
     * bindings and signature: an answer anyone can make up (the nonce is on the wire) burns the challenge, and the
     * requester's own answer is then refused as a replay.
     */
    BURNS_CHALLENGE_BEFORE_CHECKING("burns-challenge-before-checking",
            "the validator spends a challenge on any response naming it, before checking its signature",
            "autojoin.no-denial"),
    /**
     * The validator checks that a challenge is not consumed, then awaits (a store write one round trip away, a
     * timer in the simulator) before it marks the challenge consumed and accepts: two responses naming one
     * challenge that arrive within the await both pass the check and both are accepted.
     */
    CONSUMED_MARKED_AFTER_AWAIT("consumed-marked-after-await",
            "the validator checks the consumed set, awaits, then marks the challenge consumed: two steps a second "
                    + "response can fall between",
            "autojoin.consumed-set-linearizable");

    public static final String PREFIX = "autojoin.";

    private final String shortName;
    private final String description;
    private final List<String> breaks;

    AutoJoinMutant(String shortName, String description, String... breaks) {
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
