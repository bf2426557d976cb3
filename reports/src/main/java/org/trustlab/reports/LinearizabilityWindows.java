package org.trustlab.reports;

import java.io.StringWriter;
import java.util.Optional;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.Result;
import org.trustlab.linearizability.Timeline;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.history.LinearizabilityInvariant;
import org.trustlab.properties.history.RecordedHistory;
import org.trustlab.simulator.trace.Trace;

/**
 * The window of a linearizability counterexample, found again on the counterexample's own trace (the report never
 * takes a verdict from the campaign's word): the invariant's history of the run, checked, and when it is not
 * linearizable, its window as text, as a timeline and the history as EDN.
 */
final class LinearizabilityWindows {
    /** What the report shows and writes for one counterexample. */
    record Drawn(LinearizabilityView view, String svg, String historyEdn) {}

    private LinearizabilityWindows() {}

    /** Empty when {@code invariantId} is no linearizability invariant or the history is linearizable after all. */
    static Optional<Drawn> of(String invariantId, Trace trace, String anchor, String folder) {
        Optional<LinearizabilityInvariant> inv = InvariantCatalogue.find(invariantId)
                .filter(LinearizabilityInvariant.class::isInstance).map(LinearizabilityInvariant.class::cast);
        if (inv.isEmpty()) {
            return Optional.empty();
        }
        RecordedHistory h = inv.get().history(trace);
        if (!(inv.get().check(h) instanceof Result.Invalid bad)) {
            return Optional.empty();
        }
        String id = "timeline-" + anchor;
        String svg = Timeline.svg(h.ops(), bad.window(), id, "Non-linearizable window of " + h.object() + " ("
                + inv.get().model().name() + ")");
        StringWriter edn = new StringWriter();
        Histories.write(h.ops(), edn);
        return Optional.of(new Drawn(new LinearizabilityView(h.object(), inv.get().model().name(),
                bad.window().render(), id, folder + "/history.edn"), svg, edn.toString()));
    }
}
