package org.trustlab.properties.vouch;

import static org.trustlab.reference.vouch.VouchAudit.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.vouch.VouchCodec;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouch invariants: proxied-key secrecy, trust-chain soundness, no multi-hop, freshness on the receiver's clock,
 * no replay, signature authenticity, queue liveness, session completion, and propagation only under user control.
 * Each is broken by at least one mutant of the reference ({@link VouchMutantMap}).
 */
public final class VouchInvariants {
    public static final String PROTOCOL = "vouch";
    public static final String PROXIED_KEY_SECRECY = "vouch.proxied-key-secrecy";
    public static final String TRUST_CHAIN_SOUNDNESS = "vouch.trust-chain-soundness";
    public static final String NO_MULTI_HOP = "vouch.no-multi-hop";
    public static final String FRESHNESS = "vouch.freshness";
    public static final String NO_REPLAY = "vouch.no-replay";
    public static final String SIGNATURE_AUTHENTICITY = "vouch.signature-authenticity";
    public static final String QUEUE_LIVENESS = "vouch.queue-liveness";
    public static final String SESSION_COMPLETION = "vouch.session-completion";
    public static final String USER_CONTROLLED_PROPAGATION = "vouch.user-controlled-propagation";
    public static final String VOUCHER_TRUSTED = "vouch.voucher-trusted";
    public static final String NO_OVERWRITE = "vouch.no-overwrite";
    public static final String VOUCHER_BLIND = "vouch.voucher-blind";
    public static final String VOUCHEE_KEY_BINDING = "vouch.vouchee-key-binding";

    private static final String DIRECT = "Direct";

    private VouchInvariants() {}

    public static List<Invariant> all() {
        return List.of(new ProxiedKeySecrecy(), new TrustChainSoundness(), new NoMultiHop(), new Freshness(),
                new NoReplay(), new SignatureAuthenticity(), new QueueLiveness(), new SessionCompletion(),
                new UserControlledPropagation(), new VoucherTrusted(), new NoOverwrite(), new VoucherBlind(),
                new VoucheeKeyBinding(), new VouchLiveness.NoDenial(), new VouchLiveness.NoDisagreement());
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
            VouchTrace t = VouchTrace.of(trace);
            List<Violation> out = new ArrayList<>();
            check(t, out);
            return new Judgement(subjects(t), out);
        }

        abstract void check(VouchTrace t, List<Violation> out);

        /** How many things of the trace this invariant judged; none makes the run vacuous for it. */
        abstract int subjects(VouchTrace t);

