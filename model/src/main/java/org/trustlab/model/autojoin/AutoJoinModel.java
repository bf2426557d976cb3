package org.trustlab.model.autojoin;

import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tag;
import static org.trustlab.model.term.Terms.time;
import static org.trustlab.model.term.Terms.tuple;

import java.util.List;
import java.util.Optional;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.dsl.Guard;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Tuple;
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
 * The world checked (issue 14): two validators V1 and V2, two purposes, and three devices besides them. A is the
 * honest requester; V1 grants it auto-join and auto-synchronize, V2 only auto-synchronize. C holds an auto-join
 * grant on V1 and its device key leaks at tick {@link #LEAK_AT} (a compromised device). I is the attacker's own
 * device, granted nowhere. V1's owner may revoke C's grant at any moment (a nondeterministic event). A asks V1
 * to auto-join session s1; V1 runs as many validator sessions as asked, V2 one.
 *
 * <p>A validator holds grants as the world's grant store says (not as it believes), verifies with the key in the
 * grant, accepts a challenge only once (each validator run issues one and consumes it) and only within its
 * validity on its own clock, judges the grant again on acceptance (it may have been revoked meanwhile), then
 * sends the session's AES key encrypted to the requester's trusted key. The requester signs only a challenge that
 * answers its own request (session, itself, the target it asked, the purpose) and, like the reference, does not
 * judge expiry. The session server that relays everything is the attacker.
 *
 * <p>Claims: the requester is Running auto-join with V on C when it signs; V Commits auto-join with R on C when
 * it accepts; V claims the session key secret with R. Properties beyond Lowe's: revocation takes effect, a grant
 * covers the purpose accepted, and an honest join is reachable.
 */
public final class AutoJoinModel {
    public static final Agent REQUESTER = new Agent("A");
    public static final Agent VALIDATOR = new Agent("V");
    public static final Agent INTRUDER = new Agent("I");
    public static final Name AUTO_JOIN = new Name("purpose", "auto-join");
    /** The widened model's validators, its second purpose and its compromised device. */
    public static final Agent VALIDATOR_1 = new Agent("V1");
    public static final Agent VALIDATOR_2 = new Agent("V2");
    public static final Name AUTO_SYNCHRONIZE = new Name("purpose", "auto-synchronize");
    public static final Agent COMPROMISED = new Agent("C");
    /** The tick at which C's device key leaks. */
    public static final int LEAK_AT = 1;

    public static final String CLAIM_JOIN = "auto-join";
    public static final String CLAIM_SESSION_KEY = "session-key";
    /** Fact: the validator (actor) no longer grants the data (requester, purpose). */
    public static final String FACT_REVOKED = "revoked";
    public static final String REVOCATION = "revocation-takes-effect(" + CLAIM_JOIN + ")";
    public static final String GRANT_COVERS = "grant-covers-purpose(" + CLAIM_JOIN + ")";

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

    /** Only in the session-key-to-presented-key mutant: whose public key the response presents. */
    public static final Var PRESENTED = Var.agent("presented");
    private static final Var CHALLENGE_SESSION = Var.name("challengeSession", "session");
    private static final Var CHALLENGE_V = Var.agent("challengeV");
    private static final Var CHALLENGE_PURPOSE = Var.name("challengePurpose", "purpose");

    /**
     * The grant store of the world checked: V1 grants A both purposes and C auto-join, V2 grants A
     * auto-synchronize; nobody grants I. Revocations are facts of the run, judged separately.
     */
    public static boolean granted(Term validator, Term requester, Term purpose) {
        if (validator.equals(VALIDATOR_1)) {
            return requester.equals(REQUESTER) || (requester.equals(COMPROMISED) && purpose.equals(AUTO_JOIN));
        }
        return validator.equals(VALIDATOR_2) && requester.equals(REQUESTER) && purpose.equals(AUTO_SYNCHRONIZE);
    }

    /** The owner's revocation of a grant, as a run with no input: it may happen between any two steps. */
    private static Role revocation() {
        return Role.named("Owner", V, R, PURPOSE).fact(FACT_REVOKED, V, tuple(R, PURPOSE)).build();
    }

    private AutoJoinModel() {
    }

    public static Model model(int sessions) {
        return model(sessions, null);
    }

    /**
     * A's request to V1 to auto-join s1, {@code sessions} validator runs of V1 (two let a response be replayed to
     * a second run) and one of V2, and the revocation of C's grant on V1; mutant may be null. The attacker asks
     * for everything else: the other session, the other purpose, the other validator, as A or, once its key
     * leaks, as C. (A second requester run multiplies the state space by about thirty.)
     */
    public static Model model(int sessions, AutoJoinModelMutant mutant) {
        if (sessions < 1) {
            throw new IllegalArgumentException("at least one session");
        }
        Grants grants = mutant == AutoJoinModelMutant.GRANTS_NEVER_FOUND
                ? (validator, requester, purpose, now) -> false
                : mutant == AutoJoinModelMutant.GRANT_SCOPE_IGNORED
                        ? (validator, requester, purpose, now) -> granted(validator, requester, AUTO_JOIN)
                                || granted(validator, requester, AUTO_SYNCHRONIZE)
                        : (validator, requester, purpose, now) -> granted(validator, requester, purpose);
        Roles roles = roles(mutant, Timing.fixed(VALIDITY, 0), grants, true);
        Model.Builder m = Model.builder("autojoin" + (mutant == null ? "" : "/" + mutant.id()))
                .honest(REQUESTER, COMPROMISED, VALIDATOR_1, VALIDATOR_2)
                .dishonest(INTRUDER)
                .names(AUTO_JOIN, AUTO_SYNCHRONIZE)
                .time(MAX_TIME, MAX_TIME + VALIDITY)
                .leak(LEAK_AT, sk(COMPROMISED));
        // A second session name, so that a response can be carried into another session.
        m.names(session(1), session(2));
        m.run(Run.of(roles.requester(), REQUESTER).with(V, VALIDATOR_1).with(SESSION, session(1))
                .with(PURPOSE, AUTO_JOIN));
        for (int i = 1; i <= sessions; i++) {
            m.run(Run.of(roles.validator(), VALIDATOR_1));
        }
        m.run(Run.of(roles.validator(), VALIDATOR_2));
        m.run(Run.of(revocation(), VALIDATOR_1).with(R, COMPROMISED).with(PURPOSE, AUTO_JOIN));
        return m.property(Property.agreement(CLAIM_JOIN))
                .property(Property.injectiveAgreement(CLAIM_JOIN))
                .property(Property.noReplay(CLAIM_JOIN))
                .property(Property.freshness(CLAIM_JOIN, VALIDITY))
                .property(Property.secrecy(CLAIM_SESSION_KEY))
                .property(Property.invariant(REVOCATION,
                        "No join is accepted under a grant its owner revoked before the acceptance.",
                        AutoJoinModel::acceptedAfterRevocation))
                .property(Property.invariant(GRANT_COVERS,
                        "Every accepted join is covered by a grant of the world's store for its purpose.",
                        AutoJoinModel::acceptedWithoutGrant))
                .property(Property.reachable(CLAIM_JOIN))
                .build();
    }

    private static Optional<String> acceptedAfterRevocation(Event e, List<Event> all) {
        if (!isJoin(e)) {
            return Optional.empty();
        }
        Term purpose = purposeOf(e.data());
        for (Event f : all) {
            if (f.kind() == ClaimKind.FACT && f.label().equals(FACT_REVOKED) && f.actor().equals(e.actor())
                    && f.data().equals(tuple(e.peer(), purpose)) && f.time() <= e.time() && f != e) {
                return Optional.of(e.actor() + " (run #" + (e.run() + 1) + ") accepts " + e.peer() + " for "
                        + purpose + " after revoking that grant at t" + f.time());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> acceptedWithoutGrant(Event e, List<Event> all) {
        if (!isJoin(e) || granted(e.actor(), e.peer(), purposeOf(e.data()))) {
            return Optional.empty();
        }
        return Optional.of(e.actor() + " (run #" + (e.run() + 1) + ") accepts " + e.peer() + " for "
                + purposeOf(e.data()) + ", which no grant of " + e.actor() + " covers");
    }

    private static boolean isJoin(Event e) {
        return e.kind() == ClaimKind.COMMIT && e.label().equals(CLAIM_JOIN);
    }

    /** The purpose field of a challenge as the validator commits to it. */
    private static Term purposeOf(Term challenge) {
        Tuple c = (Tuple) challenge;
        for (int i = 0; i < c.arity(); i++) {
            if (c.get(i) instanceof Name n && n.kind().equals("purpose")) {
                return n;
            }
        }
        throw new IllegalStateException("challenge without purpose: " + challenge);
    }

    /** The roles for a timing and a grant store; mutant may be null. */
    public static Roles roles(AutoJoinModelMutant mutant, Timing timing, Grants grants) {
        return roles(mutant, timing, grants, false);
    }

    /**
     * The roles; {@code revocable} adds the owner's revocations (facts {@link #FACT_REVOKED}) to what the
     * validator's grant checks consult.
     */
    public static Roles roles(AutoJoinModelMutant mutant, Timing timing, Grants grants, boolean revocable) {
        boolean noNonce = mutant == AutoJoinModelMutant.NO_NONCE;
        boolean unboundSession = mutant == AutoJoinModelMutant.NONCE_NOT_BOUND_TO_SESSION;
        boolean presented = mutant == AutoJoinModelMutant.SESSION_KEY_TO_PRESENTED_KEY;
        // The world's grant store, less the revocations made so far.
        Guard grantValid = b -> grants.granted(b.get(V), b.get(R), b.get(PURPOSE), b.now())
                && !(revocable && b.hasFact(FACT_REVOKED, b.get(V), tuple(b.get(R), b.get(PURPOSE))));

        // The challenge as issued, as signed, and as the validator commits to it.
        Term issued = challenge(SESSION, noNonce);
        Term signedBody = unboundSession ? challengeWithoutSession(noNonce) : issued;
        Term response;
        if (unboundSession) {
            response = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, SIGNED_SESSION, signedBody,
                    sign(sk(R), tuple(RESPONSE_TAG, signedBody)));
        } else if (presented) {
            // The envelope also presents a public key, outside the signature, and the key goes to it.
            response = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, issued, sign(sk(R), tuple(RESPONSE_TAG, issued)),
                    pk(PRESENTED));
        } else {
            response = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, issued, sign(sk(R), tuple(RESPONSE_TAG, issued)));
        }
        Term accepted = unboundSession ? challenge(SIGNED_SESSION, noNonce) : issued;
        Var joinedSession = unboundSession ? SIGNED_SESSION : SESSION;

        Role.Builder validator = Role.named("Validator", V)
                .recv("AskAutoJoin", tuple(ASK_AUTO_JOIN, SESSION, R, V, PURPOSE))
                .require("GRANT_MISSING", grantValid, V, R, PURPOSE)
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
        if (mutant != AutoJoinModelMutant.NO_GRANT_RECHECK) {
            // The grant is judged again on acceptance: it may have been revoked while the challenge was out.
            validator.require("GRANT_REVOKED", grantValid, V, R, PURPOSE);
        }
        Role validatorRole = validator
                .commit(CLAIM_JOIN, V, R, accepted)
                .let(K, b -> sessionKey(b.get(joinedSession)))
                .send("ValidateJoinCloudSessionParameters",
                        tuple(VALIDATE_JOIN, joinedSession, R, V, aenc(pk(presented ? PRESENTED : R),
                                tuple(joinedSession, K))))
                .secret(CLAIM_SESSION_KEY, K, V, R)
                .build();

        Term expected = challenge(SESSION, noNonce);
        // A requester that signs any challenge it is sent is a signing oracle: it still believes it runs its own.
        Term received = mutant == AutoJoinModelMutant.REQUESTER_SIGNS_ANY_CHALLENGE
                ? tuple(CHALLENGE_TAG, CHALLENGE_SESSION, R, CHALLENGE_V, ISSUED_AT, EXPIRES_AT, CHALLENGE_PURPOSE, N)
                : expected;
        Term signed = unboundSession ? challengeWithoutSession(noNonce) : received;
        Term answer;
        if (unboundSession) {
            answer = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, SESSION, signed, sign(sk(R), tuple(RESPONSE_TAG, signed)));
        } else if (presented) {
            answer = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, signed, sign(sk(R), tuple(RESPONSE_TAG, signed)), pk(R));
        } else {
            answer = tuple(AUTO_JOIN_CHALLENGE_RESPONSE, signed, sign(sk(R), tuple(RESPONSE_TAG, signed)));
        }
        Role requester = Role.named("Requester", R, V, SESSION, PURPOSE)
                .send("AskAutoJoin", tuple(ASK_AUTO_JOIN, SESSION, R, V, PURPOSE))
                .recv("AutoJoinChallenge", tuple(AUTO_JOIN_CHALLENGE, received))
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
