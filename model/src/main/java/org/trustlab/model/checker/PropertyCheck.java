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

    /** A description of the violation caused by {@code step} from {@code parent}, or null. */
    String violation(Property p, State parent, Successor step) {
        if (p instanceof Property.Secrecy s) {
            return secrecy(s, parent, step);
        }
        if (step.tick() || !step.emitted()) {
            return null;
        }
        State st = step.state();
        for (Successor.Output o : step.outputs()) {
            Event e = o.event();
            if (e == null) {
                continue;
            }
            String v = null;
            if (p instanceof Property.Invariant inv) {
                Optional<String> r = inv.check().violation(e, st.events());
                v = r.orElse(null);
            } else if (e.kind() == ClaimKind.COMMIT && e.label().equals(label(p)) && model.honest(e.actor())
                    && model.honest(e.peer())) {
                v = commitViolation(p, st, e);
            }
            if (v != null) {
                return v;
            }
        }
        return null;
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
        State st = step.state();
        if (st.knowledge() == parent.knowledge() && !step.emitted()) {
            return null;
        }
        for (Event e : st.eventArray()) {
            if (e.kind() == ClaimKind.SECRET && e.label().equals(s.label()) && st.knowledge().derives(e.data())) {
                return "the attacker derives " + e.data() + ", which " + e.actor() + " (run #" + (e.run() + 1)
                        + ") holds secret with " + e.peer();
            }
        }
        return null;
    }

    private static String commitViolation(Property p, State st, Event commit) {
        int runnings = 0;
        int newest = -1;
        int commits = 0;
        int sameData = 0;
        for (Event e : st.eventArray()) {
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
