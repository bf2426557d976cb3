package org.trustlab.properties.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.linearizability.Op;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Records a shared object's operations as a Jepsen history while a trace is read: each operation gets a process of
 * its own (concurrent consumers never share one), its trace event's virtual time as {@code :time}, and its position
 * as {@code :index}. A protocol's history reader calls {@link #invoke} where a client's operation reaches the object
 * and {@link #ok} / {@link #fail} / {@link #info} where the object's answer shows on the wire; {@link #finish} leaves
 * what never got an answer open as crashed ({@code :info}), which constrains nothing, as in Knossos.
 *
 * <pre>{@code
 * HistoryRecorder h = new HistoryRecorder("laptop's consumed-challenge set");
 * HistoryRecorder.Call c = h.invoke(key, "consume", List.of(nonce, null), deliver);
 * h.ok(c, List.of(nonce, Op.keyword("accepted")), send);
 * RecordedHistory history = h.finish(lastEvent);
 * }</pre>
 */
public final class HistoryRecorder {
    private final String object;
    private final List<Op> ops = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Long, Call> open = new LinkedHashMap<>();
    private long nextProcess;
    private int invocations;

    public HistoryRecorder(String object) {
        this.object = object;
    }

    /** An operation in flight: its process, function and key. */
    public record Call(long process, String f, Object key) {}

    public Call invoke(Object key, String f, Object value, TraceEvent at) {
        Call c = new Call(nextProcess++, f, key);
        add(Op.Type.INVOKE, c, value, at, at.timeNanos());
        open.put(c.process(), c);
        invocations++;
        return c;
    }

    /** An operation that took effect at one instant (invoked and completed by the same event). */
    public Call instant(Object key, String f, Object value, TraceEvent at) {
        Call c = invoke(key, f, value, at);
        ok(c, value, at);
        return c;
    }

    public void ok(Call c, Object value, TraceEvent at) {
        complete(Op.Type.OK, c, value, at);
    }

    public void fail(Call c, Object value, TraceEvent at) {
        complete(Op.Type.FAIL, c, value, at);
    }

    public void info(Call c, Object value, TraceEvent at) {
        complete(Op.Type.INFO, c, value, at);
    }

    public boolean isOpen(Call c) {
        return c != null && open.containsKey(c.process());
    }

    /** The open operations on {@code key}, oldest first. */
    public List<Call> open(Object key) {
        return open.values().stream().filter(c -> java.util.Objects.equals(c.key(), key)).toList();
    }

    /** All open operations, oldest first. */
    public List<Call> open() {
        return List.copyOf(open.values());
    }

    /** The history, every operation still open completed as crashed ({@code :info}) after {@code endNanos}. */
    public RecordedHistory finish(long endNanos) {
        for (Call c : List.copyOf(open.values())) {
            open.remove(c.process());
            add(Op.Type.INFO, c, null, null, endNanos);
        }
        return new RecordedHistory(object, ops, events, invocations);
    }

    private void complete(Op.Type type, Call c, Object value, TraceEvent at) {
        if (open.remove(c.process()) == null) {
            throw new IllegalStateException("process " + c.process() + " has no open operation");
        }
        add(type, c, value, at, at.timeNanos());
    }

    private void add(Op.Type type, Call c, Object value, TraceEvent at, long time) {
        ops.add(new Op(type, c.process(), c.f(), value, c.key(), time, (long) ops.size(), null, 0, 0));
        events.add(at);
    }
}
