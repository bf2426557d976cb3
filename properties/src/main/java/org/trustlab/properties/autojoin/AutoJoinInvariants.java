package org.trustlab.properties.autojoin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.linearizability.Model;
import org.trustlab.properties.history.LinearizabilityInvariant;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.TraceIndex;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.autojoin.AutoJoinCodec;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The autojoin invariants: authentication as injective agreement, freshness on the verifier's clock, no replay,
 * grant validity, and session-key secrecy. Each is broken by at least one mutant of the reference
 * ({@link AutoJoinMutantMap}).
 */
public final class AutoJoinInvariants {
    public static final String PROTOCOL = "autojoin";
    public static final String INJECTIVE_AGREEMENT = "autojoin.injective-agreement";
    public static final String FRESHNESS = "autojoin.freshness";
    public static final String NO_REPLAY = "autojoin.no-replay";
    public static final String GRANT_VALIDITY = "autojoin.grant-validity";
    public static final String SESSION_KEY_SECRECY = "autojoin.session-key-secrecy";
    public static final String PASSWORD_SECRECY = "autojoin.password-secrecy";
    public static final String REQUESTER_SIGNS_OWN_CHALLENGES = "autojoin.requester-signs-own-challenges";
    public static final String SESSION_KEY_AUTHENTICITY = "autojoin.session-key-authenticity";
    public static final String CONSUMED_SET_LINEARIZABLE = "autojoin.consumed-set-linearizable";

    private AutoJoinInvariants() {}

    public static List<Invariant> all() {
        return List.of(new InjectiveAgreement(), new Freshness(), new NoReplay(), new GrantValidity(),
                new SessionKeySecrecy(), new PasswordSecrecy(), new RequesterSignsOwnChallenges(),
                new SessionKeyAuthenticity(), new AutoJoinLiveness.NoDenial(), new AutoJoinLiveness.NoDisagreement(),
                consumedSetLinearizable());
    }

    /**
     * The consumed-challenge set as Jepsen would check it: its operations, read from the wire, must be explained by
     * a consume-once nonce store taking effect atomically between each operation's start and its answer. Where
     * {@code no-replay} counts acceptances per challenge, this sees the object itself: a check and a mark that a
     * second consumer can fall between, a challenge taken before it was issued, a replay refusal for a challenge
     * no one had taken.
     */
    static LinearizabilityInvariant consumedSetLinearizable() {
        return new LinearizabilityInvariant(CONSUMED_SET_LINEARIZABLE, PROTOCOL, "Each validator's "
                + "consumed-challenge set, as its challenges and answers on the wire show it, behaves as a "
                + "consume-once nonce store: every response's consume takes effect at one instant between its "
                + "delivery and the answer, and a challenge is taken at most once, only after it was issued.",
                Model.named("nonce-store"), ConsumedSetHistory::of);
    }

    private abstract static class Base implements Invariant {
        private final String id;
        private final String statement;

        Base(String id, String statement) {
            this.id = id;
            this.statement = statement;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public String statement() {
            return statement;
        }

        @Override
        public Judgement judge(Trace trace) {
            AutoJoinTrace t = AutoJoinTrace.of(trace);
            List<Violation> out = new ArrayList<>();
            check(t, out);
            return new Judgement(subjects(t), out);
        }

        abstract void check(AutoJoinTrace t, List<Violation> out);

        /** How many things of the trace this invariant judged; none makes the run vacuous for it. */
        abstract int subjects(AutoJoinTrace t);

        void violation(List<Violation> out, String message, TraceEvent... evidence) {
            out.add(new Violation(id, message, List.of(evidence)));
        }
    }

