package org.trustlab.simulator.trace;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One line of a trace: what happened, when (virtual global time, in nanoseconds), where (the node, or
 * {@code network} / {@code attacker}), with its bindings as printable strings. Traces are written as JSON Lines,
 * one event per line with keys in a fixed order, so the SHA-256 of the file is the run's identity.
 *
 * <p>Invariants read traces: an {@link Kind#AUDIT} event carries the role's audit type, reason code and fields;
 * an {@link Kind#OUTCOME} carries the outcome's kind, {@code accepted}/{@code rejected} and reason; sends and
 * deliveries carry the message tag, the peers and a hash of the bytes. Every event also carries the node's
 * local clock as {@code local-time} where a node is involved, because freshness is judged on the verifier's clock.
 */
public record TraceEvent(long seq, long timeNanos, String node, Kind kind, String type,
        SortedMap<String, String> fields) {

    public enum Kind {
        SEND, DELIVER, DROP, DUPLICATE, REORDER, MAILBOX_HOLD, TIMER, USER_ACTION,
        CRASH, RESTART, ONLINE, OFFLINE, PARTITION, HEAL, ATTACKER, AUDIT, OUTCOME, MALFORMED, NOTE,
        /** What the world knows, from the scenario and the users' actions: never from a role (node {@code world}). */
        FACT
    }

    public TraceEvent {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        // One immutable sorted copy, none at all when the recorder already built TraceFields.
        fields = TraceFields.copyOf(fields);
    }

    public TraceEvent(long seq, long timeNanos, String node, Kind kind, String type, Map<String, String> fields) {
        this(seq, timeNanos, node, kind, type, TraceFields.copyOf(fields));
    }

    public String field(String key) {
        return fields.get(key);
    }

    public boolean is(Kind k, String t) {
        return kind == k && type.equals(t);
    }
}
