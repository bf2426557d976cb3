package org.trustlab.properties.autojoin;

import java.time.Duration;
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

    private AutoJoinInvariants() {}

    public static List<Invariant> all() {
        return List.of(new InjectiveAgreement(), new Freshness(), new NoReplay(), new GrantValidity(),
                new SessionKeySecrecy());
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
     * Nothing is accepted outside its challenge's window as the verifier's own clock measures it: the challenge
     * was issued by the accepting member, and the acceptance's local time is within [issued-at, expires-at]
     * widened by the member's skew tolerance.
     */
    static final class Freshness extends Base {
        Freshness() {
            super(FRESHNESS, "No automatic join is accepted outside its challenge's validity window, measured on the "
                    + "verifier's clock.");
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                TraceEvent issued = t.latestBefore(AutoJoinTrace.ISSUED, a.node(), a,
                        i -> a.field("nonce").equals(i.field("nonce"))).orElse(null);
                if (issued == null) {
                    violation(out, a.node() + " accepted nonce " + a.field("nonce") + " that it never issued", a);
                    continue;
                }
                Optional<Instant> now = AutoJoinTrace.instant(a.field("local-time"));
                Optional<Instant> from = AutoJoinTrace.instant(issued.field("issued-at"));
                Optional<Instant> to = AutoJoinTrace.instant(issued.field("expires-at"));
                Duration tolerance = parseDuration(a.field("skew-tolerance"));
                if (now.isEmpty() || from.isEmpty() || to.isEmpty()) {
                    violation(out, "acceptance without a readable verifier time or window", issued, a);
                } else if (now.get().isAfter(to.get().plus(tolerance))
                        || now.get().isBefore(from.get().minus(tolerance))) {
                    violation(out, a.node() + " accepted at " + now.get() + " (its clock) a challenge valid "
                            + from.get() + " .. " + to.get() + " (tolerance " + tolerance + ")", issued, a);
                }
            }
        }

        private static Duration parseDuration(String text) {
            try {
                return text == null ? Duration.ZERO : Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return Duration.ZERO;
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
     * No acceptance under a missing, revoked, expired, too narrow or differently bound grant: at the moment of
     * acceptance (the verifier's clock) the grant exists, is not revoked (neither by its own flag nor by an
     * earlier revocation on that member), has not expired, covers the purpose, and binds the very key that
     * verified the signature, which is also the key the member trusts for that client. Session keys after an
     * automatic join go only to that key.
     */
    static final class GrantValidity extends Base {
        GrantValidity() {
            super(GRANT_VALIDITY, "No automatic join is accepted under a missing, expired, revoked or differently "
                    + "bound grant.");
        }

        @Override
        void check(AutoJoinTrace t, List<Violation> out) {
            for (TraceEvent a : t.audits(AutoJoinTrace.ACCEPTED)) {
                String problem = problem(t, a);
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
                } else if (!d.field("recipient-key-fingerprint").equals(acceptance.field("grant-key-fingerprint"))) {
                    violation(out, d.node() + " encrypted the session key to " + d.field("recipient-key-fingerprint")
                            + ", not to the granted key " + acceptance.field("grant-key-fingerprint"), acceptance,
                            d);
                }
            }
        }

        private static String problem(AutoJoinTrace t, TraceEvent a) {
            if (!"true".equals(a.field("grant-present"))) {
                return "no grant";
            }
            if ("true".equals(a.field("grant-revoked"))) {
                return "the grant is revoked";
            }
            for (TraceEvent r : t.auditsBefore(AutoJoinTrace.GRANT_REVOKED, a.node(), a)) {
                if (a.field("requester").equals(r.field("grant-trusted-client"))
                        && t.auditsBefore(AutoJoinTrace.GRANT_CREATED, a.node(), a).stream().noneMatch(c ->
                                c.seq() > r.seq() && a.field("requester").equals(c.field("grant-trusted-client")))) {
                    return "the grant was revoked at " + r.field("revoked-at");
                }
            }
            Optional<Instant> now = AutoJoinTrace.instant(a.field("local-time"));
            Optional<Instant> expires = AutoJoinTrace.instant(a.field("grant-expires"));
            if (now.isEmpty() || expires.isEmpty() || !now.get().isBefore(expires.get())) {
                return "the grant expired at " + a.field("grant-expires") + " (verifier time " + a.field(
                        "local-time") + ")";
            }
            if (!a.field("requester").equals(a.field("grant-trusted-client"))) {
                return "the grant is for " + a.field("grant-trusted-client");
            }
            if (!scopeCovers(a.field("grant-scope"), a.field("purpose"))) {
                return "a " + a.field("grant-scope") + " grant does not cover " + a.field("purpose");
            }
            String verified = a.field("verified-key-fingerprint");
            if (verified == null || !verified.equals(a.field("grant-key-fingerprint"))) {
                return "the signature was checked with key " + verified + ", the grant binds "
                        + a.field("grant-key-fingerprint");
            }
            if (!verified.equals(a.field("trusted-key-fingerprint"))) {
                return "the grant's key " + verified + " is no longer the trusted key "
                        + a.field("trusted-key-fingerprint");
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
                legitimate = t.auditsBefore(AutoJoinTrace.ACCEPTED, d.node(), d).stream().anyMatch(a ->
                        AutoJoinTrace.same(a, d, "session", "nonce") && d.field("recipient").equals(
                                a.field("requester")) && recipientKey.equals(a.field("grant-key-fingerprint"))
                                && recipientKey.equals(a.field("trusted-key-fingerprint")));
            }
            return legitimate && t.attackerHeldKey(recipientKey, l);
        }
    }
}
