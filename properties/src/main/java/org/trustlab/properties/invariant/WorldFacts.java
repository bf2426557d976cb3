package org.trustlab.properties.invariant;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The world's facts of a trace ({@code FACT} events, recorded by the simulator from the scenario and the users'
 * actions), in trace order, with typed field access that fails loudly: a fact an invariant needs and cannot read is
 * a defect of the binding, never a reason to judge by something else. Each protocol builds its typed view on this.
 */
public final class WorldFacts {
    private final List<TraceEvent> facts = new ArrayList<>();

    public WorldFacts(Trace trace) {
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.FACT) {
                facts.add(e);
            }
        }
    }

    /** Facts of {@code type}, in trace order. */
    public List<TraceEvent> of(String type) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : facts) {
            if (e.type().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    public static String text(TraceEvent fact, String key) {
        String v = fact.field(key);
        if (v == null) {
            throw new IllegalStateException("world fact " + fact.type() + " #" + fact.seq() + " lacks " + key);
        }
        return v;
    }

    public static Duration duration(TraceEvent fact, String key) {
        try {
            return Duration.parse(text(fact, key));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("world fact " + fact.type() + " #" + fact.seq() + ": " + key
                    + " is not a duration", e);
        }
    }

    public static Instant instant(TraceEvent fact, String key) {
        Instant i = Instants.parseOrNull(text(fact, key));
        if (i == null) {
            throw new IllegalStateException("world fact " + fact.type() + " #" + fact.seq() + ": " + key
                    + " is not an instant");
        }
        return i;
    }
}