    /**
     * Every accepted automatic join matches a run of the requester: a request it made (its own {@code AskAutoJoin}
     * on the wire, for that session, target member and purpose) answered by a challenge response it put on the wire
     * for the same session, requester, target, purpose and nonce, signed with the key the world gave it then and that
     * verified the signature; and no signed challenge is accepted twice. The running event is the request and the
     * signature the requester sent, never the audit it writes after its own checks. An acceptance with no such run
     * is tolerated only when the attacker held the signing key.
     */
    static final class InjectiveAgreement extends Base {
        InjectiveAgreement() {
            super(INJECTIVE_AGREEMENT, "Every accepted automatic join matches exactly one request of the requester "
                    + "for that session, target and purpose, answered by a challenge it signed with the granted key.");
        }

        /** Every accepted automatic join. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.audits(AutoJoinTrace.ACCEPTED).size();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            Map<String, TraceEvent> firstAcceptance = new TreeMap<>();
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                // One signed run or several signatures of the very same challenge (a duplicated challenge reaching
                // a requester that asked again) are both agreement; injectivity is the "accepted twice" check below,
                // by nonce, so that two acceptances can never share one run.
                if (runs(t, a).isEmpty() && !signedByHeldKey(t, a)) {
                    violation(out, a.node() + " accepted " + a.field("requester") + " into " + a.field("session")
                            + " for nonce " + a.field("nonce") + " but the requester signed no matching challenge ("
                            + describeOtherRuns(t, a) + ")", a);
                }
                TraceEvent earlier = firstAcceptance.putIfAbsent(a.field("nonce"), a);
                if (earlier != null) {
                    violation(out, "the challenge " + a.field("nonce") + " was accepted twice", earlier, a);
                }
            }
        }

        /** The requester's responses on the wire that commit it to acceptance {@code a}. */
        private static List<TraceEvent> runs(AutoJoinTrace t, TraceEvent a) {
            AutoJoinWorld world = t.world();
            Optional<String> requester = world.deviceOf(a.field("requester"));
            List<TraceEvent> runs = new ArrayList<>();
            if (requester.isEmpty()) {
                return runs;
            }
            for (TraceEvent r : t.sentBy(requester.get(), AutoJoinTrace.RESPONSE)) {
                if (r.seq() < a.seq() && a.field("nonce").equals(r.field(AutoJoinTrace.W_NONCE))
                        && bindsAsAccepted(r, a)
                        && world.keyAt(r.node(), r.seq()).map(k -> k.equals(a.field("verified-key-fingerprint")))
                                .orElse(false)
                        && t.requestAnswered(r).map(q -> asks(world, q, a)).orElse(false)) {
                    runs.add(r);
                }
            }
            return runs;
        }

        private static boolean bindsAsAccepted(TraceEvent response, TraceEvent a) {
            return a.field("session").equals(response.field(AutoJoinTrace.W_SESSION))
                    && a.field("requester").equals(response.field(AutoJoinTrace.W_REQUESTER))
                    && a.field("target").equals(response.field(AutoJoinTrace.W_TARGET))
                    && a.field("purpose").equals(response.field(AutoJoinTrace.W_PURPOSE));
        }

        /** Request {@code q} asked for what {@code a} admitted: that session, through that member, for that purpose. */
        private static boolean asks(AutoJoinWorld world, TraceEvent q, TraceEvent a) {
            return a.field("session").equals(q.field(AutoJoinTrace.W_SESSION))
                    && a.field("purpose").equals(q.field(AutoJoinTrace.W_PURPOSE))
                    && world.clientOf(q.field(AutoJoinTrace.W_VALIDATOR)).map(c -> c.equals(a.field("target")))
                            .orElse(false);
        }

        private static String describeOtherRuns(AutoJoinTrace t, TraceEvent a) {
            Optional<String> requester = t.world().deviceOf(a.field("requester"));
            for (TraceEvent r : requester.map(d -> t.sentBy(d, AutoJoinTrace.RESPONSE)).orElse(List.of())) {
                if (r.seq() < a.seq() && a.field("nonce").equals(r.field(AutoJoinTrace.W_NONCE))) {
                    String asked = t.requestAnswered(r).map(q -> "it asked " + q.field(AutoJoinTrace.W_VALIDATOR)
                            + " for " + q.field(AutoJoinTrace.W_PURPOSE) + " in " + q.field(AutoJoinTrace.W_SESSION))
                            .orElse("it asked for nothing in that session");
                    return "the run with that nonce was for session " + r.field(AutoJoinTrace.W_SESSION)
                            + ", target " + r.field(AutoJoinTrace.W_TARGET) + ", purpose "
                            + r.field(AutoJoinTrace.W_PURPOSE) + "; " + asked;
                }
            }
            return "no run signed that nonce";
        }

