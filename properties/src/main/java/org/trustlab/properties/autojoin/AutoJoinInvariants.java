package org.trustlab.properties.autojoin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
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

    private AutoJoinInvariants() {}

    public static List<Invariant> all() {
        return List.of(new InjectiveAgreement(), new Freshness(), new NoReplay(), new GrantValidity(),
                new SessionKeySecrecy(), new PasswordSecrecy(), new AutoJoinLiveness.NoDenial(),
                new AutoJoinLiveness.NoDisagreement());
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
        public List<Violation> check(Trace trace) {
            List<Violation> out = new ArrayList<>();
            check(AutoJoinTrace.of(trace), out);
            return List.copyOf(out);
        }

        abstract void check(AutoJoinTrace t, List<Violation> out);

        void violation(List<Violation> out, String message, TraceEvent... evidence) {
            out.add(new Violation(id, message, List.of(evidence)));
        }
    }

    /**
     * Every accepted automatic join matches exactly one challenge that the requester signed, with the granted
     * key, for the same session, requester, target member, purpose and nonce; and no signed challenge is
     * accepted twice. An acceptance with no such run is tolerated only when the attacker held the signing key.
     */
    static final class InjectiveAgreement extends Base {
        InjectiveAgreement() {
            super(INJECTIVE_AGREEMENT, "Every accepted automatic join matches exactly one challenge signed by the "
                    + "granted key for the same session, requester, target and purpose.");
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            Map<String, TraceEvent> firstAcceptance = new TreeMap<>();
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                List<TraceEvent> runs = new ArrayList<>();
                for (TraceEvent s : t.audits(AutoJoinTrace.SIGNED)) {
                    if (s.seq() < a.seq() && AutoJoinTrace.same(s, a, "nonce", "session", "requester", "target",
                            "purpose") && s.field("key-fingerprint").equals(a.field("verified-key-fingerprint"))) {
                        runs.add(s);
                    }
                }
                // One signed run or several signatures of the very same challenge (a duplicated challenge reaching
                // a requester that asked again) are both agreement; injectivity is the "accepted twice" check below,
                // by nonce, so that two acceptances can never share one run.
                if (runs.isEmpty() && !signedByHeldKey(t, a)) {
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

        private static String describeOtherRuns(AutoJoinTrace t, TraceEvent a) {
            for (TraceEvent s : t.audits(AutoJoinTrace.SIGNED)) {
                if (a.field("nonce").equals(s.field("nonce"))) {
                    return "the run with that nonce was for session " + s.field("session") + ", target "
                            + s.field("target") + ", purpose " + s.field("purpose");
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
}
