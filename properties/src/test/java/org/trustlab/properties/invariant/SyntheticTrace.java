package org.trustlab.properties.invariant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * A hand-built trace for the invariants' unit tests: events numbered in the order they are added, each a millisecond
 * after the one before unless {@link #at} moves the global clock on (liveness checks read global time).
 */
public final class SyntheticTrace {
    private final List<TraceEvent> events = new ArrayList<>();
    private long nanos;

    /** Moves the global clock to {@code seconds} (never backwards) for the events added from now on. */
    public SyntheticTrace at(double seconds) {
        nanos = Math.max(nanos, (long) (seconds * 1e9));
        return this;
    }

    public SyntheticTrace add(String node, Kind kind, String type, String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in key/value pairs: " + List.of(kv));
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        events.add(new TraceEvent(events.size(), nanos, node, kind, type, f));
        nanos += 1_000_000L;
        return this;
    }

    public SyntheticTrace fact(String type, String... kv) {
        return add("world", Kind.FACT, type, kv);
    }

    public SyntheticTrace audit(String node, String type, String... kv) {
        return add(node, Kind.AUDIT, type, kv);
    }

    public SyntheticTrace outcome(String node, String type, String... kv) {
        return add(node, Kind.OUTCOME, type, kv);
    }

    /** An attacker event about {@code device}: {@code compromise}, {@code controls}, {@code learned}, ... */
    public SyntheticTrace attacker(String type, String... kv) {
        return add("attacker", Kind.ATTACKER, type, kv);
    }

    public Trace build() {
        return new Trace(List.copyOf(events), "0".repeat(64));
    }
}
