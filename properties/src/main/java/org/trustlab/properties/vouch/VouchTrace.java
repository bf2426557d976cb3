package org.trustlab.properties.vouch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.trustlab.properties.invariant.Instants;
import org.trustlab.properties.invariant.LastTraceView;
import org.trustlab.properties.invariant.TraceIndex;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The vouch facts a trace records: what the roles audit (vouches signed, queued, sent; pairings stored and removed;
 * keys held; sessions' resource changes; decisions) and what the simulator adds on its own (each node's local clock,
 * deliveries, online/offline/crash events, partitions, drops, the attacker's compromises and learned secrets). The
 * invariants re-judge these facts: a check switched off in a role does not change the facts it reports.
 */
final class VouchTrace {
    static final String ATTACKER = "attacker";
    private static final Set<String> HOLDS_KEYS = Set.of("controls", "register", "compromise");
    private static final LastTraceView<VouchTrace> LAST = new LastTraceView<>(VouchTrace::new);

    private final Trace trace;
    private final TraceIndex index;
    /** Per device, the first attacker event that handed over its keys. */
    private final Map<String, Long> heldFrom = new HashMap<>();
    /** Per node, its ONLINE, OFFLINE, CRASH and RESTART events in trace order. */
    private final Map<String, List<TraceEvent>> upDown = new HashMap<>();
    /** PARTITION and HEAL events in trace order. */
    private final List<TraceEvent> partitions;
    /** DELIVER events by message id, in trace order. */
    private final Map<String, List<TraceEvent>> deliveriesById = new HashMap<>();

    private VouchTrace(Trace trace) {
        this.trace = trace;
        this.index = new TraceIndex(trace);
        for (TraceEvent e : index.of(Kind.ATTACKER)) {
            String device = e.field("device");
            if (device != null && HOLDS_KEYS.contains(e.type())) {
                heldFrom.putIfAbsent(device, e.seq());
            }
        }
        for (TraceEvent e : index.of(Kind.ONLINE, Kind.OFFLINE, Kind.CRASH, Kind.RESTART)) {
            upDown.computeIfAbsent(e.node(), n -> new ArrayList<>()).add(e);
        }
        partitions = index.of(Kind.PARTITION, Kind.HEAL);
        for (TraceEvent e : index.of(Kind.DELIVER)) {
            String id = e.field("msg-id");
            if (id != null) {
                deliveriesById.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            }
        }
    }

    static VouchTrace of(Trace trace) {
        return LAST.of(trace);
    }

    Trace trace() {
        return trace;
    }

    /** The events of this kind and type, in trace order. */
    List<TraceEvent> of(Kind kind, String type) {
        return index.of(kind, type);
    }

    /** The events of this kind, in trace order. */
    List<TraceEvent> of(Kind kind) {
        return index.of(kind);
    }

    List<TraceEvent> audits(String type) {
        return index.of(Kind.AUDIT, type);
    }

    List<TraceEvent> accepted(String outcomeKind) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : index.of(Kind.OUTCOME, outcomeKind)) {
            if ("accepted".equals(e.field("result"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** DELIVER events of the message with this id, in trace order. */
    List<TraceEvent> deliveries(String msgId) {
        return deliveriesById.getOrDefault(msgId, List.of());
    }

    /** The latest event of this kind and type on {@code node} before {@code at} that matches, if any. */
    Optional<TraceEvent> latestBefore(String node, TraceEvent at, Kind kind, String type,
            Predicate<TraceEvent> match) {
        return Optional.ofNullable(TraceIndex.latestBefore(index.of(kind, type), node, at, match));
    }

    /**
     * The last pairing event ({@code pairing-stored} or {@code pairing-removed}) on {@code node} about {@code peer}
     * before {@code at}; empty when the pairing, if any, comes from the scenario's set-up.
     */
    Optional<TraceEvent> lastPairingEvent(String node, String peer, TraceEvent at) {
        Predicate<TraceEvent> aboutPeer = e -> peer.equals(e.field(VouchAudit.PEER));
        TraceEvent stored = TraceIndex.latestBefore(audits(VouchAudit.PAIRING_STORED), node, at, aboutPeer);
        TraceEvent removed = TraceIndex.latestBefore(audits(VouchAudit.PAIRING_REMOVED), node, at, aboutPeer);
        if (stored == null || removed == null) {
            return Optional.ofNullable(stored == null ? removed : stored);
        }
        return Optional.of(stored.seq() > removed.seq() ? stored : removed);
    }

    /**
     * Whether the attacker held {@code device}'s keys when {@code at} happened: its own pseudo-device, a device it
     * controls or registered, or one whose keys a compromise handed over earlier (or at {@code at} itself).
     */
    boolean attackerHeld(String device, TraceEvent at) {
        if (device == null || device.equals(ATTACKER)) {
            return true;
        }
        Long from = heldFrom.get(device);
        return from != null && from <= at.seq();
    }

    long endNanos() {
        List<TraceEvent> all = trace.events();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).timeNanos();
    }

    /**
     * The global-time intervals during which {@code node} was up (online and not crashed), from the trace's ONLINE,
     * OFFLINE, CRASH and RESTART events. A node with none of them was up throughout.
     */
    List<long[]> upIntervals(String node, long until) {
        List<long[]> out = new ArrayList<>();
        boolean online = true;
        boolean crashed = false;
        long since = 0;
        for (TraceEvent e : upDown.getOrDefault(node, List.of())) {
            boolean wasUp = online && !crashed;
            switch (e.kind()) {
                case ONLINE -> online = true;
                case OFFLINE -> online = false;
                case CRASH -> crashed = true;
                case RESTART -> crashed = false;
                default -> {
                    continue;
                }
            }
            boolean up = online && !crashed;
            if (wasUp && !up) {
                if (e.timeNanos() > since) {
                    out.add(new long[] {since, e.timeNanos()});
                }
            } else if (!wasUp && up) {
                since = e.timeNanos();
            }
        }
        if (online && !crashed && until > since) {
            out.add(new long[] {since, until});
        }
        return out;
    }

    /** The global-time intervals during which some partition separated {@code a} and {@code b}. */
    List<long[]> partitionedIntervals(String a, String b, long until) {
        List<long[]> out = new ArrayList<>();
        java.util.Map<String, Long> open = new java.util.TreeMap<>();
        for (TraceEvent e : partitions) {
            if (e.kind() == Kind.PARTITION && separates(e.field("groups"), a, b)) {
                open.put(e.field("partition"), e.timeNanos());
            } else if (e.kind() == Kind.HEAL && open.containsKey(e.field("partition"))) {
                out.add(new long[] {open.remove(e.field("partition")), e.timeNanos()});
            }
        }
        open.values().forEach(s -> out.add(new long[] {s, until}));
        return out;
    }

    private static boolean separates(String groups, String a, String b) {
        if (groups == null) {
            return false;
        }
        String[] parts = groups.split("\\|");
        return group(parts, a) != group(parts, b);
    }

    private static int group(String[] parts, String device) {
        for (int i = 0; i < parts.length; i++) {
            for (String d : parts[i].split(",")) {
                if (d.trim().equals(device)) {
                    return i;
                }
            }
        }
        return parts.length;
    }

    static Optional<Instant> instant(String text) {
        return Optional.ofNullable(Instants.parseOrNull(text));
    }

    static long millis(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Duration between(String fromIso, String toIso) {
        Optional<Instant> a = instant(fromIso);
        Optional<Instant> b = instant(toIso);
        return a.isPresent() && b.isPresent() ? Duration.between(a.get(), b.get()) : Duration.ZERO;
    }
}