        private static boolean signedByHeldKey(AutoJoinTrace t, TraceEvent a) {
            return t.attackerHeldKey(a.field("verified-key-fingerprint"), a);
        }
    }

    /**
     * Nothing is accepted outside its challenge's window as the verifier's own clock measures it: the accepting
     * member issued the challenge, and it accepts no later than the configured lifetime plus the configured skew
     * tolerance after it issued it. Both times are the simulator's reading of the validator's clock; the lifetime and
     * tolerance are the world's ({@code limits} facts, within the specification's caps), never the ones the validator
     * writes into its audit or signs into the challenge: a validator wrong about its own limits is judged by the
     * configured ones.
     */
    static final class Freshness extends Base {
        Freshness() {
            super(FRESHNESS, "No automatic join is accepted outside its challenge's validity window, measured on the "
                    + "verifier's clock with the configured lifetime and skew tolerance.");
        }

        /** Every accepted automatic join. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.audits(AutoJoinTrace.ACCEPTED).size();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            AutoJoinWorld world = t.world();
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                TraceEvent issued = t.latestBefore(AutoJoinTrace.ISSUED, a.node(), a,
                        i -> a.field("nonce").equals(i.field("nonce"))).orElse(null);
                if (issued == null) {
                    violation(out, a.node() + " accepted nonce " + a.field("nonce") + " that it never issued", a);
                    continue;
                }
                Optional<AutoJoinWorld.Limits> limits = world.limits(a.node());
                Optional<Instant> now = AutoJoinTrace.instant(a.field("local-time"));
                Optional<Instant> from = AutoJoinTrace.instant(issued.field("local-time"));
                if (limits.isEmpty() || now.isEmpty() || from.isEmpty()) {
                    violation(out, "acceptance by " + a.node() + " without configured limits or readable clock "
                            + "times", issued, a);
                    continue;
                }
                Instant deadline = from.get().plus(limits.get().challengeTtl()).plus(limits.get().skewTolerance());
                if (now.get().isAfter(deadline)) {
                    violation(out, a.node() + " accepted at " + now.get() + " (its clock) a challenge it issued at "
                            + from.get() + ": configured lifetime " + limits.get().challengeTtl() + " and skew "
                            + "tolerance " + limits.get().skewTolerance() + " end at " + deadline, issued, a);
                }
            }
        }
    }

    /** A challenge is consumed at most once: per validator, no nonce is accepted twice, across restarts too. */
    static final class NoReplay extends Base {
        NoReplay() {
            super(NO_REPLAY, "A challenge is consumed at most once, even across validator restarts.");
        }

        /** Every accepted automatic join. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.audits(AutoJoinTrace.ACCEPTED).size();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            Map<String, TraceEvent> seen = new TreeMap<>();
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                TraceEvent first = seen.putIfAbsent(a.node() + "/" + a.field("nonce"), a);
                if (first != null) {
                    violation(out, a.node() + " accepted challenge " + a.field("nonce") + " again", first, a);
                }
            }
        }
    }

    /**
     * No acceptance under a missing, revoked, expired, too narrow or differently bound grant, judged on the world's
     * grant store (the scenario's grants and the manual joins' grants, voided by the users' revocations and
     * forgotten keys) at the moment of acceptance on the verifier's clock: the grant stands, has not expired, covers
     * the purpose, was made under the validator's current key (its own rotation voids it), and binds the key that
     * verified the signature. Session keys after an automatic join go only to the granted key.
     */
    static final class GrantValidity extends Base {
        GrantValidity() {
            super(GRANT_VALIDITY, "No automatic join is accepted under a missing, expired, revoked or differently "
                    + "bound grant.");
        }

