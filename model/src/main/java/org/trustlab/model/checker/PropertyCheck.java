package org.trustlab.model.checker;

import java.util.Optional;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;

/**
 * Evaluates a property on one transition. Properties are checked on transitions, not on states, so a violation
 * is found on the step that causes it even when the state it leads to was reached before by a harmless path.
 */
final class PropertyCheck {
    private final Model model;

    PropertyCheck(Model model) {
        this.model = model;
    }

    /**
     * A description of the violation caused by {@code step} from {@code parent}, or null. {@code newState} says
     * whether the step leads to a state not seen before: secrecy is a property of the state alone (knowledge and
     * secret claims are functions of it), so it is checked only when a state is first reached, and never builds
     * the attacker's knowledge for a transition into a known state.
     */
    String violation(Property p, State parent, Successor step, boolean newState) {
        if (p instanceof Property.Secrecy s) {
            return newState ? secrecy(s, parent, step) : null;
        }
        if (p instanceof Property.Reachable) {
            // Reached, not violated: the checker reads reaches().
            return null;
        }
        if (step.tick() || !step.emitted()) {
            return null;
        }
        Event[] events = step.events();
        java.util.List<Successor.Output> outputs = step.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            Event e = outputs.get(i).event();
            if (e == null) {
                continue;
            }
            String v = null;
            if (p instanceof Property.Invariant inv) {
                // A view, not a copy: this runs for every claim of every transition.
                Optional<String> r = inv.check().violation(e, step.eventList());
                v = r.orElse(null);
            } else if (e.kind() == ClaimKind.COMMIT && e.label().equals(label(p)) && uncompromised(e)) {
                v = commitViolation(p, events, e);
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Whether {@code step} makes {@code p} (a {@link Property.Reachable}) reached: a commit of its label between
     * parties honest for good.
     */
    boolean reaches(Property.Reachable p, Successor step) {
        if (step.tick() || !step.emitted()) {
            return false;
        }
        for (Successor.Output o : step.outputs()) {
            Event e = o.event();
            if (e != null && e.kind() == ClaimKind.COMMIT && e.label().equals(p.label()) && model.honest(e.actor())
                    && model.honest(e.peer())) {
                return true;
            }
        }
        return false;
    }

    /** Authentication is promised for a commit made before either party was compromised. */
    private boolean uncompromised(Event commit) {
        return model.compromisedAt(commit.actor()) > commit.time() && model.compromisedAt(commit.peer()) > commit.time();
    }

    private static String label(Property p) {
        if (p instanceof Property.Agreement a) {
            return a.label();
        }
        if (p instanceof Property.NoReplay n) {
            return n.label();
        }
        if (p instanceof Property.Freshness f) {
            return f.label();
        }
        return null;
    }

    private String secrecy(Property.Secrecy s, State parent, Successor step) {
        if (!step.sends() && !step.emitted()) {
            return null;
        }
        State st = step.state();
        Event[] events = st.eventArray();
        for (Event e : events) {
            if (e.kind() == ClaimKind.SECRET && e.label().equals(s.label()) && honestClaim(e)
                    && st.knowledge().derives(e.data()) && !handedOver(events, e)) {
                return "the attacker derives " + e.data() + ", which " + e.actor() + " (run #" + (e.run() + 1)
                        + ") holds secret with " + e.peer();
            }
        }
        return null;
    }

    private boolean honestClaim(Event e) {
        return model.honest(e.actor()) && (e.peer() == null || model.honest(e.peer()));
    }

    /**
     * Whether a run of the same role as {@code secret}'s claimed the same value secret with a dishonest or
     * compromised party: the role then handed it over itself (a session key a validator gives every member it
     * admits, one of them a device whose key leaks). Only the same role excuses: in Lowe's attack on
     * Needham-Schroeder the initiator hands the responder's nonce to the attacker, and the responder's claim must
     * still fail.
     */
    private boolean handedOver(Event[] events, Event secret) {
        Object role = model.runs().get(secret.run()).role();
        for (Event e : events) {
            if (e.kind() == ClaimKind.SECRET && e.label().equals(secret.label()) && !honestClaim(e)
                    && model.runs().get(e.run()).role() == role && e.data().equals(secret.data())) {
                return true;
            }
        }
        return false;
    }

    private static String commitViolation(Property p, Event[] events, Event commit) {
        int runnings = 0;
        int newest = -1;
        int commits = 0;
        int sameData = 0;
        for (Event e : events) {
            if (!e.label().equals(commit.label()) || !e.data().equals(commit.data())) {
                continue;
            }
            if (e.kind() == ClaimKind.RUNNING && e.actor().equals(commit.peer()) && e.peer().equals(commit.actor())) {
                runnings++;
                newest = Math.max(newest, e.time());
            } else if (e.kind() == ClaimKind.COMMIT && e.actor().equals(commit.actor())) {
                sameData++;
                if (e.peer().equals(commit.peer())) {
                    commits++;
                }
            }
        }
        String who = commit.actor() + " (run #" + (commit.run() + 1) + ") commits " + commit.label() + " with "
                + commit.peer() + " on " + commit.data();
        if (p instanceof Property.Agreement a) {
            if (runnings == 0) {
                return who + ", but " + commit.peer() + " never ran " + commit.label() + " with " + commit.actor()
                        + " on that data";
            }
            if (a.injective() && commits > runnings) {
                return who + " for the " + ordinal(commits) + " time, but " + commit.peer() + " ran it only "
                        + times(runnings);
            }
            return null;
        }
        if (p instanceof Property.NoReplay) {
            return sameData > 1 ? who + ", which it already accepted: replayed" : null;
        }
        if (p instanceof Property.Freshness f) {
            if (runnings > 0 && commit.time() - newest > f.maxAge()) {
                return who + " at t" + commit.time() + ", but " + commit.peer() + "'s newest matching run was at t"
                        + newest + " (older than " + f.maxAge() + " ticks)";
            }
            return null;
        }
        return null;
    }

    private static String ordinal(int n) {
        return n == 2 ? "second" : n == 3 ? "third" : n + "th";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