        void violation(List<Violation> out, String message, TraceEvent... evidence) {
            out.add(new Violation(id, message, List.of(evidence)));
        }
    }

    /**
     * Only the receiving device and the vouchee hold a proxied session key, and in the {@code spacedrive} profile
     * (the world's fact, not the holder's word) the voucher that vouched for that pair, which derives every proxied
     * key by the source's design. No other device audits {@code holds-proxied-key} for it, and the attacker learns it
     * only by holding the keys of one of those admitted holders ({@link #voucherKeysHeld} for the voucher): this
     * attacker check is on in every run, whatever the profile. That the voucher holds the key at all is {@link VoucherBlind}'s business.
     */
    static final class ProxiedKeySecrecy extends Base {
        ProxiedKeySecrecy() {
            super(PROXIED_KEY_SECRECY, "Only the receiving device and the vouchee (and, in the spacedrive profile, "
                    + "their voucher) hold a proxied session key; the attacker learns none without their keys.");
        }

        /** Every proxied key a device holds and every one the attacker learned. */
        @Override
        int subjects(VouchTrace t) {
            return t.audits(HOLDS_PROXIED_KEY).size() + (int) t.of(Kind.ATTACKER, "learned").stream()
                    .filter(l -> "proxied-session-key".equals(l.field("kind"))).count();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            boolean voucherAdmitted = VouchWorld.of(t.trace()).profile().filter("spacedrive"::equals).isPresent();
            Map<String, List<TraceEvent>> byKey = new TreeMap<>();
            for (TraceEvent h : subject(t)) {
                byKey.computeIfAbsent(h.field(KEY_FINGERPRINT), k -> new ArrayList<>()).add(h);
                String holder = h.node();
                boolean admitted = holder.equals(h.field(RECEIVER)) || holder.equals(h.field(VOUCHEE))
                        || (voucherAdmitted && vouchedFor(t, h));
                if (!admitted) {
                    violation(out, holder + " holds the proxied session key " + h.field(KEY_FINGERPRINT) + " of "
                            + h.field(RECEIVER) + " and " + h.field(VOUCHEE) + " (session " + h.field(SESSION_ID)
                            + ")", h);
                }
            }
            for (TraceEvent learned : t.of(Kind.ATTACKER, "learned")) {
                if (!"proxied-session-key".equals(learned.field("kind"))) {
                    continue;
                }
                for (TraceEvent h : byKey.getOrDefault(learned.field("fingerprint"), List.of())) {
                    // Judged at the leak: a compromise after the attacker learned the key does not excuse it.
                    boolean viaHolder = t.attackerHeld(h.field(RECEIVER), learned)
                            || t.attackerHeld(h.field(VOUCHEE), learned)
                            || (voucherAdmitted && voucherKeysHeld(t, h, learned));
                    if (!viaHolder) {
                        violation(out, "the attacker learned the proxied session key " + h.field(KEY_FINGERPRINT)
                                + " of " + h.field(RECEIVER) + " and " + h.field(VOUCHEE)
                                + " without holding " + (voucherAdmitted ? "theirs or their voucher's" : "either's")
                                + " keys", learned, h);
                        break;
                    }
                }
            }
        }

        /** What it judges: every holding of a proxied key a device reports. */
        static List<TraceEvent> subject(VouchTrace t) {
            return t.audits(HOLDS_PROXIED_KEY);
        }
    }

    /**
     * Whether the holder of this proxied key is the voucher of its pair: it signed a vouch of that session for that
     * vouchee to that receiver (the spacedrive voucher derives the key just before it signs), whatever the holding
     * names as voucher.
     */
    static boolean vouchedFor(VouchTrace t, TraceEvent h) {
        return vouchersOf(t, h).contains(h.node());
    }

    /**
     * Whether the attacker held, at {@code learned}, the keys of a voucher of this pair: one that signed its vouch,
     * or the one the holding names (a vouch signed with a compromised voucher's key carries a key the signer chose,
     * in the spacedrive profile).
     */
    static boolean voucherKeysHeld(VouchTrace t, TraceEvent h, TraceEvent learned) {
        String named = h.field(VOUCHER);
        return (named != null && t.attackerHeld(named, learned))
                || vouchersOf(t, h).stream().anyMatch(v -> t.attackerHeld(v, learned));
    }

    /** The devices that signed a vouch of this holding's session for its vouchee to its receiver. */
    static List<String> vouchersOf(VouchTrace t, TraceEvent h) {
        return t.audits(VOUCH_SIGNED).stream().filter(s -> same(s, h, SESSION_ID, VOUCHEE)
                && Objects.equals(s.field(TARGET), h.field(RECEIVER))).map(TraceEvent::node).distinct().toList();
    }

    /**
     * The hardened profile's promise: a voucher never holds the proxied session key of a pair it vouched for (it
     * introduces the two, the target and the vouchee agree the key between themselves). The {@code spacedrive}
     * profile breaks it by the source's design (the voucher derives every proxied key from its own pairing secret
     * with the vouchee): admitted there as a FINDING, checked everywhere else.
     */
    static final class VoucherBlind extends Base {
        VoucherBlind() {
            super(VOUCHER_BLIND, "No voucher holds the proxied session key of a pair it vouched for.");
        }

        /** Every proxied key a device holds and every one the attacker learned. */
        @Override
        int subjects(VouchTrace t) {
            return ProxiedKeySecrecy.subject(t).size() + (int) t.of(Kind.ATTACKER, "learned").stream()
                    .filter(l -> "proxied-session-key".equals(l.field("kind"))).count();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            Map<String, TraceEvent> voucherHeld = new TreeMap<>();
            for (TraceEvent h : ProxiedKeySecrecy.subject(t)) {
                if (vouchedFor(t, h)) {
                    voucherHeld.putIfAbsent(h.field(KEY_FINGERPRINT), h);
                    violation(out, h.node() + " holds the proxied session key " + h.field(KEY_FINGERPRINT) + " of "
                            + h.field(RECEIVER) + " and " + h.field(VOUCHEE) + ", whom it vouched for (session "
                            + h.field(SESSION_ID) + ")", h);
                }
            }
            // What follows from it: whoever holds the voucher's keys learns the pair's key too.
            for (TraceEvent learned : t.of(Kind.ATTACKER, "learned")) {
                TraceEvent h = voucherHeld.get(learned.field("fingerprint"));
                if (h != null && "proxied-session-key".equals(learned.field("kind"))
                        && t.attackerHeld(h.node(), learned) && !t.attackerHeld(h.field(RECEIVER), learned)
                        && !t.attackerHeld(h.field(VOUCHEE), learned)) {
                    violation(out, "the attacker learned the proxied session key " + h.field(KEY_FINGERPRINT) + " of "
                            + h.field(RECEIVER) + " and " + h.field(VOUCHEE) + " through the keys of their voucher "
                            + h.node(), learned, h);
                }
            }
        }
    }

    /**
     * Source: the vouch signature covers the vouchee's public key. Every Proxied pairing a device stores holds its
     * peer's own identity key, the one the world gave that device (not one the voucher or the vouch claims), unless
     * the attacker held the keys of the voucher it rests on when it was stored (then it signs what it likes). A peer
     * the world has no identity for is the attacker's own pseudo-device, whose vouch is signature authenticity's
     * business.
     */
    static final class VoucheeKeyBinding extends Base {
        VoucheeKeyBinding() {
            super(VOUCHEE_KEY_BINDING, "Every Proxied pairing holds its peer's own identity key.");
        }

        /** Every Proxied pairing a device stored. */
        @Override
        int subjects(VouchTrace t) {
            return subject(t).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent stored : subject(t)) {
                String peer = stored.field(PEER);
                Optional<String> genuine = peer == null ? Optional.empty() : world.identityKey(peer);
                if (genuine.isEmpty() || t.attackerHeld(stored.field(VOUCHER), stored)) {
                    continue;
                }
                if (!genuine.get().equals(stored.field("peer-key"))) {
                    violation(out, stored.node() + " stored " + peer + " as Proxied (voucher " + stored.field(VOUCHER)
                            + ") under the key " + stored.field("peer-key") + ", not " + peer + "'s own "
                            + genuine.get(), stored);
                }
            }
        }

        /** What it judges: every Proxied pairing a device stores. */
        static List<TraceEvent> subject(VouchTrace t) {
            return t.audits(PAIRING_STORED).stream().filter(e -> "Proxied".equals(e.field(PAIRING_TYPE))).toList();
        }
    }

    /**
     * Every Proxied pairing on a device R has the chain R -direct-> voucher -direct-> vouchee: the voucher was
     * directly paired with R when R accepted (not unpaired meanwhile), and the voucher had the vouchee as a Direct
     * pairing when it signed. Only a compromised voucher is excused. A vouch the voucher withdrew (it unpaired the
     * vouchee) while the vouch was on its way may still be accepted, but then R must flag that pairing once the
     * voucher's ProxyPairingRevoked can reach it ({@link #withdrawalSettled}).
     */
    static final class TrustChainSoundness extends Base {
        TrustChainSoundness() {
            super(TRUST_CHAIN_SOUNDNESS, "Every Proxied pairing on R rests on R -direct-> voucher -direct-> vouchee, "
                    + "with the voucher directly paired with R when R accepted.");
        }

        /** Every accepted vouch and every stored Proxied pairing. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size() + t.accepted(OUTCOME_PROXIED_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                String r = a.node();
                String v = a.field(VOUCHER);
                String e = a.field(VOUCHEE);
                if (!(r + ">" + v + ">" + e).equals(a.field(CHAIN))) {
                    violation(out, r + " recorded the chain " + a.field(CHAIN) + " for " + e + " vouched by " + v, a);
                }
                if (t.attackerHeld(v, a)) {
                    continue;
                }
                Optional<TraceEvent> rv = t.lastPairingEvent(r, v, a);
                if (rv.isPresent() && rv.get().type().equals(PAIRING_REMOVED)) {
                    violation(out, r + " accepted " + e + " on the word of " + v + ", whom it had unpaired", rv.get(),
                            a);
                }
                Optional<TraceEvent> signed = matchingSignature(t, a);
                if (signed.isEmpty()) {
                    continue;
                }
                if (!DIRECT.equals(signed.get().field(VOUCHEE_PAIRING_TYPE))) {
                    violation(out, v + " vouched for " + e + " without a Direct pairing with it", signed.get(), a);
                }
                Optional<TraceEvent> ve = t.lastPairingEvent(v, e, a);
                if (ve.isPresent() && ve.get().type().equals(PAIRING_REMOVED) && ve.get().seq() > signed.get().seq()
                        && !withdrawalSettled(t, a, signed.get(), r, v, e)) {
                    violation(out, r + " accepted " + e + " after " + v + " unpaired it, and still holds the "
                            + "pairing unflagged although " + v + "'s withdrawal could reach it", ve.get(), a);
                }
            }
            for (TraceEvent a : t.accepted(OUTCOME_PROXIED_PAIRING)) {
                String e = a.node();
                String v = a.field(VOUCHER);
                String d = a.field(DEVICE);
                if (!(e + ">" + v + ">" + d).equals(a.field(CHAIN))) {
                    violation(out, e + " recorded the chain " + a.field(CHAIN) + " for " + d, a);
                }
                Optional<TraceEvent> ev = t.lastPairingEvent(e, v, a);
                if (ev.isPresent() && ev.get().type().equals(PAIRING_REMOVED) && !t.attackerHeld(v, a)) {
                    violation(out, e + " stored " + d + " on the word of " + v + ", whom it had unpaired", ev.get(), a);
                }
            }
        }
    }

    /**
     * A vouch withdrawn while it was on its way cannot be stopped at the target (it may accept before any notice
     * arrives), so acceptance in that race is sound only if it is undone: by the end of the run R has flagged or
     * removed the pairing, or the withdrawal could not reach R — v no longer paired with R (R learns through the
     * Unpair, if that arrives), a ProxyPairingRevoked from v to R lost or still in transit, or R's accepting answer
     * (which makes v tell R again) never reaching v intact.
     */
    static boolean withdrawalSettled(VouchTrace t, TraceEvent a, TraceEvent signed, String r, String v, String e) {
        for (String type : List.of(PROXIED_PAIRING_FLAGGED, PAIRING_REMOVED)) {
            for (TraceEvent x : t.audits(type)) {
                if (x.seq() > a.seq() && x.node().equals(r) && e.equals(x.field(PEER))) {
                    return true;
                }
            }
        }
        for (TraceEvent x : t.audits(PAIRING_REMOVED)) {
            if (x.seq() > signed.seq() && x.node().equals(v) && r.equals(x.field(PEER))) {
                return true; // v dropped r
            }
        }
        for (TraceEvent sent : t.of(Kind.SEND, VouchCodec.PROXY_PAIRING_REVOKED)) {
            // The withdrawal reached R intact after it accepted, and R flagged nothing (that returned above).
            if (sent.seq() > signed.seq() && sent.node().equals(v) && r.equals(sent.field("to"))
                    && deliveredIntactAfter(t, sent, r, a.seq())) {
                return false;
            }
        }
        for (TraceEvent sent : t.of(Kind.SEND, VouchCodec.PROXY_PAIRING_REVOKED)) {
            if (sent.seq() > signed.seq() && sent.node().equals(v) && r.equals(sent.field("to"))
                    && !deliveredIntact(t, sent, r)) {
                return true;
            }
        }
        for (TraceEvent answer : t.of(Kind.SEND, VouchCodec.PROXY_PAIRING_RESPONSE)) {
            if (answer.seq() > a.seq() && answer.node().equals(r) && v.equals(answer.field("to"))) {
                return !deliveredIntact(t, answer, v); // the first answer
            }
        }
        return true;
    }

    /** Whether the message of this SEND reached {@code to} unaltered (same message id, same bytes). */
    static boolean deliveredIntact(VouchTrace t, TraceEvent sent, String to) {
        return deliveredIntactAfter(t, sent, to, sent.seq());
    }

    /** Whether the message of this SEND reached {@code to} unaltered after trace position {@code after}. */
    static boolean deliveredIntactAfter(VouchTrace t, TraceEvent sent, String to, long after) {
        String id = sent.field("msg-id");
        String hash = sent.field("bytes-sha256");
        if (id == null || hash == null) {
            return false;
        }
        for (TraceEvent x : t.deliveries(id)) {
            if (x.seq() > Math.max(after, sent.seq()) && x.node().equals(to)
                    && hash.equals(x.field("bytes-sha256"))) {
                return true;
            }
        }
        return false;
    }

    /** The vouch-signed audit on the claimed voucher that an acceptance corresponds to (target = the receiver). */
    static Optional<TraceEvent> matchingSignature(VouchTrace t, TraceEvent a) {
        return t.latestBefore(a.field(VOUCHER), a, Kind.AUDIT, VOUCH_SIGNED,
                s -> same(s, a, SESSION_ID, VOUCHEE, VOUCHEE_KEY, VOUCH_TIMESTAMP)
                        && a.node().equals(s.field(TARGET)));
    }

    static boolean same(TraceEvent x, TraceEvent y, String... keys) {
        for (String k : keys) {
            if (x.field(k) == null || !x.field(k).equals(y.field(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The source's first non-goal: no device vouches over a Proxied pairing (the vouchee and the target are Direct
     * pairings of the voucher), and no device accepts a vouch, or a ProxyPairingComplete, from a voucher it holds
     * only as Proxied.
     */
    static final class NoMultiHop extends Base {
        NoMultiHop() {
            super(NO_MULTI_HOP, "Only directly paired devices vouch: no vouch crosses or rests on a Proxied pairing.");
        }

        /** Every signed and every accepted vouch, and every stored Proxied pairing. */
        @Override
        int subjects(VouchTrace t) {
            return t.audits(VOUCH_SIGNED).size() + t.accepted(OUTCOME_PROXY_PAIRING).size()
                    + t.accepted(OUTCOME_PROXIED_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent s : t.audits(VOUCH_SIGNED)) {
                // The voucher's report of its pairings, and what the world and the trace say they were: either
                // saying Proxied is a second hop.
                boolean proxied = proxied(t, world, s.node(), s.field(VOUCHEE), s)
                        || proxied(t, world, s.node(), s.field(TARGET), s);
                if (!DIRECT.equals(s.field(VOUCHEE_PAIRING_TYPE)) || !DIRECT.equals(s.field(TARGET_PAIRING_TYPE))
                        || proxied) {
                    violation(out, s.node() + " vouched " + s.field(VOUCHEE) + " (" + s.field(VOUCHEE_PAIRING_TYPE)
                            + ") to " + s.field(TARGET) + " (" + s.field(TARGET_PAIRING_TYPE) + "): a second hop", s);
                }
            }
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                if (!DIRECT.equals(a.field(VOUCHER_PAIRING_TYPE)) || proxied(t, world, a.node(), a.field(VOUCHER), a)) {
                    violation(out, a.node() + " accepted a vouch from " + a.field(VOUCHER)
                            + ", a Proxied device", a);
                }
            }
            for (TraceEvent a : t.accepted(OUTCOME_PROXIED_PAIRING)) {
                if (!DIRECT.equals(a.field(VOUCHER_PAIRING_TYPE)) || proxied(t, world, a.node(), a.field(VOUCHER), a)) {
                    violation(out, a.node() + " stored " + a.field(DEVICE) + " from a ProxyPairingComplete of "
                            + a.field(VOUCHER) + ", a Proxied device", a);
                }
            }
        }

        /**
         * Whether {@code node} held {@code peer} as a Proxied pairing at {@code at}: by its latest pairing store
         * before then, or, with none stored or removed since, by the scenario's set-up (the world's fact).
         */
        private static boolean proxied(VouchTrace t, VouchWorld world, String node, String peer, TraceEvent at) {
            if (peer == null) {
                return false;
            }
            Optional<TraceEvent> last = t.lastPairingEvent(node, peer, at);
            if (last.isPresent()) {
                return last.get().type().equals(PAIRING_STORED) && !DIRECT.equals(last.get().field(PAIRING_TYPE));
            }
            return world.setupPairingType(node, peer).filter(type -> !DIRECT.equals(type)).isPresent();
        }
    }

    /**
     * No receiver accepts a vouch from a voucher its user marked Blocked or Unreliable: the trust level is the one
     * the world knows (the set-up pairing's, or the user's latest {@code network.device.trust} before the
     * acceptance), never the level the receiver reports. A receiver never paired with the voucher is the business
     * of trust-chain soundness.
     */
    static final class VoucherTrusted extends Base {
        VoucherTrusted() {
            super(VOUCHER_TRUSTED, "No receiver accepts a vouch from a voucher its user marked Blocked or "
                    + "Unreliable.");
        }

        /** Every accepted vouch. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                String voucher = a.field(VOUCHER);
                Optional<String> level = voucher == null ? Optional.empty()
                        : world.trustLevel(a.node(), voucher, a.seq());
                if (level.isPresent() && !level.get().equals("Trusted")) {
                    violation(out, a.node() + " accepted " + a.field(VOUCHEE) + " on the word of " + voucher
                            + ", whom its user marked " + level.get(), a);
                }
            }
        }
    }

    /**
     * "The vouchee must not already be paired": no receiver accepts a vouch for a device it holds a pairing with,
     * which the vouch would replace (a Direct pairing the user confirmed, overwritten on a voucher's word). Held
     * means set up paired (the world's fact) or stored since, and not removed before the acceptance's own store.
     */
    static final class NoOverwrite extends Base {
        NoOverwrite() {
            super(NO_OVERWRITE, "No vouch replaces a pairing the receiver already holds with the vouchee.");
        }

        /** Every accepted vouch. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                String r = a.node();
                String e = a.field(VOUCHEE);
                if (e == null) {
                    continue;
                }
                // The acceptance stores its own Proxied pairing just before it reports; the question is what R held
                // before that store.
                TraceEvent own = t.latestBefore(r, a, Kind.AUDIT, PAIRING_STORED, x -> e.equals(x.field(PEER)))
                        .orElse(a);
                Optional<TraceEvent> before = t.lastPairingEvent(r, e, own);
                boolean held = before.map(x -> x.type().equals(PAIRING_STORED))
                        .orElse(world.pairedAtSetup(r, e));
                if (held) {
                    violation(out, r + " accepted a vouch for " + e + " from " + a.field(VOUCHER)
                            + " while already paired with it: the vouch replaced that pairing",
                            before.map(x -> new TraceEvent[] {x, a}).orElse(new TraceEvent[] {a}));
                }
            }
        }
    }

    /**
     * No vouch is accepted outside {@code vouch_signature_max_age} as the receiver's own clock measured it on
     * receipt (nor further in the future than the skew tolerance): a voucher with a skewed clock cannot stretch the
     * window. The limits are the configured ones and the clock reading the simulator's ({@link #receivedAt}); the
     * timestamp is the accepted vouch's, which signature authenticity holds to the one the voucher signed.
     */
    static final class Freshness extends Base {
        Freshness() {
            super(FRESHNESS, "No vouch is accepted older than vouch_signature_max_age (or dated ahead by more than the "
                    + "skew tolerance) on the receiver's clock.");
        }

        /** Every accepted vouch. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                Optional<Instant> ts = VouchTrace.instant(a.field(VOUCH_TIMESTAMP));
                Optional<Instant> seen = receivedAt(t, a);
                if (ts.isEmpty() || seen.isEmpty()) {
                    violation(out, a.node() + " accepted a vouch without recording its timestamp and its clock", a);
                    continue;
                }
                Optional<VouchWorld.Limits> limits = VouchWorld.of(t.trace()).limits(a.node());
                if (limits.isEmpty()) {
                    violation(out, a.node() + " accepted a vouch without configured limits", a);
                    continue;
                }
                long age = Duration.between(ts.get(), seen.get()).toMillis();
                // The configured limits, never the ones the receiver reports: a receiver wrong about its own
                // vouch_signature_max_age is judged by the one it was given.
                long max = limits.get().maxAge().toMillis();
                long ahead = limits.get().skewTolerance().toMillis();
                if (age > max) {
                    violation(out, a.node() + " accepted a vouch " + age + " ms old on its own clock (limit " + max
                            + " ms)", a);
                } else if (-age > ahead) {
                    violation(out, a.node() + " accepted a vouch dated " + (-age) + " ms ahead of its clock (limit "
                            + ahead + " ms)", a);
                }
            }
        }
    }

    /**
     * The receiver's clock when the accepted vouch arrived, as the simulator read it (its {@code local-time} stamp,
     * not the time the receiver reports): at the prompt for that vouch if the user decided, else at the acceptance,
     * which an automatic acceptance makes in the step that received the vouch.
     */
    static Optional<Instant> receivedAt(VouchTrace t, TraceEvent a) {
        TraceEvent at = t.latestBefore(a.node(), a, Kind.AUDIT, CONFIRMATION_REQUIRED,
                p -> p.field(VOUCH_ID) != null && p.field(VOUCH_ID).equals(a.field(VOUCH_ID))).orElse(a);
        return VouchTrace.instant(at.field("local-time"));
    }

    /**
     * A vouch is acted on at most once per receiver: no receiver accepts or prompts for the same vouch twice, nor
     * accepts the same (voucher, session, vouchee) twice, nor prompts for it twice unless a crash lost the first
     * prompt unanswered; no vouchee stores the same device of one session twice.
     */
    static final class NoReplay extends Base {
        NoReplay() {
            super(NO_REPLAY, "No vouch is consumed more than once by a receiver.");
        }

        /** Every accepted vouch, prompt and stored Proxied pairing. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size() + t.audits(CONFIRMATION_REQUIRED).size()
                    + t.accepted(OUTCOME_PROXIED_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            once(t.accepted(OUTCOME_PROXY_PAIRING), out, "accepted", VOUCH_ID);
            once(t.accepted(OUTCOME_PROXY_PAIRING), out, "accepted", VOUCHER, SESSION_ID, VOUCHEE);
            once(t.audits(CONFIRMATION_REQUIRED), out, "prompted for", VOUCH_ID);
            // A prompt is volatile: one lost in a crash, never answered, is shown again for the voucher's re-send of
            // that session (a new vouch; the same vouch is still refused from the persistent replay cache).
            onceBetweenCrashes(t, t.audits(CONFIRMATION_REQUIRED), out, "prompted for", VOUCHER, SESSION_ID,
                    VOUCHEE);
            once(t.accepted(OUTCOME_PROXIED_PAIRING), out, "stored", VOUCHER, SESSION_ID, DEVICE);
        }

        private void once(List<TraceEvent> events, List<Violation> out, String what, String... keys) {
            onceBetweenCrashes(null, events, out, what, keys);
        }

        /** Each key at most once per node; with {@code t} given, once per stretch between crashes of the node. */
        private void onceBetweenCrashes(VouchTrace t, List<TraceEvent> events, List<Violation> out, String what,
                String... keys) {
            Map<String, TraceEvent> first = new TreeMap<>();
            for (TraceEvent e : events) {
                StringBuilder k = new StringBuilder(e.node());
                for (String key : keys) {
                    k.append('\u0000').append(e.field(key));
                }
                TraceEvent earlier = first.putIfAbsent(k.toString(), e);
                if (earlier != null && t != null && t.of(Kind.CRASH).stream().anyMatch(c -> c.node().equals(e.node())
                        && c.seq() > earlier.seq() && c.seq() < e.seq())) {
                    first.put(k.toString(), e);
                    continue;
                }
                if (earlier != null) {
                    violation(out, e.node() + " " + what + " the same vouch twice (" + String.join(", ", keys) + ": "
                            + k.toString().replace('\u0000', ' ').trim() + ")", earlier, e);
                }
            }
        }
    }

    /**
     * Authentication as injective agreement: every accepted vouch matches a vouch the claimed voucher signed, for
     * this receiver as its target, with the same session, vouchee, vouchee key and timestamp (unless the attacker
     * held the voucher's key); every device the vouchee stores accepted that vouchee in that session.
     */
    static final class SignatureAuthenticity extends Base {
        SignatureAuthenticity() {
            super(SIGNATURE_AUTHENTICITY, "Every accepted vouch was signed by the claimed voucher for this receiver, "
                    + "session, vouchee and timestamp.");
        }

        /** Every accepted vouch and every stored Proxied pairing. */
        @Override
        int subjects(VouchTrace t) {
            return t.accepted(OUTCOME_PROXY_PAIRING).size() + t.accepted(OUTCOME_PROXIED_PAIRING).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            for (TraceEvent a : t.accepted(OUTCOME_PROXY_PAIRING)) {
                if (matchingSignature(t, a).isEmpty() && !t.attackerHeld(a.field(VOUCHER), a)) {
                    Optional<TraceEvent> other = t.latestBefore(a.field(VOUCHER), a, Kind.AUDIT, VOUCH_SIGNED,
                            s -> same(s, a, SESSION_ID, VOUCHEE, VOUCH_TIMESTAMP));
                    String why = other.map(s -> "that vouch was signed for " + s.field(TARGET))
                            .orElse("no such vouch was signed");
                    violation(out, a.node() + " accepted " + a.field(VOUCHEE) + " in the name of " + a.field(VOUCHER)
                            + " (session " + a.field(SESSION_ID) + "): " + why, a);
                }
            }
            for (TraceEvent a : t.accepted(OUTCOME_PROXIED_PAIRING)) {
                String d = a.field(DEVICE);
                boolean agreed = t.latestBefore(d, a, Kind.OUTCOME, OUTCOME_PROXY_PAIRING,
                        x -> "accepted".equals(x.field("result")) && a.node().equals(x.field(VOUCHEE))
                                && same(x, a, VOUCHER, SESSION_ID)).isPresent();
                if (!agreed && !t.attackerHeld(a.field(VOUCHER), a) && !t.attackerHeld(d, a)) {
                    violation(out, a.node() + " stored " + d + " as accepting it (session " + a.field(SESSION_ID)
                            + ") but " + d + " never accepted it", a);
                }
            }
        }
    }

    /**
     * The offline queue: a queued vouch whose target and voucher are both up, and not partitioned from each other,
     * for long enough before the entry's {@code expires_at} is delivered to the target; and no queued vouch is sent
     * at or after its {@code expires_at} (voucher's clock). Delivered means the request reached the target, or the
     * target's signed answer for it dequeued it (the request may have arrived before it was queued, when only its
     * acknowledgement was lost); a vouch withdrawn by the voucher, or to a target that unpaired the voucher, is
     * exempt. Liveness is claimed only over a fair link: runs where a message the delivery rests on
     * ({@link #DELIVERY_TAGS}) between the two was lost, or dropped, delayed, redirected or altered by the attacker,
     * or one was forged or replayed into the link (an attack on delivery is {@code vouch.no-denial}'s to judge),
     * while the vouch was owed are exempt. "Long enough" is the voucher's own
     * worst case (presence-probe cap, polls, acknowledgement timeouts) plus a minute. The trace has no end-of-run
     * event, so a run counts as observed until its last event.
     */
    static final class QueueLiveness extends Base {
        private static final java.util.Set<String> WITHDRAWALS = java.util.Set.of("VOUCH_REVOKED", "STALE");
        /**
         * The messages a queued vouch's delivery rests on: the presence that tells the voucher the target is up, the
         * request, its transport acknowledgement and the target's answer (which dequeues it). A loss of anything else
         * on the link (a direct pairing's message, an unpairing, a completion) leaves the delivery untouched.
         */
        static final java.util.Set<String> DELIVERY_TAGS = java.util.Set.of(VouchCodec.PRESENCE,
                VouchCodec.PROXY_PAIRING_REQUEST, VouchCodec.TRANSPORT_ACK, VouchCodec.PROXY_PAIRING_RESPONSE);

        QueueLiveness() {
            super(QUEUE_LIVENESS, "A queued vouch to a target that comes online before expiry is delivered; none is "
                    + "sent after expiry.");
        }

        /** Every queued vouch and every send from the queue. */
        @Override
        int subjects(VouchTrace t) {
            return t.audits(VOUCH_QUEUED).size() + (int) t.audits(VOUCH_SENT).stream()
                    .filter(x -> "true".equals(x.field(FROM_QUEUE))).count();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent s : t.audits(VOUCH_SENT)) {
                if (!"true".equals(s.field(FROM_QUEUE))) {
                    continue;
                }
                // Expiry on the voucher's clock (the simulator's reading of it): the configured entry lifetime after
                // the vouch was queued, not the expiry the voucher reports.
                Optional<TraceEvent> queued = t.latestBefore(s.node(), s, Kind.AUDIT, VOUCH_QUEUED,
                        q -> Objects.equals(q.field(SESSION_ID), s.field(SESSION_ID))
                                && Objects.equals(q.field(TARGET), s.field(TARGET)));
                Optional<Instant> at = VouchTrace.instant(s.field("local-time"));
                Optional<Instant> expires = queued.flatMap(q -> VouchTrace.instant(q.field("local-time")))
                        .flatMap(from -> world.limits(s.node()).map(l -> from.plus(l.queueEntryLifetime())));
                if (at.isPresent() && expires.isPresent() && !at.get().isBefore(expires.get())) {
                    violation(out, s.node() + " sent the queued vouch of session " + s.field(SESSION_ID) + " to "
                            + s.field(TARGET) + " at " + at.get() + ", not before its expiry at " + expires.get(), s);
                }
            }
            long end = t.endNanos();
            for (TraceEvent q : t.audits(VOUCH_QUEUED)) {
                liveness(t, q, end, out);
            }
        }

        private void liveness(VouchTrace t, TraceEvent q, long end, List<Violation> out) {
            String v = q.node();
            String target = q.field(TARGET);
            String session = q.field(SESSION_ID);
            // The voucher's configured queue settings (the world's), never the ones it reports when it queues.
            Optional<VouchWorld.Limits> limits = VouchWorld.of(t.trace()).limits(v);
            if (limits.isEmpty()) {
                violation(out, v + " queued a vouch without configured queue settings", q);
                return;
            }
            VouchWorld.Limits l = limits.get();
            long expiry = Math.min(end, q.timeNanos() + l.queueEntryLifetime().toNanos());
            long grace = l.probeMaxInterval().plus(l.pollInterval().multipliedBy(3))
                    .plus(l.ackTimeout().multipliedBy(2)).plusMinutes(1).toNanos();
            long windowStart = firstWindow(t, v, target, q.timeNanos(), expiry, grace);
            if (windowStart < 0) {
                return;
            }
            long deadline = windowStart + grace;
            // Only a loss or an attack on the link while the vouch was owed excuses it, not one long after, and only
            // one that touched a message the delivery rests on.
            boolean unfair = t.of(Kind.DROP).stream().anyMatch(e -> e.timeNanos() >= q.timeNanos()
                    && e.timeNanos() <= deadline && link(e, v, target) && "loss".equals(e.field("reason"))
                    && DELIVERY_TAGS.contains(e.type()))
                    || t.of(Kind.ATTACKER).stream().anyMatch(e -> e.timeNanos() >= q.timeNanos()
                            && e.timeNanos() <= deadline && link(e, v, target)
                            && e.field("tag") != null && DELIVERY_TAGS.contains(e.field("tag"))
                            && (e.type().equals("drop") || e.type().equals("delay") || e.type().equals("redirect")
                                    || e.type().equals("tamper") || e.type().equals("inject")
                                    || e.type().equals("replay")));
            if (unfair) {
                return;
            }
            // Withdrawn: the voucher revoked the vouch (an unpairing) or its session row was already decided. Giving
            // up (retries exhausted, no response) on a link that was fair while the vouch was owed is no excuse.
            boolean withdrawn = t.audits(VOUCH_DEQUEUED).stream().anyMatch(e -> e.timeNanos() <= deadline
                    && e.node().equals(v) && session.equals(e.field(SESSION_ID))
                    && target.equals(e.field(TARGET)) && WITHDRAWALS.contains(e.field(DEQUEUE_REASON)));
            // Delivered: the request reached the target while queued, or the target's verified answer for this
            // session and target dequeued it. The second covers a request that arrived before it was queued (its
            // transport acknowledgement was lost, so the voucher queued it, then the answer came): the voucher only
            // dequeues as DELIVERED on a response signed by the target, which the target sends only on receipt.
            boolean delivered = t.of(Kind.DELIVER, VouchCodec.PROXY_PAIRING_REQUEST).stream().anyMatch(e ->
                    e.timeNanos() >= q.timeNanos() && e.timeNanos() <= deadline && e.node().equals(target)
                            && v.equals(e.field("from")))
                    || t.audits(VOUCH_DEQUEUED).stream().anyMatch(e -> e.timeNanos() >= q.timeNanos()
                            && e.timeNanos() <= deadline && e.node().equals(v) && session.equals(e.field(SESSION_ID))
                            && target.equals(e.field(TARGET)) && DEQUEUED_DELIVERED.equals(e.field(DEQUEUE_REASON)));
            // A target that unpaired the voucher no longer answers it (presence from an unpaired device is ignored)
            // and would refuse the vouch: if its Unpair notice was lost (sent while offline) the voucher cannot know,
            // and the vouch stays queued until it expires. Not a liveness failure: the two are no longer paired.
            boolean unpairedByTarget = t.audits(PAIRING_REMOVED).stream().anyMatch(e -> e.timeNanos() <= deadline
                    && e.node().equals(target) && v.equals(e.field(PEER)));
            if (!delivered && !withdrawn && !unpairedByTarget) {
                violation(out, "the vouch of session " + session + " queued by " + v + " for " + target
                        + " was not delivered although both were up and connected from t=" + seconds(windowStart)
                        + "s for " + seconds(grace) + "s before its expiry", q);
            }
        }

        private static boolean link(TraceEvent e, String a, String b) {
            String from = e.field("from");
            String to = e.field("to");
            return (a.equals(from) && b.equals(to)) || (b.equals(from) && a.equals(to));
        }

        /** The start of the first stretch of {@code grace} after {@code from} with both up and unpartitioned. */
        private static long firstWindow(VouchTrace t, String a, String b, long from, long until, long grace) {
            TreeSet<Long> points = new TreeSet<>();
            points.add(from);
            List<long[]> upA = t.upIntervals(a, until);
            List<long[]> upB = t.upIntervals(b, until);
            List<long[]> cut = t.partitionedIntervals(a, b, until);
            for (List<long[]> list : List.of(upA, upB, cut)) {
                for (long[] i : list) {
                    points.add(i[0]);
                    points.add(i[1]);
                }
            }
            long start = -1;
            for (long p : points) {
                if (p < from || p >= until) {
                    continue;
                }
                boolean ok = inside(upA, p) && inside(upB, p) && !inside(cut, p);
                if (ok && start < 0) {
                    start = p;
                } else if (!ok && start >= 0) {
                    if (p - start >= grace) {
                        return start;
                    }
                    start = -1;
                }
            }
            return start >= 0 && until - start >= grace ? start : -1;
        }

        private static boolean inside(List<long[]> intervals, long p) {
            for (long[] i : intervals) {
                if (p >= i[0] && p < i[1]) {
                    return true;
                }
            }
            return false;
        }

        private static String seconds(long nanos) {
            return Long.toString(nanos / 1_000_000_000L);
        }
    }

    /**
     * Source: "When all vouches reach a terminal state, the session becomes Completed" and the voucher then sends
     * ProxyPairingComplete to the vouchee; never Completed while a vouch is still open.
     */
    static final class SessionCompletion extends Base {
        SessionCompletion() {
            super(SESSION_COMPLETION, "Every vouching session whose vouches are all terminal becomes Completed, and "
                    + "only then.");
        }

        /** Every change of a session resource and every completed session. */
        @Override
        int subjects(VouchTrace t) {
            return t.audits(RESOURCE_CHANGED).size() + t.audits(SESSION_COMPLETED).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            Map<String, Map<String, String>> status = new TreeMap<>();
            Map<String, TraceEvent> awaiting = new TreeMap<>();
            for (TraceEvent e : t.audits(RESOURCE_CHANGED)) {
                String key = e.node() + "/" + e.field(SESSION_ID);
                Map<String, String> targets = status.computeIfAbsent(key, k -> new TreeMap<>());
                if (e.field(TARGET) != null) {
                    targets.put(e.field(TARGET), e.field(STATUS));
                    if (allTerminal(targets)) {
                        awaiting.putIfAbsent(key, e);
                    } else {
                        // A target added (or reopened) after the others were terminal: the session is open again.
                        awaiting.remove(key);
                    }
                    continue;
                }
                if ("Completed".equals(e.field(STATE))) {
                    if (!allTerminal(targets)) {
                        violation(out, e.node() + " completed session " + e.field(SESSION_ID) + " while " + targets
                                + " were not all terminal", e);
                    }
                    awaiting.remove(key);
                }
            }
            for (TraceEvent e : awaiting.values()) {
                violation(out, e.node() + " never completed session " + e.field(SESSION_ID) + " although every vouch "
                        + "in it was terminal", e);
            }
            for (TraceEvent c : t.audits(SESSION_COMPLETED)) {
                if (!"true".equals(c.field("vouchee-paired"))) {
                    continue;
                }
                boolean sent = t.of(Kind.SEND, VouchCodec.PROXY_PAIRING_COMPLETE).stream().anyMatch(e ->
                        e.seq() > c.seq() && e.node().equals(c.node()) && c.field(VOUCHEE).equals(e.field("to")));
                if (!sent) {
                    violation(out, c.node() + " completed session " + c.field(SESSION_ID) + " without sending "
                            + "ProxyPairingComplete to " + c.field(VOUCHEE), c);
                }
            }
        }

        private static boolean allTerminal(Map<String, String> targets) {
            return !targets.isEmpty() && targets.values().stream().allMatch(s -> s.equals("Accepted")
                    || s.equals("Rejected") || s.equals("Unreachable"));
        }
    }

    /**
     * The source's third non-goal: no automatic trust propagation without user control. Every vouching session is
     * started by the user's {@code network.pair.vouch} for that vouchee, or by {@code auto_vouch_to_all} when the
     * device is configured so; every signed vouch belongs to a started session.
     */
    static final class UserControlledPropagation extends Base {
        UserControlledPropagation() {
            super(USER_CONTROLLED_PROPAGATION, "Vouching starts only on the user's network.pair.vouch or under the "
                    + "configured auto_vouch_to_all.");
        }

        /** Every started session and every signed vouch. */
        @Override
        int subjects(VouchTrace t) {
            return t.audits(SESSION_STARTED).size() + t.audits(VOUCH_SIGNED).size();
        }

        @Override
        void check(VouchTrace t, List<Violation> out) {
            VouchWorld world = VouchWorld.of(t.trace());
            for (TraceEvent s : t.audits(SESSION_STARTED)) {
                String trigger = s.field(TRIGGER);
                if (TRIGGER_USER.equals(trigger)) {
                    boolean asked = t.latestBefore(s.node(), s, Kind.USER_ACTION, ACTION_VOUCH,
                            e -> s.field(VOUCHEE).equals(e.field("vouchee"))).isPresent();
                    if (!asked) {
                        violation(out, s.node() + " started vouching " + s.field(VOUCHEE) + " for the user, who never "
                                + "asked", s);
                    }
                } else if (!TRIGGER_AUTO.equals(trigger) || !world.autoVouchToAll(s.node())) {
                    // The configured auto_vouch_to_all (the world's), never the one the voucher reports.
                    violation(out, s.node() + " started vouching " + s.field(VOUCHEE) + " by itself (trigger "
                            + trigger + ", auto_vouch_to_all configured " + world.autoVouchToAll(s.node()) + ")", s);
                }
            }
            for (TraceEvent v : t.audits(VOUCH_SIGNED)) {
                boolean started = t.latestBefore(v.node(), v, Kind.AUDIT, SESSION_STARTED,
                        e -> v.field(SESSION_ID).equals(e.field(SESSION_ID))).isPresent();
                if (!started) {
                    violation(out, v.node() + " signed a vouch for session " + v.field(SESSION_ID)
                            + " that was never started", v);
                }
            }
        }
    }
}
