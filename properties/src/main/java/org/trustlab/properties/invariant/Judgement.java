package org.trustlab.properties.invariant;

import java.util.List;
import org.trustlab.simulator.scenario.InvariantVerdict;

/**
 * An invariant's judgement of one trace: how many subjects it judged (accepted joins, vouches sent, leaked secrets:
 * whatever its statement quantifies over) and the violations it found. A trace with no subject is vacuous: the
 * invariant held there only because nothing happened, and campaigns count such runs apart so that they do not
 * narrow a confidence bound.
 */
public record Judgement(int judged, List<Violation> violations) {
    public Judgement {
        if (judged < 0) {
            throw new IllegalArgumentException("judged must be non-negative, not " + judged);
        }
        violations = List.copyOf(violations);
        if (judged == 0 && !violations.isEmpty()) {
            // A violation is about something the invariant judged; one without a subject means the count is wrong.
            throw new IllegalArgumentException("a judgement with violations judged at least one subject");
        }
    }

    public InvariantVerdict verdict() {
        if (!violations.isEmpty()) {
            return InvariantVerdict.VIOLATED;
        }
        return judged == 0 ? InvariantVerdict.VACUOUS : InvariantVerdict.HELD;
    }

    public boolean vacuous() {
        return verdict() == InvariantVerdict.VACUOUS;
    }
}
