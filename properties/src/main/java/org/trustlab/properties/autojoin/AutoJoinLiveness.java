package org.trustlab.properties.autojoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.NetworkAttacker;
import org.trustlab.properties.invariant.PairedInvariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;

/**
 * The autojoin properties judged after the liveness phase ({@code quiesce}): no denial (a join that completes in
 * the attacker-free twin completes under attack) and no disagreement (requester and validator end with the same
 * view of each join). ByteSync's rejections and challenges carry no authentication, so both fail by construction in
 * the {@code bytesync} profile (FINDINGs); {@code hardened} and {@code ed25519} sign rejections, bind them to the
 * challenge and keep a join open until an authenticated decision.
 */
public final class AutoJoinLiveness {
    public static final String NO_DENIAL = "autojoin.no-denial";
    public static final String NO_DISAGREEMENT = "autojoin.no-disagreement";

    private AutoJoinLiveness() {}

    /** An automatic join that completes without the attacker also completes with it, once the network delivers. */
    static final class NoDenial implements PairedInvariant {
        @Override
        public String id() {
            return NO_DENIAL;
        }

        @Override
        public String protocol() {
            return AutoJoinInvariants.PROTOCOL;
        }

        @Override
        public String statement() {
            return "An automatic join that completes in the run's attacker-free twin also completes under an attacker "
                    + "that only adds messages (replay, relay, forge), by the end of the liveness phase, unless the "
                    + "validator's user withdrew the grant before it was decided.";
        }

        /** The joins the twin completed are what it judges; an attacker beyond the network's leaves none. */
        @Override
        public Judgement judge(Trace attacked, Trace twin) {
            if (NetworkAttacker.beyond(attacked, twin).isPresent()) {
                return new Judgement(0, List.of());
            }
            Map<String, AutoJoinExchanges.Exchange> underAttack = new TreeMap<>();
            AutoJoinExchanges.subject(attacked).forEach(x -> underAttack.put(x.key(), x));
            List<Violation> out = new ArrayList<>();
            int completed = 0;
            for (AutoJoinExchanges.Exchange t : AutoJoinExchanges.subject(twin)) {
                AutoJoinExchanges.Exchange a = underAttack.get(t.key());
                completed += t.requesterAccepted() ? 1 : 0;
                if (t.requesterAccepted() && (a == null || (!a.requesterAccepted() && !a.superseded()
                        && AutoJoinExchanges.grantWithdrawnBefore(attacked, a).isEmpty()))) {
                    String why = a == null || a.requesterDecision().isEmpty() ? "never completed"
                            : "ended " + a.requesterDecision().get().field("result") + " ("
                                    + a.requesterDecision().get().field("reason") + ")";
                    out.add(new Violation(NO_DENIAL, t.requester() + "'s automatic join of " + t.session() + " via "
                            + t.validator() + " completes without the attacker but under attack " + why,
                            a == null ? List.of() : a.requesterDecision().map(List::of).orElse(List.of(a.request()))));
                }
            }
            return new Judgement(completed, out);
        }
    }

    /**
     * The requester and the validator never end with different views of one automatic join: the validator
     * accepted and sent a session key that reached the requester intact, yet the requester ended rejected or
     * undecided; or the requester accepted a join the validator never accepted.
     */
    static final class NoDisagreement implements org.trustlab.properties.invariant.Invariant {
        @Override
        public String id() {
            return NO_DISAGREEMENT;
        }

        @Override
        public String protocol() {
            return AutoJoinInvariants.PROTOCOL;
        }

        @Override
        public String statement() {
            return "By the end of the liveness phase, requester and validator agree on every automatic join: no "
                    + "requester rejected or undecided while its validator accepted and its session key arrived, and "
                    + "none accepted a join its validator never accepted (unless the attacker holds the validator's "
                    + "key, which is beyond a network attacker).";
        }

        /** Every join either side accepted is judged. */
        @Override
        public Judgement judge(Trace trace) {
            List<Violation> out = new ArrayList<>();
            int decided = 0;
            for (AutoJoinExchanges.Exchange x : AutoJoinExchanges.subject(trace)) {
                decided += x.validatorAcceptance().isPresent() || x.requesterAccepted() ? 1 : 0;
                if (x.validatorAcceptance().isPresent() && !x.requesterAccepted() && !x.superseded()) {
                    Optional<?> excuse = AutoJoinExchanges.keyKeptFrom(trace, x);
                    if (excuse.isEmpty()) {
                        String view = x.requesterDecision().map(d -> "rejected it ("
                                + d.field("reason") + ")").orElse("never decided");
                        List<org.trustlab.simulator.trace.TraceEvent> evidence = new ArrayList<>();
                        evidence.add(x.validatorAcceptance().get());
                        x.requesterDecision().ifPresent(evidence::add);
                        out.add(new Violation(NO_DISAGREEMENT, x.validator() + " accepted " + x.requester()
                                + "'s automatic join of " + x.session() + " and its session key reached it, but "
                                + x.requester() + " " + view, evidence));
                    }
                }
                if (x.requesterAccepted() && x.validatorAcceptance().isEmpty()
                        && AutoJoinExchanges.acceptanceOfTheSameChallenge(trace, x).isEmpty()
                        && AutoJoinExchanges.validatorKeyStolen(trace, x).isEmpty()) {
                    out.add(new Violation(NO_DISAGREEMENT, x.requester() + " accepted an automatic join of "
                            + x.session() + " that " + x.validator() + " never accepted",
                            List.of(x.requesterDecision().get())));
                }
            }
            return new Judgement(decided, out);
        }
    }
}