        /** Every accepted automatic join and every session key an automatic join delivered. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.audits(AutoJoinTrace.ACCEPTED).size() + (int) t.audits(AutoJoinTrace.DELIVERED).stream()
                    .filter(d -> "auto-join".equals(d.field("flow"))).count();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            AutoJoinWorld world = t.world();
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                String problem = problem(world, a);
                if (problem != null) {
                    violation(out, a.node() + " accepted " + a.field("requester") + ": " + problem, a);
                }
            }
            for (TraceEvent d : t.audits(AutoJoinTrace.DELIVERED)) {
                if (!"auto-join".equals(d.field("flow"))) {
                    continue;
                }
                TraceEvent acceptance = t.latestBefore(AutoJoinTrace.ACCEPTED, d.node(), d,
                        a -> AutoJoinTrace.same(a, d, "nonce", "session")
                                && a.field("requester").equals(d.field("recipient"))).orElse(null);
                if (acceptance == null) {
                    violation(out, d.node() + " delivered a session key for nonce " + d.field("nonce")
                            + " without accepting it", d);
                    continue;
                }
                Optional<AutoJoinWorld.Grant> grant = world.grantAt(d.node(), d.field("recipient"),
                        acceptance.seq());
                if (grant.isPresent() && !grant.get().trustedKey().equals(d.field("recipient-key-fingerprint"))) {
                    violation(out, d.node() + " encrypted the session key to " + d.field("recipient-key-fingerprint")
                            + ", not to the granted key " + grant.get().trustedKey(), acceptance, d);
                }
            }
        }

        private static String problem(AutoJoinWorld world, TraceEvent a) {
            String requester = a.field("requester");
            Optional<AutoJoinWorld.Grant> found = world.grantAt(a.node(), requester, a.seq());
            if (found.isEmpty()) {
                return world.everGranted(a.node(), requester, a.seq()) ? "the grant was revoked, or the key it "
                        + "trusted forgotten, before the acceptance" : "no grant";
            }
            AutoJoinWorld.Grant g = found.get();
            Optional<Instant> now = AutoJoinTrace.instant(a.field("local-time"));
            if (now.isEmpty() || !now.get().isBefore(g.expires())) {
                return "the grant expired at " + g.expires() + " (verifier time " + a.field("local-time") + ")";
            }
            if (!scopeCovers(g.scope(), a.field("purpose"))) {
                return "a " + g.scope() + " grant does not cover " + a.field("purpose");
            }
            Optional<String> ownerKey = world.keyAt(a.node(), a.seq());
            if (ownerKey.isEmpty() || !ownerKey.get().equals(g.ownerKey())) {
                return "the grant was made under key " + g.ownerKey() + ", but the validator's key is now "
                        + ownerKey.orElse("unknown");
            }
            String verified = a.field("verified-key-fingerprint");
            if (verified == null || !verified.equals(g.trustedKey())) {
                return "the signature was checked with key " + verified + ", the grant binds " + g.trustedKey();
            }
            return null;
        }

        private static boolean scopeCovers(String scope, String purpose) {
            List<String> scopes = List.of("AutoJoin", "AutoInventory", "AutoSynchronize");
            List<String> purposes = List.of("auto-join", "auto-inventory", "auto-synchronize");
            int s = scopes.indexOf(scope);
            int p = purposes.indexOf(purpose);
            return s >= 0 && p >= 0 && s >= p;
        }
    }

    /**
     * The session key never reaches a party without a valid grant: every delivery follows an acceptance (automatic
     * join) or a password validation (manual join) of that recipient, and the attacker learns a session key only
     * by compromising a device that legitimately held it or to which it was legitimately sent.
     */
    static final class SessionKeySecrecy extends Base {
        SessionKeySecrecy() {
            super(SESSION_KEY_SECRECY, "The session key never reaches a device without a valid grant (or, for a "
                    + "manual join, a validated password).");
        }

