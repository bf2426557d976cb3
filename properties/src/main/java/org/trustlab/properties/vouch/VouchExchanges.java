package org.trustlab.properties.vouch;

import static org.trustlab.reference.vouch.VouchAudit.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.properties.invariant.LivenessPhase;
import org.trustlab.reference.vouch.VouchCodec;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouches of a run as the liveness phase judges them: one per voucher, session and target, begun by the
 * voucher's first honest ProxyPairingRequest of that session to that target on the wire (a SEND the simulator
 * recorded, before the phase began). Each is named by voucher, vouchee, target and ordinal (not the session id, which
 * the voucher draws at random) so that the same vouch is found in the run's attacker-free twin. What each party
 * did is its outcome for the vouch by the phase's deadline; what the vouchee was told is the voucher's
 * ProxyPairingComplete on the wire.
 */
final class VouchExchanges {
    private static final Set<String> WITHHELD = Set.of("drop", "delay", "reorder", "redirect", "tamper");

    /** One vouch and what its parties did with it by the deadline. */
    record Exchange(String key, TraceEvent start, String voucher, String session, String target, String vouchee,
            Optional<TraceEvent> targetAccepted, Optional<TraceEvent> targetWithdrawn,
            Optional<TraceEvent> voucherDecision, Optional<TraceEvent> completeSent,
            Optional<TraceEvent> voucheeStored) {
        /** The vouch completed: the target stored the vouchee and the vouchee stored the target. */
        boolean completed() {
            return targetAccepted.isPresent() && voucheeStored.isPresent();
        }

        /** The target holds the pairing at the deadline: accepted and neither flagged nor removed since. */
        boolean targetHolds() {
            return targetAccepted.isPresent() && targetWithdrawn.isEmpty();
        }

        boolean voucherAccepted() {
            return voucherDecision.isPresent() && "accepted".equals(voucherDecision.get().field("result"));
        }

        /** Whether the vouchee was told the target accepted (the signed result on the wire names it). */
        boolean voucheeToldAccepted() {
            return completeSent.isPresent() && List.of(completeSent.get().field("wire-accepted-by").split(","))
                    .contains(target);
        }
    }

    private VouchExchanges() {}

    /** The vouches the phase judges; empty when the run has no liveness phase. */
    static List<Exchange> subject(Trace trace) {
        Optional<LivenessPhase> phase = LivenessPhase.of(trace);
        if (phase.isEmpty()) {
            return List.of();
        }
        Map<String, TraceEvent> starts = new LinkedHashMap<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.SEND && e.type().equals(VouchCodec.PROXY_PAIRING_REQUEST)
                    && e.node().equals(e.field("wire-voucher")) && e.field("wire-session") != null
                    && phase.get().judges(e)) {
                starts.putIfAbsent(e.node() + "|" + e.field("wire-session") + "|" + e.field("to"), e);
            }
        }
        TreeMap<String, Integer> ordinals = new TreeMap<>();
        List<Exchange> out = new ArrayList<>();
        for (TraceEvent s : starts.values()) {
            String v = s.node();
            String session = s.field("wire-session");
            String t = s.field("to");
            String n = s.field("wire-vouchee");
            String name = v + "/" + n + "->" + t;
            int ordinal = ordinals.merge(name, 1, Integer::sum);
            LivenessPhase p = phase.get();
            Optional<TraceEvent> accepted = first(trace, s, p, e -> e.kind() == Kind.OUTCOME
                    && e.node().equals(t) && e.type().equals(OUTCOME_PROXY_PAIRING) && accepted(e)
                    && session.equals(e.field(SESSION_ID)) && v.equals(e.field(VOUCHER)));
            Optional<TraceEvent> withdrawn = accepted.flatMap(a -> first(trace, a, p, e -> e.node().equals(t)
                    && e.kind() == Kind.AUDIT && ((e.type().equals(PROXIED_PAIRING_FLAGGED) && n.equals(e.field(PEER)))
                            || (e.type().equals(PAIRING_REMOVED) && (n.equals(e.field(PEER))
                                    || v.equals(e.field(PEER)))))));
            Optional<TraceEvent> decision = first(trace, s, p, e -> e.kind() == Kind.OUTCOME && e.node().equals(v)
                    && e.type().equals(OUTCOME_VOUCH) && session.equals(e.field(SESSION_ID))
                    && t.equals(e.field(TARGET)));
            Optional<TraceEvent> complete = first(trace, s, p, e -> e.kind() == Kind.SEND && e.node().equals(v)
                    && e.type().equals(VouchCodec.PROXY_PAIRING_COMPLETE) && n.equals(e.field("to"))
                    && session.equals(e.field("wire-session")));
            Optional<TraceEvent> stored = first(trace, s, p, e -> e.kind() == Kind.OUTCOME && e.node().equals(n)
                    && e.type().equals(OUTCOME_PROXIED_PAIRING) && accepted(e)
                    && session.equals(e.field(SESSION_ID)) && t.equals(e.field(DEVICE)));
            out.add(new Exchange(name + "#" + ordinal, s, v, session, t, n, accepted, withdrawn, decision, complete,
                    stored));
        }
        return out;
    }

    private static boolean accepted(TraceEvent e) {
        return "accepted".equals(e.field("result"));
    }

    private static Optional<TraceEvent> first(Trace trace, TraceEvent after, LivenessPhase phase,
            java.util.function.Predicate<TraceEvent> p) {
        for (TraceEvent e : trace.events()) {
            if (e.seq() > after.seq() && phase.byDeadline(e) && p.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * What, besides the protocol, can leave the parties of a vouch with different views: a message between two of
     * its parties lost, duplicated or reordered by the network (a duplicated PairingRequest makes two confirmation
     * codes, and the direct pairing fails on one side only) or withheld or altered by the attacker (also one of the
     * direct pairing the vouch rests on), a party crashing (a direct pairing, a prompt or a delivery in progress is
     * volatile), a key the attacker holds, or a user of one party changing the pairings or trust the vouch rests on (unpairing,
     * blocking). Read from the simulator's records only, from the run's start to the phase's deadline.
     */
    static Optional<TraceEvent> outsideTheProtocol(Trace trace, Exchange x) {
        Set<String> parties = Set.of(x.voucher(), x.target(), x.vouchee());
        LivenessPhase phase = LivenessPhase.of(trace).orElseThrow();
        for (TraceEvent e : trace.events()) {
            if (!phase.byDeadline(e)) {
                break;
            }
            String from = e.field("from");
            String to = e.field("to");
            boolean between = from != null && to != null && parties.contains(from) && parties.contains(to);
            if (between && (e.kind() == Kind.DROP || e.kind() == Kind.DUPLICATE || e.kind() == Kind.REORDER
                    || (e.kind() == Kind.ATTACKER && WITHHELD.contains(e.type())))) {
                return Optional.of(e);
            }
            if (e.kind() == Kind.ATTACKER && e.type().equals("compromise")) {
                return Optional.of(e);
            }
            if (parties.contains(e.node()) && (e.kind() == Kind.CRASH || (e.kind() == Kind.USER_ACTION
                    && (e.type().equals(ACTION_UNPAIR) || e.type().equals(ACTION_TRUST))))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
