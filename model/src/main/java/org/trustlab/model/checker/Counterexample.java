package org.trustlab.model.checker;

import java.util.List;

/** A shortest path (in transitions) from the initial state to a violation, and what is violated on its last step. */
public record Counterexample(String property, String violation, int depth, List<Step> steps) {
    public Counterexample {
        steps = List.copyOf(steps);
    }

    /** The message sequence, one step per line, then the violation. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s).append('\n');
        }
        return sb.append("     violated: ").append(violation).append('\n').toString();
    }
}