        /** Every session-key delivery and every session key the attacker learned. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.audits(AutoJoinTrace.DELIVERED).size() + (int) t.attacker("learned").stream()
                    .filter(l -> "session-key".equals(l.field("kind"))).count();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            for (TraceEvent d : t.audits(AutoJoinTrace.DELIVERED)) {
                boolean manual = "manual-join".equals(d.field("flow"));
                boolean decided = t.auditsBefore(manual ? AutoJoinTrace.MANUAL_VALIDATED : AutoJoinTrace.ACCEPTED,
                        d.node(), d).stream().anyMatch(a -> d.field("session").equals(a.field("session"))
                                && d.field("recipient").equals(a.field("requester"))
                                && (manual || d.field("nonce").equals(a.field("nonce"))));
                if (!decided) {
                    violation(out, d.node() + " sent the session key of " + d.field("session") + " to "
                            + d.field("recipient") + " without deciding to admit it", d);
                }
            }
            for (TraceEvent l : t.attacker("learned")) {
                if (!"session-key".equals(l.field("kind"))) {
                    continue;
                }
                String fp = l.field("fingerprint");
                boolean viaHolder = false;
                for (TraceEvent h : t.audits(AutoJoinTrace.RECEIVED)) {
                    viaHolder |= h.seq() < l.seq() && fp.equals(h.field("session-key-fingerprint"))
                            && t.attackerHeld(h.node(), null, l);
                }
                for (TraceEvent h : t.audits(AutoJoinTrace.DELIVERED)) {
                    viaHolder |= h.seq() < l.seq() && fp.equals(h.field("session-key-fingerprint"))
                            && (t.attackerHeld(h.node(), null, l) || readInTransit(t, h, l));
                }
                if (!viaHolder) {
                    violation(out, "the attacker learned session key " + fp + " without compromising any device "
                            + "that legitimately held it", l);
                }
            }
        }

        /**
         * The attacker decrypted a delivery on its way to a device whose key it holds: legitimate if the key was sent
         * to that device's granted and trusted key (automatic join) or to the key a manual join validated. A
         * compromised recipient loses the session key before its copy arrives, not only after; what must never
         * happen is a delivery to a key that was not the legitimate one (an old generation, the attacker's own).
         */
        private static boolean readInTransit(AutoJoinTrace t, TraceEvent d, TraceEvent l) {
            String recipientKey = d.field("recipient-key-fingerprint");
            if (recipientKey == null) {
                return false;
            }
            boolean legitimate;
            if ("manual-join".equals(d.field("flow"))) {
                legitimate = t.auditsBefore(AutoJoinTrace.MANUAL_VALIDATED, d.node(), d).stream().anyMatch(v ->
                        AutoJoinTrace.same(v, d, "session") && d.field("recipient").equals(v.field("requester"))
                                && recipientKey.equals(v.field("requester-key-fingerprint")));
            } else {
                // Legitimate: sent after an acceptance, to the key the world's grant binds at that moment.
                legitimate = t.auditsBefore(AutoJoinTrace.ACCEPTED, d.node(), d).stream().anyMatch(a ->
                        AutoJoinTrace.same(a, d, "session", "nonce") && d.field("recipient").equals(
                                a.field("requester")) && t.world().grantAt(d.node(), a.field("requester"), a.seq())
                                        .map(g -> recipientKey.equals(g.trustedKey())).orElse(false));
            }
            return legitimate && t.attackerHeldKey(recipientKey, l);
        }
    }

    /**
     * A session's password reaches the attacker only through a device that legitimately knows it: a member of the
     * session (the world's {@code session} fact) whose keys the attacker held, or a requester the attacker controls
     * (it typed the password itself). The attacker learns a password by decrypting a manual join's
     * {@code AskJoinCloudSessionParameters}; a requester that encrypts it to a key it does not trust hands it over.
     */
    static final class PasswordSecrecy extends Base {
        PasswordSecrecy() {
            super(PASSWORD_SECRECY, "A session password reaches the attacker only from a device that knows it "
                    + "and whose keys the attacker held.");
        }

