package org.trustlab.properties.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** The index answers exactly what a scan of the whole trace answers. */
class TraceIndexTest {
    private static final String[] NODES = {"a", "b", "c"};
    private static final String[] TYPES = {"x", "y"};
    private static final Kind[] KINDS = {Kind.AUDIT, Kind.TIMER, Kind.SEND, Kind.ATTACKER, Kind.CRASH};

    private static Trace trace() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // A fixed, irregular mix of nodes, kinds, types and field values.
            events.add(new TraceEvent(i, i * 1_000L, NODES[(i * 7) % 3], KINDS[(i * 5 + i / 3) % KINDS.length],
                    TYPES[(i / 2) % 2], Map.of("v", Integer.toString(i % 4))));
        }
        return new Trace(events, "test");
    }

    @Test
    void groupsLikeSelect() {
        Trace trace = trace();
        TraceIndex index = new TraceIndex(trace);
        for (Kind k : Kind.values()) {
            assertEquals(trace.select(e -> e.kind() == k), index.of(k), k.toString());
            for (String t : TYPES) {
                assertEquals(trace.select(e -> e.is(k, t)), index.of(k, t), k + "/" + t);
            }
        }
        assertEquals(trace.select(e -> e.kind() == Kind.SEND || e.kind() == Kind.CRASH),
                index.of(Kind.CRASH, Kind.SEND));
        assertEquals(List.of(), index.of(Kind.AUDIT, "none"));
        assertSame(trace, index.trace());
    }

    @Test
    void latestBeforeLikeAScan() {
        Trace trace = trace();
        TraceIndex index = new TraceIndex(trace);
        for (TraceEvent at : trace.events()) {
            for (String node : NODES) {
                TraceEvent scanned = null;
                for (TraceEvent e : trace.events()) {
                    if (e.seq() < at.seq() && e.node().equals(node) && e.is(Kind.AUDIT, "x")
                            && "1".equals(e.field("v"))) {
                        scanned = e;
                    }
                }
                assertEquals(scanned, TraceIndex.latestBefore(index.of(Kind.AUDIT, "x"), node, at,
                        e -> "1".equals(e.field("v"))));
            }
        }
        assertNull(TraceIndex.latestBefore(index.of(Kind.AUDIT, "x"), "a", trace.events().get(0), e -> true));
    }
}
