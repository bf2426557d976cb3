package org.trustlab.properties.invariant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * A trace's events grouped by kind and by kind and type, each group in trace order. Checkers ask "the audits of
 * this type", "the attacker's compromises", ... many times per trace, often once per event; a trace can hold tens
 * of thousands of events (mostly timers) of which only a few hundred are of any asked kind, so a scan of the group
 * gives the same answer as a scan of the trace, at a fraction of the cost. The grouping by kind is one cheap pass;
 * a kind's events are grouped by type only when first asked. Not thread-safe: one index per thread.
 */
public final class TraceIndex {
    private static final Kind[] KINDS = Kind.values();

    private final Trace trace;
    private final List<List<TraceEvent>> byKind = new ArrayList<>(KINDS.length);
    private final Map<Kind, Map<String, List<TraceEvent>>> byType = new EnumMap<>(Kind.class);

    public TraceIndex(Trace trace) {
        this.trace = trace;
        for (int i = 0; i < KINDS.length; i++) {
            byKind.add(new ArrayList<>());
        }
        for (TraceEvent e : trace.events()) {
            byKind.get(e.kind().ordinal()).add(e);
        }
    }

    public Trace trace() {
        return trace;
    }

    /** The events of this kind, in trace order. */
    public List<TraceEvent> of(Kind kind) {
        return byKind.get(kind.ordinal());
    }

    /** The events of this kind and type, in trace order. */
    public List<TraceEvent> of(Kind kind, String type) {
        Map<String, List<TraceEvent>> types = byType.get(kind);
        if (types == null) {
            types = new HashMap<>();
            for (TraceEvent e : of(kind)) {
                types.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
            }
            byType.put(kind, types);
        }
        return types.getOrDefault(type, List.of());
    }

    /** The events of these kinds together, in trace order (events are numbered in trace order). */
    public List<TraceEvent> of(Kind... kinds) {
        List<TraceEvent> out = new ArrayList<>();
        for (Kind k : kinds) {
            out.addAll(of(k));
        }
        out.sort(Comparator.comparingLong(TraceEvent::seq));
        return out;
    }

    /**
     * The latest event of {@code group} (in trace order) on {@code node} before {@code at} that matches, or null.
     * The group is read forwards, as a scan of the whole trace would, so {@code match} sees the same events.
     */
    public static TraceEvent latestBefore(List<TraceEvent> group, String node, TraceEvent at,
            Predicate<TraceEvent> match) {
        TraceEvent found = null;
        for (TraceEvent e : group) {
            if (e.seq() >= at.seq()) {
                break;
            }
            if (e.node().equals(node) && match.test(e)) {
                found = e;
            }
        }
        return found;
    }
}
