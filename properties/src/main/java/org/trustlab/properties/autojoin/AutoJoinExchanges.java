package org.trustlab.properties.autojoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.invariant.LivenessPhase;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The automatic joins of a run as the liveness phase judges them: each begins with a requester's own user action
 * (the simulator's record, not the requester's audit) and is named by its requester, session and ordinal, so that
 * the same join can be found in the run's attacker-free twin. What each party decided is its first outcome for the
 * join (the parties' decisions are what is judged); a challenge refused because it answers no open request decides
 * nothing (the requester keeps the join open), so such a refusal is not a decision.
 */
final class AutoJoinExchanges {
    static final String AUTO_JOIN = "auto-join";
    /** The session key's message, as its canonical tag names it ({@code trustlab/autojoin/<name>/v1}). */
    static final String VALIDATE = "/ValidateJoinCloudSessionParameters/";
    static final String RESPONSE = "/AutoJoinChallengeResponse/";

    /** One automatic join: what the requester asked and what each side decided, by the phase's deadline. */
    record Exchange(String key, TraceEvent request, String requester, String session, String validator,
            Optional<TraceEvent> requesterDecision, Optional<TraceEvent> validatorAcceptance, long endSeq) {
        boolean requesterAccepted() {
            return requesterDecision.isPresent() && "accepted".equals(requesterDecision.get().field("result"));
        }

        /**
         * The requester's user asked to join the same session again before this join was decided: the requester
         * replaced it with the new one (one open join per session), so it is no longer the requester's to decide.
         */
        boolean superseded() {
            return endSeq != Long.MAX_VALUE && requesterDecision.isEmpty();
        }
    }

    private AutoJoinExchanges() {}

    /**
     * The joins the phase judges: asked before the phase began (a join asked later has less than the phase's bound
     * to finish). Empty when the run has no liveness phase. This is each liveness invariant's subject.
     */
    static List<Exchange> subject(Trace trace) {
        Optional<LivenessPhase> phase = LivenessPhase.of(trace);
        if (phase.isEmpty()) {
            return List.of();
        }
        List<TraceEvent> requests = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.USER_ACTION && e.type().equals(AUTO_JOIN) && e.field("status") == null
                    && e.field("session") != null && e.field("validator") != null && phase.get().judges(e)) {
                requests.add(e);
            }
        }
        List<Exchange> out = new ArrayList<>();
        TreeMap<String, Integer> ordinals = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            TraceEvent r = requests.get(i);
            String session = r.field("session");
            long end = Long.MAX_VALUE;
            for (int j = i + 1; j < requests.size(); j++) {
                if (requests.get(j).node().equals(r.node()) && session.equals(requests.get(j).field("session"))) {
                    end = requests.get(j).seq();
                    break;
                }
            }
            String name = r.node() + "/" + session;
            int ordinal = ordinals.merge(name, 1, Integer::sum);
            out.add(new Exchange(name + "#" + ordinal, r, r.node(), session, r.field("validator"),
                    requesterDecision(trace, r, end, phase.get()), validatorAcceptance(trace, r, end, phase.get()),
                    end));
        }
        return out;
    }

    private static Optional<TraceEvent> requesterDecision(Trace trace, TraceEvent request, long end,
            LivenessPhase phase) {
        for (TraceEvent e : trace.events()) {
            if (e.seq() > request.seq() && e.seq() < end && e.kind() == Kind.OUTCOME && e.type().equals(AUTO_JOIN)
                    && e.node().equals(request.node()) && request.field("session").equals(e.field("session"))
                    && !"CHALLENGE_UNKNOWN".equals(e.field("reason")) && phase.byDeadline(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<TraceEvent> validatorAcceptance(Trace trace, TraceEvent request, long end,
            LivenessPhase phase) {
        for (TraceEvent e : trace.events()) {
            if (e.seq() > request.seq() && e.seq() < end && e.kind() == Kind.OUTCOME && e.type().equals(AUTO_JOIN)
                    && e.node().equals(request.field("validator")) && "accepted".equals(e.field("result"))
                    && request.field("session").equals(e.field("session"))
                    && request.node().equals(e.field("requester-instance")) && phase.byDeadline(e)
                    && answersThisJoin(trace, request, end, e.field("nonce"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an acceptance naming challenge {@code nonce} decides this join: the requester put its response to that
     * challenge on the wire while this join was its open one. A response it signed for an earlier join of the same
     * session that the validator accepts late belongs to that earlier join. Read from the wire (the response's own
     * fields), never from either party's audit; an acceptance naming no challenge is attributed by session alone.
     */
    private static boolean answersThisJoin(Trace trace, TraceEvent request, long end, String nonce) {
        if (nonce == null) {
            return true;
        }
        for (TraceEvent e : trace.events()) {
            if (e.seq() > request.seq() && e.seq() < end && e.kind() == Kind.SEND && e.node().equals(request.node())
                    && e.type().contains(RESPONSE) && nonce.equals(e.field("wire-nonce"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The validator's acceptance of the very challenge the requester's acceptance names, whenever it was made: a
     * requester that signs a late copy of a challenge the validator already accepted (for its previous join of the
     * session) and then takes that challenge's session key agrees with the validator about it, though the
     * acceptance came before this join was asked.
     */
    static Optional<TraceEvent> acceptanceOfTheSameChallenge(Trace trace, Exchange x) {
        String nonce = x.requesterDecision().map(d -> d.field("nonce")).orElse(null);
        if (nonce == null) {
            return Optional.empty();
        }
        return beforeTheDecision(trace, x, e -> e.kind() == Kind.OUTCOME && e.type().equals(AUTO_JOIN)
                && e.node().equals(x.validator()) && "accepted".equals(e.field("result"))
                && nonce.equals(e.field("nonce")) && x.session().equals(e.field("session"))
                && x.requester().equals(e.field("requester-instance")));
    }

    /** The validator's user actions that withdraw what a join rests on: the grant, the trusted key, its own key. */
    private static final java.util.Set<String> WITHDRAWALS = java.util.Set.of("revoke-grant", "forget-key",
            "rotate-key");

    /**
     * The validator's user withdrawing the requester's grant (revoking it, forgetting the requester's key, or
     * rotating its own key) after the request and before the requester's decision: from then on refusing the join
     * is the protocol's right answer. The twin can complete such a join only by deciding it first; an attacker whose
     * extra messages keep the validator busy until the user acts has only delayed it, which the network may do too.
     * Read from the simulator's record of the user's action, never from the validator's audit.
     */
    static Optional<TraceEvent> grantWithdrawnBefore(Trace trace, Exchange x) {
        return beforeTheDecision(trace, x, e -> e.seq() > x.request().seq() && e.kind() == Kind.USER_ACTION
                && e.node().equals(x.validator()) && WITHDRAWALS.contains(e.type()) && e.field("status") == null
                && (e.field("client") == null ? e.type().equals("rotate-key")
                        : e.field("client").equals(x.requester())));
    }

    /**
     * The attacker's theft of the validator's key before the requester accepted: with it the attacker signs a
     * session key in the validator's name, and the requester rightly accepts a join the validator never did. A
     * stolen key is beyond the network attacker the property is stated against. Read from the attacker's records.
     */
    static Optional<TraceEvent> validatorKeyStolen(Trace trace, Exchange x) {
        return beforeTheDecision(trace, x, e -> e.kind() == Kind.ATTACKER && e.type().equals("compromise")
                && x.validator().equals(e.field("device")));
    }

    /** The first event before the requester's decision on {@code x} (or in the whole run, undecided) that matches. */
    private static Optional<TraceEvent> beforeTheDecision(Trace trace, Exchange x,
            java.util.function.Predicate<TraceEvent> matches) {
        long decided = x.requesterDecision().map(TraceEvent::seq).orElse(Long.MAX_VALUE);
        for (TraceEvent e : trace.events()) {
            if (e.seq() >= decided) {
                break;
            }
            if (matches.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * What, besides the protocol, can keep the validator's session key from the requester or the requester from
     * using it while the join is open: the key message dropped by the network or withheld or altered by the attacker,
     * the requester crashing (a join in progress is volatile state), the requester's user rotating its key (the
     * key was encrypted to the old one), or the validator's user rotating the validator's key at any time before
     * (the requester trusts the key it was set up with, so the session key's signature no longer verifies). Read
     * from the simulator's records only.
     */
    static Optional<TraceEvent> keyKeptFrom(Trace trace, Exchange x) {
        for (TraceEvent e : trace.events()) {
            if (e.seq() >= x.endSeq()) {
                break;
            }
            if (e.node().equals(x.validator()) && e.kind() == Kind.USER_ACTION && e.type().equals("rotate-key")) {
                return Optional.of(e);
            }
            if (e.seq() <= x.request().seq()) {
                continue;
            }
            String tag = e.kind() == Kind.ATTACKER ? e.field("tag") : e.type();
            boolean keyMessage = tag != null && tag.contains(VALIDATE)
                    && (x.requester().equals(e.field("to")) || x.validator().equals(e.field("from")));
            if (keyMessage && (e.kind() == Kind.DROP || (e.kind() == Kind.ATTACKER && (e.type().equals("drop")
                    || e.type().equals("redirect") || e.type().equals("tamper"))))) {
                return Optional.of(e);
            }
            if (e.node().equals(x.requester()) && (e.kind() == Kind.CRASH
                    || (e.kind() == Kind.USER_ACTION && e.type().equals("rotate-key")))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
