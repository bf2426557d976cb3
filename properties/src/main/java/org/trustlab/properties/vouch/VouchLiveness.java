package org.trustlab.properties.vouch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.NetworkAttacker;
import org.trustlab.properties.invariant.PairedInvariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The vouch properties judged after the liveness phase ({@code quiesce}): no denial (a vouch that completes in the
 * attacker-free twin completes under attack) and no disagreement (voucher, target and vouchee end with the same view
 * of each vouch). In the {@code spacedrive} profile presence notices and transport acknowledgements carry no
 * authentication and the vouch payload does not name its target, so a network attacker denies vouches by
 * construction (a FINDING); {@code hardened} signs both notices and binds the vouch to its target.
 */
public final class VouchLiveness {
    public static final String NO_DENIAL = "vouch.no-denial";
    public static final String NO_DISAGREEMENT = "vouch.no-disagreement";

    private VouchLiveness() {}

    /** A vouch that completes without the attacker also completes with it, once the network delivers. */
    static final class NoDenial implements PairedInvariant {
        @Override
        public String id() {
            return NO_DENIAL;
        }

        @Override
        public String protocol() {
            return VouchInvariants.PROTOCOL;
        }

        @Override
        public String statement() {
            return "A vouch that completes (target and vouchee both store the proxied pairing) in the run's "
                    + "attacker-free twin also completes under an attacker that only adds messages (replay, relay, "
                    + "forge), by the end of the liveness phase.";
        }

        /** The vouches the twin completed are what it judges; an attacker beyond the network's leaves none. */
        @Override
        public Judgement judge(Trace attacked, Trace twin) {
            if (NetworkAttacker.beyond(attacked, twin).isPresent() || lateDelivery(attacked)) {
                return new Judgement(0, List.of());
            }
            Map<String, VouchExchanges.Exchange> underAttack = new TreeMap<>();
            VouchExchanges.subject(attacked).forEach(x -> underAttack.put(x.key(), x));
            List<Violation> out = new ArrayList<>();
            int completed = 0;
            for (VouchExchanges.Exchange t : VouchExchanges.subject(twin)) {
                if (!t.completed()) {
                    continue;
                }
                completed++;
                VouchExchanges.Exchange a = underAttack.get(t.key());
                if (a == null || !a.completed()) {
                    String why = a == null ? "was never sent"
                            : a.voucherDecision().map(d -> "ended " + d.field("result") + " at the voucher ("
                                    + d.field("reason") + ")").orElse("never completed");
                    out.add(new Violation(NO_DENIAL, t.voucher() + "'s vouch of " + t.vouchee() + " to "
                            + t.target() + " completes without the attacker but under attack " + why,
                            a == null ? List.of() : evidence(a)));
                }
            }
            return new Judgement(completed, out);
        }

        /**
         * The attacker replayed a message to the very device the network had lost it for, before any copy reached
         * it: the message arrives late, as if the network had held it, and a vouch that arrives late may be stale
         * (refused for its date, unanswered in hardened) or reach a party that has meanwhile gone down. A delay is
         * beyond the attacker no-denial is stated against ({@link NetworkAttacker}), so such a run is not judged.
         */
        static boolean lateDelivery(Trace attacked) {
            Set<String> lost = new HashSet<>();
            for (TraceEvent e : attacked.events()) {
                String id = e.field("msg-id");
                if (id == null) {
                    continue;
                }
                if (e.kind() == TraceEvent.Kind.DROP) {
                    lost.add(id + ">" + e.field("to"));
                } else if (e.kind() == TraceEvent.Kind.DELIVER) {
                    lost.remove(id + ">" + e.node());
                } else if (e.kind() == TraceEvent.Kind.ATTACKER && "replay".equals(e.type())
                        && lost.contains(id + ">" + e.field("to"))) {
                    return true;
                }
            }
            return false;
        }

        private static List<TraceEvent> evidence(VouchExchanges.Exchange a) {
            List<TraceEvent> e = new ArrayList<>();
            e.add(a.start());
            a.voucherDecision().ifPresent(e::add);
            return e;
        }
    }

    /**
     * Voucher, target and vouchee never end with different views of one vouch: a target holding the proxied pairing
     * while the voucher counted it refused or the vouchee, told the session's result, did not store it; a voucher or
     * vouchee that counts a target as accepting while the target never accepted.
     */
    static final class NoDisagreement implements Invariant {
        @Override
        public String id() {
            return NO_DISAGREEMENT;
        }

        @Override
        public String protocol() {
            return VouchInvariants.PROTOCOL;
        }

        @Override
        public String statement() {
            return "By the end of the liveness phase, voucher, target and vouchee agree on every vouch: the target "
                    + "holds the proxied pairing exactly when the voucher counted it accepted and, once the session's "
                    + "result was sent, exactly when the vouchee stored it.";
        }

        /** Every vouch that some party decided is judged. */
        @Override
        public Judgement judge(Trace trace) {
            List<Violation> out = new ArrayList<>();
            int decided = 0;
            for (VouchExchanges.Exchange x : VouchExchanges.subject(trace)) {
                if (x.targetAccepted().isEmpty() && x.voucherDecision().isEmpty() && x.voucheeStored().isEmpty()) {
                    continue;
                }
                decided++;
                String disagreement = disagreement(x);
                if (disagreement != null && VouchExchanges.outsideTheProtocol(trace, x).isEmpty()) {
                    List<TraceEvent> evidence = new ArrayList<>();
                    evidence.add(x.start());
                    x.targetAccepted().ifPresent(evidence::add);
                    x.voucherDecision().ifPresent(evidence::add);
                    x.voucheeStored().ifPresent(evidence::add);
                    out.add(new Violation(NO_DISAGREEMENT, x.voucher() + "'s vouch of " + x.vouchee() + " to "
                            + x.target() + " (session " + x.session() + "): " + disagreement, evidence));
                }
            }
            return new Judgement(decided, out);
        }

        private static String disagreement(VouchExchanges.Exchange x) {
            if (x.targetHolds() && !x.voucherAccepted()) {
                return x.target() + " holds the proxied pairing but " + x.voucher() + " "
                        + x.voucherDecision().map(d -> "counted it " + d.field("result") + " (" + d.field("reason")
                                + ")").orElse("never decided");
            }
            if (x.voucherAccepted() && x.targetAccepted().isEmpty()) {
                return x.voucher() + " counted it accepted but " + x.target() + " never accepted it";
            }
            if (x.targetHolds() && x.completeSent().isPresent() && x.voucheeStored().isEmpty()) {
                return x.target() + " holds the proxied pairing but " + x.vouchee() + ", "
                        + (x.voucheeToldAccepted() ? "told it accepted" : "told it did not") + ", never stored it";
            }
            if (x.voucheeStored().isPresent() && x.targetAccepted().isEmpty()) {
                return x.vouchee() + " stored the proxied pairing but " + x.target() + " never accepted it";
            }
            return null;
        }
    }
}
