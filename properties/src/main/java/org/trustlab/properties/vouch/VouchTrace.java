package org.trustlab.properties.vouch;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
    private final Trace trace;

    VouchTrace(Trace trace) {
        this.trace = trace;
    }

    Trace trace() {
        return trace;
    }

    List<TraceEvent> audits(String type) {
        return trace.select(e -> e.is(Kind.AUDIT, type));
    }

    List<TraceEvent> accepted(String outcomeKind) {
        return trace.select(e -> e.is(Kind.OUTCOME, outcomeKind) && "accepted".equals(e.field("result")));
    }

    List<TraceEvent> select(Predicate<TraceEvent> p) {
        return trace.select(p);
    }

    /** The latest event on {@code node} before {@code at} that matches, if any. */
    Optional<TraceEvent> latestBefore(String node, TraceEvent at, Predicate<TraceEvent> match) {
        TraceEvent found = null;
        for (TraceEvent e : trace.events()) {
            if (e.seq() >= at.seq()) {
                break;
            }
            if (e.node().equals(node) && match.test(e)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The last pairing event ({@code pairing-stored} or {@code pairing-removed}) on {@code node} about {@code peer}
     * before {@code at}; empty when the pairing, if any, comes from the scenario's set-up.
     */
    Optional<TraceEvent> lastPairingEvent(String node, String peer, TraceEvent at) {
        return latestBefore(node, at, e -> e.kind() == Kind.AUDIT && peer.equals(e.field(VouchAudit.PEER))
                && (e.type().equals(VouchAudit.PAIRING_STORED) || e.type().equals(VouchAudit.PAIRING_REMOVED)));
    }

    /**
     * Whether the attacker held {@code device}'s keys when {@code at} happened: its own pseudo-device, a device it
     * controls or registered, or one whose keys a compromise handed over earlier.
     */
    boolean attackerHeld(String device, TraceEvent at) {
        if (device == null || device.equals(ATTACKER)) {
            return true;
        }
        for (TraceEvent e : trace.events()) {
            if (e.seq() > at.seq()) {
                return false;
            }
            if (e.kind() == Kind.ATTACKER && device.equals(e.field("device")) && (e.type().equals("controls")
                    || e.type().equals("register") || e.type().equals("compromise"))) {
                return true;
            }
        }
        return false;
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
        for (TraceEvent e : trace.events()) {
            if (!e.node().equals(node)) {
                continue;
            }
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
        for (TraceEvent e : trace.events()) {
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
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