        /**
         * Every password put on the wire (a manual join's {@code AskJoinCloudSessionParameters}, as sent) and every
         * password the attacker learned.
         */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.sent(AutoJoinCodec.ASK_JOIN).size() + (int) t.attacker("learned").stream()
                    .filter(l -> "session-password".equals(l.field("kind"))).count();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            AutoJoinWorld world = t.world();
            for (TraceEvent l : t.attacker("learned")) {
                String about = l.field("about");
                if (!"session-password".equals(l.field("kind")) || about == null || !about.startsWith("session ")) {
                    continue;
                }
                String session = about.substring("session ".length());
                boolean viaMember = world.members(session).stream().anyMatch(m -> t.attackerHeld(m, null, l));
                boolean viaTypist = t.sender(l.field("msg-id")).map(d -> t.attackerControls(d, l)).orElse(false);
                if (!viaMember && !viaTypist) {
                    violation(out, "the attacker learned the password of session " + session + " without holding the "
                            + "keys of a member of it (members: " + String.join(", ", world.members(session)) + ")",
                            l);
                }
            }
        }
    }

    /**
     * A requester signs only challenges that answer a request it made: every challenge response its role puts on
     * the wire names itself as requester and the session, target member (the validator it asked) and purpose of its
     * latest request for that session, and one request is answered with at most one challenge. A requester that
     * signs anything else is a signing oracle: whoever hands it a challenge (challenges carry no signature) gets its
     * signature for another session, member or purpose. Judged on the wire alone: what it asked and what it signed.
     */
    static final class RequesterSignsOwnChallenges extends Base {
        RequesterSignsOwnChallenges() {
            super(REQUESTER_SIGNS_OWN_CHALLENGES, "A requester signs only a challenge that answers its own request: "
                    + "same session, requester, target member and purpose, one challenge per request.");
        }

        /** Every challenge response a requester signed and put on the wire. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.signedResponses().size();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            AutoJoinWorld world = t.world();
            Map<Long, String> nonceOfRequest = new TreeMap<>();
            for (TraceEvent r : t.signedResponses()) {
                if (t.attackerControls(r.node(), r)) {
                    continue;
                }
                String problem = problem(world, t, r);
                if (problem != null) {
                    violation(out, r.node() + " signed challenge " + r.field(AutoJoinTrace.W_NONCE) + " of session "
                            + r.field(AutoJoinTrace.W_SESSION) + ": " + problem, r);
                    continue;
                }
                TraceEvent q = t.requestAnswered(r).orElseThrow();
                String earlier = nonceOfRequest.putIfAbsent(q.seq(), r.field(AutoJoinTrace.W_NONCE));
                if (earlier != null && !earlier.equals(r.field(AutoJoinTrace.W_NONCE))) {
                    violation(out, r.node() + " signed challenge " + r.field(AutoJoinTrace.W_NONCE) + " after "
                            + earlier + " for one request", q, r);
                }
            }
        }

        private static String problem(AutoJoinWorld world, AutoJoinTrace t, TraceEvent r) {
            Optional<String> me = world.clientOf(r.node());
            if (me.isEmpty() || !me.get().equals(r.field(AutoJoinTrace.W_REQUESTER))) {
                return "it names requester " + r.field(AutoJoinTrace.W_REQUESTER) + ", not " + me.orElse("it");
            }
            Optional<TraceEvent> asked = t.requestAnswered(r);
            if (asked.isEmpty()) {
                return "it asked for no join of that session";
            }
            TraceEvent q = asked.get();
            String validator = q.field(AutoJoinTrace.W_VALIDATOR);
            if (!validator.equals(r.field(AutoJoinTrace.W_VALIDATOR)) || !world.clientOf(validator)
                    .map(c -> c.equals(r.field(AutoJoinTrace.W_TARGET))).orElse(false)) {
                return "it asked " + validator + ", the challenge names target " + r.field(AutoJoinTrace.W_TARGET)
                        + " and goes to " + r.field(AutoJoinTrace.W_VALIDATOR);
            }
            if (!q.field(AutoJoinTrace.W_PURPOSE).equals(r.field(AutoJoinTrace.W_PURPOSE))) {
                return "it asked for " + q.field(AutoJoinTrace.W_PURPOSE) + ", the challenge is for "
                        + r.field(AutoJoinTrace.W_PURPOSE);
            }
            return null;
        }
    }

    /**
     * A requester takes only a session key that the validator it is joining through sent for that exchange: the
     * {@code ValidateJoinCloudSessionParameters} it took the key from is, byte for byte in what it binds (session,
     * requester instance, flow, challenge nonce, encrypted key, signature), one that validator's role put on the
     * wire; for an automatic join its nonce is that of the challenge this requester last signed for the session.
     * Excused only when the attacker held the validator's keys (it could sign as the validator).
     */
    static final class SessionKeyAuthenticity extends Base {
        private static final List<String> BOUND = List.of(AutoJoinTrace.W_SESSION, AutoJoinTrace.W_JOINER,
                AutoJoinTrace.W_FLOW, AutoJoinTrace.W_NONCE, "wire-payload-fingerprint", "wire-signature-fingerprint");

