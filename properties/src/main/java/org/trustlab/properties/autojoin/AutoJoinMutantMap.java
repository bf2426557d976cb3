package org.trustlab.properties.autojoin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.autojoin.AutoJoinMutant;

/**
 * Which invariants each mutant of the autojoin reference must break, and the scenario of
 * {@code scenarios/autojoin/} on which it does. Tests run every entry; a mutant no invariant catches is a gap in
 * the catalogue, an invariant no mutant breaks is untested.
 */
public final class AutoJoinMutantMap {
    /** A mutant, the scenario that exposes it, and the invariants that must fail there. */
    public record Entry(AutoJoinMutant mutant, String scenario, List<String> breaks) {
        public Entry {
            breaks = List.copyOf(breaks);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(AutoJoinMutant.NO_REPLAY_CACHE, "replay-same-session.yaml",
                    List.of(AutoJoinInvariants.NO_REPLAY, AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.NO_RESTART_EPOCH, "validator-restart.yaml",
                    List.of(AutoJoinInvariants.NO_REPLAY)),
            new Entry(AutoJoinMutant.SIGNATURE_OVER_NONCE_ONLY, "nonce-splice.yaml",
                    List.of(AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.SKIP_BINDING_CHECK, "replay-into-another-session.yaml",
                    List.of(AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.KEY_FROM_REQUEST, "impersonation-with-own-key.yaml",
                    List.of(AutoJoinInvariants.GRANT_VALIDITY, AutoJoinInvariants.SESSION_KEY_SECRECY,
                            AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.KEY_FROM_REQUEST, "compromised-old-key.yaml",
                    List.of(AutoJoinInvariants.GRANT_VALIDITY, AutoJoinInvariants.SESSION_KEY_SECRECY)),
            new Entry(AutoJoinMutant.NO_EXPIRY_CHECK, "expired-challenge-requester-ahead.yaml",
                    List.of(AutoJoinInvariants.FRESHNESS)),
            new Entry(AutoJoinMutant.NO_EXPIRY_CHECK, "expired-challenge-requester-behind.yaml",
                    List.of(AutoJoinInvariants.FRESHNESS)),
            new Entry(AutoJoinMutant.REVOCATION_CHECKED_AT_CHALLENGE_ONLY, "revoked-while-outstanding.yaml",
                    List.of(AutoJoinInvariants.GRANT_VALIDITY)),
            new Entry(AutoJoinMutant.LONG_CHALLENGE_LIFETIME, "expired-challenge-requester-behind.yaml",
                    List.of(AutoJoinInvariants.FRESHNESS)),
            new Entry(AutoJoinMutant.WIDE_SKEW_TOLERANCE, "expired-challenge-requester-ahead.yaml",
                    List.of(AutoJoinInvariants.FRESHNESS)),
            new Entry(AutoJoinMutant.GRANT_IGNORES_OWNER_ROTATION, "validator-key-rotated.yaml",
                    List.of(AutoJoinInvariants.GRANT_VALIDITY)),
            new Entry(AutoJoinMutant.GRANT_EXPIRY_AT_CHALLENGE_TIME, "grant-expires-while-outstanding.yaml",
                    List.of(AutoJoinInvariants.GRANT_VALIDITY)),
            new Entry(AutoJoinMutant.PASSWORD_TO_UNTRUSTED_KEY, "forged-exchange-key.yaml",
                    List.of(AutoJoinInvariants.PASSWORD_SECRECY)),
            // requester-side checks and fields left out of what is signed
            new Entry(AutoJoinMutant.REQUESTER_SIGNS_ANY_CHALLENGE, "requester-signing-oracle.yaml",
                    List.of(AutoJoinInvariants.REQUESTER_SIGNS_OWN_CHALLENGES,
                            AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.SESSION_KEY_SIGNATURE_UNCHECKED, "forged-session-key.yaml",
                    List.of(AutoJoinInvariants.SESSION_KEY_AUTHENTICITY)),
            new Entry(AutoJoinMutant.SIGNATURE_OMITS_PURPOSE, "purpose-swapped-challenge.yaml",
                    List.of(AutoJoinInvariants.INJECTIVE_AGREEMENT)),
            new Entry(AutoJoinMutant.REQUESTER_TRUSTS_UNSIGNED_REJECTION, "forged-rejection-hardened.yaml",
                    List.of(AutoJoinLiveness.NO_DENIAL)),
            new Entry(AutoJoinMutant.ANSWERS_CONSUMED_CHALLENGE, "duplicated-response-hardened.yaml",
                    List.of(AutoJoinLiveness.NO_DISAGREEMENT)),
            new Entry(AutoJoinMutant.BURNS_CHALLENGE_BEFORE_CHECKING, "forged-response-first-hardened.yaml",
                    List.of(AutoJoinLiveness.NO_DENIAL)),
            // the response and its duplicate 10 ms later both pass the check before either marks the challenge
            new Entry(AutoJoinMutant.CONSUMED_MARKED_AFTER_AWAIT, "duplicated-response-hardened.yaml",
                    List.of(AutoJoinInvariants.CONSUMED_SET_LINEARIZABLE)));

    private AutoJoinMutantMap() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Invariant id to the mutants that break it. */
    public static Map<String, List<AutoJoinMutant>> byInvariant() {
        Map<String, List<AutoJoinMutant>> out = new TreeMap<>();
        for (Entry e : ENTRIES) {
            for (String id : e.breaks()) {
                out.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(e.mutant());
            }
        }
        return out;
    }
}
