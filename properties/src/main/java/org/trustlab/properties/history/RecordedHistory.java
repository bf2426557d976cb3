package org.trustlab.properties.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Result;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * One shared object's operations in a run, as a Jepsen history, with the trace event each operation was read from
 * (null for the crash completions {@link HistoryRecorder#finish} adds at the end).
 *
 * @param object what the history is of, e.g. {@code laptop's consumed-challenge set}
 * @param invocations how many operations were invoked: the subjects a linearizability check judges
 */
public record RecordedHistory(String object, List<Op> ops, List<TraceEvent> events, int invocations) {
    public RecordedHistory {
        ops = List.copyOf(ops);
        events = Collections.unmodifiableList(new ArrayList<>(events));
        if (ops.size() != events.size()) {
            throw new IllegalArgumentException("one trace event (or null) per operation");
        }
    }

    /** The trace events behind a counterexample window: its operations' invocations and completions. */
    public List<TraceEvent> evidence(Result.Window w) {
        List<Result.Call> calls = new ArrayList<>(w.lastLinearized());
        calls.add(w.stuck());
        calls.addAll(w.pending());
        List<TraceEvent> out = new ArrayList<>();
        for (Result.Call c : calls) {
            add(out, c.index());
            if (c.completion() != null && c.completion().index() != null) {
                add(out, c.completion().index().intValue());
            }
        }
        out.sort(java.util.Comparator.comparingLong(TraceEvent::seq));
        return out;
    }

    private void add(List<TraceEvent> out, int position) {
        TraceEvent e = position >= 0 && position < events.size() ? events.get(position) : null;
        if (e != null && !out.contains(e)) {
            out.add(e);
        }
    }
}
