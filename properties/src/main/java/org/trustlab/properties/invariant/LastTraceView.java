package org.trustlab.properties.invariant;

import java.util.Objects;
import java.util.function.Function;
import org.trustlab.simulator.trace.Trace;

/**
 * A protocol's view of the trace this thread checked last (indexes over its events): a campaign runs every
 * invariant on one trace before the next, so the invariants share one view instead of building one each. Keyed by
 * identity, which is enough because traces are immutable, and per thread, because views need not be thread-safe.
 */
public final class LastTraceView<V> {
    private record Entry<V>(Trace trace, V view) {}

    private final Function<Trace, V> build;
    private final ThreadLocal<Entry<V>> last = new ThreadLocal<>();

    public LastTraceView(Function<Trace, V> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    public V of(Trace trace) {
        Entry<V> e = last.get();
        if (e != null && e.trace() == trace) {
            return e.view();
        }
        V view = build.apply(trace);
        last.set(new Entry<>(trace, view));
        return view;
    }
}
