package org.trustlab.model.checker;

import java.util.ArrayList;
import java.util.List;
import org.trustlab.model.dsl.Event;

/** Turns the transitions of a counterexample into message-sequence steps. */
final class StepWriter {
    private final Semantics semantics;
    private final List<Step> steps = new ArrayList<>();
    private int depth;

    StepWriter(Semantics semantics) {
        this.semantics = semantics;
    }

    void write(State from, Successor succ) {
        depth++;
        int t = from.time();
        if (succ.tick()) {
            add(t, Step.Kind.TICK, "clock", "clock", "", "tick", "t" + (t + 1));
            for (Successor.Output o : succ.outputs()) {
                add(t + 1, Step.Kind.SEND, "leak", Step.ATTACKER, "", o.message(), o.term().toString());
            }
            return;
        }
        String run = semantics.runLabel(succ.run());
        String self = semantics.model().runs().get(succ.run()).self().toString();
        if (succ.receivedMessage() != null) {
            add(t, Step.Kind.RECEIVE, Step.ATTACKER, self, run, succ.receivedMessage(), succ.received().toString());
        }
        for (Successor.Output o : succ.outputs()) {
            Event e = o.event();
            if (e == null) {
                add(t, Step.Kind.SEND, self, Step.ATTACKER, run, o.message(), o.term().toString());
            } else {
                add(t, Step.Kind.CLAIM, self, self, run, e.kind().name().toLowerCase(java.util.Locale.ROOT),
                        e.toString());
            }
        }
    }

    private void add(int time, Step.Kind kind, String from, String to, String run, String message, String term) {
        steps.add(new Step(steps.size() + 1, depth, time, kind, from, to, run, message, term));
    }

    List<Step> steps() {
        return steps;
    }
}
