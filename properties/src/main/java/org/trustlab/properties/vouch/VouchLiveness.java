package org.trustlab.properties.vouch;

import java.util.ArrayList;
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
            if (NetworkAttacker.beyond(attacked, twin).isPresent()) {
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
                if (a != null && !a.completed() && lostToACrash(attacked, a)) {
                    continue;
                }
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
         * A message between two of the exchange's parties was lost because its sender or recipient was crashed. The
         * crash is a fault of the schedule both runs share, and the reference resends neither the vouch's answer nor
         * ProxyPairingComplete to a device that was down, so which message a crash swallows depends on timing,
         * which any message the attacker adds (even a lost request it delivers early) shifts: such a run shows the
         * crash's effect, not a denial by the attacker.
         */
        static boolean lostToACrash(Trace attacked, VouchExchanges.Exchange a) {
            Set<String> parties = Set.of(a.voucher(), a.target(), a.vouchee());
            return attacked.events().stream().anyMatch(e -> e.kind() == TraceEvent.Kind.DROP
                    && e.seq() > a.start().seq() && "crashed".equals(e.field("reason"))
                    && parties.contains(e.field("from")) && parties.contains(e.field("to")));
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
