package org.trustlab.model.autojoin;

import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tag;
import static org.trustlab.model.term.Terms.time;
import static org.trustlab.model.term.Terms.tuple;

import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * The symbolic model of ByteSync's signed challenge for automatic joins (seed: autojoin-signed-challenge.txt,
 * issue 4), with the message names of the reference:
 *
 * <pre>
 *   AskAutoJoin                          R -> V : session, R, V, purpose
 *   AutoJoinChallenge                    V -> R : C = (session, R, V, issuedAt, expiresAt, purpose, N)
 *   AutoJoinChallengeResponse            R -> V : C, sign(sk(R), (response-tag, C))
 *   ValidateJoinCloudSessionParameters   V -> R : session, R, V, aenc(pk(R), (session, K_session))
 * </pre>
 *
 * The validator V holds a grant for the requester A (and none for the attacker's device I), verifies with the
 * key in the grant, accepts a challenge only once (each validator run issues one and consumes it) and only
 * within its validity on V's clock, judges the grant again on acceptance (it may have been revoked meanwhile),
 * then sends the session's AES key encrypted to the requester's trusted key. The requester signs only a
 * challenge that answers its own request (session, itself, the target it asked, the purpose) and, like the
 * reference, does not judge expiry. The session server that relays everything is the attacker.
 *
 * <p>Claims: the requester is Running auto-join with V on C when it signs; V Commits auto-join with R on C when
 * it accepts; V claims the session key secret with R.
 */
public final class AutoJoinModel {
    public static final Agent REQUESTER = new Agent("A");
    public static final Agent VALIDATOR = new Agent("V");
    public static final Agent INTRUDER = new Agent("I");
    public static final Name AUTO_JOIN = new Name("purpose", "auto-join");

    public static final String CLAIM_JOIN = "auto-join";
    public static final String CLAIM_SESSION_KEY = "session-key";

    /** A challenge is valid for this many ticks after it is issued (the reference's 30 s, abstracted). */
    public static final int VALIDITY = 1;
    /** How far the clock may run: far enough for a challenge to expire. */
    public static final int MAX_TIME = 2;
    public static final int DEFAULT_SESSIONS = 2;

    // The roles' variables, public so that trace validation can say which values a step takes.
    public static final Var R = Var.agent("R");
    public static final Var V = Var.agent("V");
    public static final Var SESSION = Var.name("session", "session");
    /** Only in the nonce-not-bound-to-session mutant: the session the response envelope names. */
    public static final Var SIGNED_SESSION = Var.name("signedSession", "session");
    public static final Var PURPOSE = Var.name("purpose", "purpose");
    public static final Var ISSUED_AT = Var.time("issuedAt");
    public static final Var EXPIRES_AT = Var.time("expiresAt");
    public static final Var N = Var.nonce("N");
    public static final Var K = Var.key("K");

    private static final Name ASK_AUTO_JOIN = tag("AskAutoJoin");
    private static final Name AUTO_JOIN_CHALLENGE = tag("AutoJoinChallenge");
    private static final Name AUTO_JOIN_CHALLENGE_RESPONSE = tag("AutoJoinChallengeResponse");
    private static final Name VALIDATE_JOIN = tag("ValidateJoinCloudSessionParameters");
    private static final Name CHALLENGE_TAG = tag("trustlab/autojoin/challenge/v1");
    private static final Name RESPONSE_TAG = tag("trustlab/autojoin/challenge-response/v1");

    /** A validator's challenge validity and skew tolerance, in the model's time unit. */
    public interface Timing {
        int validity(Term validator);

        int skew(Term validator);

        /** The same for every validator. */
        static Timing fixed(int validity, int skew) {
            if (validity <= 0 || skew < 0) {
                throw new IllegalArgumentException("validity must be positive, skew not negative");
            }
            return new Timing() {
                @Override
                public int validity(Term validator) {
                    return validity;
                }

                @Override
                public int skew(Term validator) {
                    return skew;
                }
            };
        }
    }

    /** Whether {@code validator} holds a valid grant for {@code requester}'s key covering {@code purpose} now. */
    @FunctionalInterface
    public interface Grants {
        boolean granted(Term validator, Term requester, Term purpose, int now);
    }

    /** The two roles. Requester parameters: R (itself), V (the member it asks), SESSION, PURPOSE. */
    public record Roles(Role requester, Role validator) {
    }

    private AutoJoinModel() {
    }

    public static Model model(int sessions) {
        return model(sessions, null);
    }

    /**
     * {@code sessions} requester runs (A joins s1..sk through V) and as many validator runs; mutant may be null.
     * V holds a grant for A's key, for the purpose {@code auto-join}, at all times.
     */
    public static Model model(int sessions, AutoJoinModelMutant mutant) {
        if (sessions < 1) {
            throw new IllegalArgumentException("at least one session");
        }
        Roles roles = roles(mutant, Timing.fixed(VALIDITY, 0),
                (validator, requester, purpose, now) -> validator.equals(VALIDATOR) && requester.equals(REQUESTER));
        Model.Builder m = Model.builder("autojoin" + (mutant == null ? "" : "/" + mutant.id()))
                .honest(REQUESTER, VALIDATOR)
                .dishonest(INTRUDER)
                .names(AUTO_JOIN)
                .time(MAX_TIME, MAX_TIME + VALIDITY);
        for (int i = 1; i <= sessions; i++) {
            m.names(session(i));
        }
        for (int i = 1; i <= sessions; i++) {
            m.run(Run.of(roles.requester(), REQUESTER).with(V, VALIDATOR).with(SESSION, session(i))
                    .with(PURPOSE, AUTO_JOIN));
        }
        for (int i = 1; i <= sessions; i++) {
            m.run(Run.of(roles.validator(), VALIDATOR));
        }
        return m.property(Property.agreement(CLAIM_JOIN))
                .property(Property.injectiveAgreement(CLAIM_JOIN))
                .property(Property.noReplay(CLAIM_JOIN))
                .property(Property.freshness(CLAIM_JOIN, VALIDITY))
                .property(Property.secrecy(CLAIM_SESSION_KEY))
                .build();
    }

    /** The roles for a timing and a grant store; mutant may be null. */
    public static Roles roles(AutoJoinModelMutant mutant, Timing timing, Grants grants) {
        boolean noNonce = mutant == AutoJoinModelMutant.NO_NONCE;
        boolean unboundSession = mutant == AutoJoinModelMutant.NONCE_NOT_BOUND_TO_SESSION;

        // The challenge as issued, as signed, and as the validator commits to it.
        Term issued = challenge(SESSION, noNonce);
        Term signedBody = unboundSession ? challengeWithoutSession(noNonce) : issued;
        Term response = unboundSession
                ? tuple(AUTO_JOIN_CHALLENGE_RESPONSE, SIGNED_SESSION, signedBody, sign(sk(R), tuple(RESPONSE_TAG,
                        signedBody)))
                : tuple(AUTO_JOIN_CHALLENGE_RESPONSE, issued, sign(sk(R), tuple(RESPONSE_TAG, issued)));
        Term accepted = unboundSession ? challenge(SIGNED_SESSION, noNonce) : issued;
        Var joinedSession = unboundSession ? SIGNED_SESSION : SESSION;

        Role.Builder validator = Role.named("Validator", V)
                .recv("AskAutoJoin", tuple(ASK_AUTO_JOIN, SESSION, R, V, PURPOSE))
                .require("GRANT_MISSING", b -> grants.granted(b.get(V), b.get(R), b.get(PURPOSE), b.now()),
                        V, R, PURPOSE)
                .now(ISSUED_AT)
                .let(EXPIRES_AT, b -> time(b.ticks(ISSUED_AT) + timing.validity(b.get(V))));
        if (!noNonce) {
            validator.fresh(N);
        }
        validator.send("AutoJoinChallenge", tuple(AUTO_JOIN_CHALLENGE, issued))
                .recv("AutoJoinChallengeResponse", response);
        if (mutant != AutoJoinModelMutant.NO_EXPIRY) {
            // Freshness on the verifier's own clock, within its skew tolerance either way.
            validator.require("CHALLENGE_EXPIRED", b -> b.now() <= b.ticks(EXPIRES_AT) + timing.skew(b.get(V))
                    && b.now() >= b.ticks(ISSUED_AT) - timing.skew(b.get(V)), V, ISSUED_AT, EXPIRES_AT);
        }
        Role validatorRole = validator
                // The grant is judged again on acceptance: it may have been revoked while the challenge was out.
                .require("GRANT_REVOKED", b -> grants.granted(b.get(V), b.get(R), b.get(PURPOSE), b.now()),
                        V, R, PURPOSE)
                .commit(CLAIM_JOIN, V, R, accepted)
                .let(K, b -> sessionKey(b.get(joinedSession)))
                .send("ValidateJoinCloudSessionParameters",
                        tuple(VALIDATE_JOIN, joinedSession, R, V, aenc(pk(R), tuple(joinedSession, K))))
                .secret(CLAIM_SESSION_KEY, K, V, R)
                .build();

        Term expected = challenge(SESSION, noNonce);
        Term signed = unboundSession ? challengeWithoutSession(noNonce) : expected;
        Term answer = unboundSession
                ? tuple(AUTO_JOIN_CHALLENGE_RESPONSE, SESSION, signed, sign(sk(R), tuple(RESPONSE_TAG, signed)))
                : tuple(AUTO_JOIN_CHALLENGE_RESPONSE, expected, sign(sk(R), tuple(RESPONSE_TAG, expected)));
        Role requester = Role.named("Requester", R, V, SESSION, PURPOSE)
                .send("AskAutoJoin", tuple(ASK_AUTO_JOIN, SESSION, R, V, PURPOSE))
                .recv("AutoJoinChallenge", tuple(AUTO_JOIN_CHALLENGE, expected))
                .running(CLAIM_JOIN, R, V, expected)
                .send("AutoJoinChallengeResponse", answer)
                .recv("ValidateJoinCloudSessionParameters",
                        tuple(VALIDATE_JOIN, SESSION, R, V, aenc(pk(R), tuple(SESSION, K))))
                .build();
        return new Roles(requester, validatorRole);
    }

    public static Name session(int i) {
        return new Name("session", "s" + i);
    }

    /** The AES key of a cloud session: one per session, held by its members. */
    public static SymKey sessionKey(Term session) {
        return new SymKey("K_" + session);
    }

    private static Term challenge(Var session, boolean noNonce) {
        return noNonce
                ? tuple(CHALLENGE_TAG, session, R, V, ISSUED_AT, EXPIRES_AT, PURPOSE)
                : tuple(CHALLENGE_TAG, session, R, V, ISSUED_AT, EXPIRES_AT, PURPOSE, N);
    }

    private static Term challengeWithoutSession(boolean noNonce) {
        return noNonce
                ? tuple(CHALLENGE_TAG, R, V, ISSUED_AT, EXPIRES_AT, PURPOSE)
                : tuple(CHALLENGE_TAG, R, V, ISSUED_AT, EXPIRES_AT, PURPOSE, N);
    }
}