        SessionKeyAuthenticity() {
            super(SESSION_KEY_AUTHENTICITY, "A requester takes a session key only from the validator it asked, as "
                    + "that validator sent it for that very exchange.");
        }

        /** Every session key a requester took. */
        @Override
        int subjects(AutoJoinTrace t) {
            return t.sessionKeysTaken().size();
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            for (TraceEvent k : t.sessionKeysTaken()) {
                if (t.attackerControls(k.node(), k)) {
                    continue;
                }
                TraceEvent d = t.deliveryHandled(k.node(), k).orElse(null);
                if (d == null || !d.type().equals(AutoJoinTrace.VALIDATE)) {
                    violation(out, k.node() + " took a session key of " + k.field("session") + " without receiving "
                            + "one", k);
                    continue;
                }
                String validator = d.field(AutoJoinTrace.W_VALIDATOR);
                if (validator != null && t.attackerHeld(validator, null, k)) {
                    continue;
                }
                String problem = problem(t, d, k);
                if (problem != null) {
                    violation(out, k.node() + " took the session key of " + d.field(AutoJoinTrace.W_SESSION)
                            + " from a message naming " + validator + ": " + problem, d, k);
                }
            }
        }

        private static String problem(AutoJoinTrace t, TraceEvent d, TraceEvent k) {
            String validator = d.field(AutoJoinTrace.W_VALIDATOR);
            boolean sent = validator != null && t.sentBy(validator, AutoJoinTrace.VALIDATE).stream()
                    .anyMatch(s -> s.seq() < d.seq() && sameValues(s, d));
            if (!sent) {
                return "that validator never sent it";
            }
            if (!"auto-join".equals(d.field(AutoJoinTrace.W_FLOW))) {
                return null;
            }
            TraceEvent signed = TraceIndex.latestBefore(t.sentBy(k.node(), AutoJoinTrace.RESPONSE), k.node(), d,
                    r -> AutoJoinTrace.same(r, d, AutoJoinTrace.W_SESSION));
            if (signed == null || !AutoJoinTrace.same(signed, d, AutoJoinTrace.W_NONCE, AutoJoinTrace.W_VALIDATOR)) {
                return "it answers challenge " + d.field(AutoJoinTrace.W_NONCE) + ", the requester last signed "
                        + (signed == null ? "none" : signed.field(AutoJoinTrace.W_NONCE) + " for "
                                + signed.field(AutoJoinTrace.W_VALIDATOR)) + " in that session";
            }
            return null;
        }

        private static boolean sameValues(TraceEvent a, TraceEvent b) {
            for (String key : BOUND) {
                if (!java.util.Objects.equals(a.field(key), b.field(key))) {
                    return false;
                }
            }
            return true;
        }
    }
}
