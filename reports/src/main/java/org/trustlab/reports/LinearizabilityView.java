package org.trustlab.reports;

import java.util.List;

/**
 * A counterexample to a linearizability invariant, beside its sequence diagram: the object and model, the
 * smallest non-linearizable window as text, the id of its timeline drawing, and the run's history of the object
 * as an EDN file (relative to the report) that Knossos or {@code trustlab lin} can check again.
 */
public record LinearizabilityView(String object, String model, List<String> window, String timelineSvgId,
        String historyFile) {
    public LinearizabilityView {
        window = List.copyOf(window);
    }
}
