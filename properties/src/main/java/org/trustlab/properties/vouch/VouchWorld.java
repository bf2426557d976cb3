package org.trustlab.properties.vouch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.invariant.LastTraceView;
import org.trustlab.properties.invariant.WorldFacts;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * What the world knows of a vouch run, typed: the profile, each device's identity key (by fingerprint), each device's
 * configured vouch age limit and skew tolerance, and the
 * trust level each device's user gives each peer over time (the set-up pairings' levels, the user's
 * {@code network.device.trust} actions; a new Direct pairing starts Trusted again). The invariants judge the
 * receivers' decisions against these, never against the limits or levels a receiver writes into its own audit.
 */
public final class VouchWorld {
    /**
     * A device's configured {@code vouch_signature_max_age} and clock skew tolerance, and the queue's settings: how
     * long an entry lives, how often the worker polls, how long presence probes may be apart, how long a send waits
     * for the transport's acknowledgement.
     */
    public record Limits(Duration maxAge, Duration skewTolerance, Duration queueEntryLifetime, Duration pollInterval,
            Duration probeMaxInterval, Duration ackTimeout) {}

    private record LevelAt(long seq, String level) {}

    private static final LastTraceView<VouchWorld> LAST = new LastTraceView<>(VouchWorld::new);

    private final Map<String, Limits> limits = new TreeMap<>();
    private final Map<String, List<LevelAt>> levels = new TreeMap<>();
    private final java.util.Set<String> setupPairings = new java.util.TreeSet<>();
    private final Map<String, String> identities = new TreeMap<>();
    private final Map<String, String> setupTypes = new TreeMap<>();
    private final java.util.Set<String> autoVouchToAll = new java.util.TreeSet<>();
    private final String profile;

    private VouchWorld(Trace trace) {
        WorldFacts facts = new WorldFacts(trace);
        profile = facts.of("profile").stream().map(f -> WorldFacts.text(f, "profile")).findFirst().orElse(null);
        for (TraceEvent f : facts.of("identity")) {
            identities.put(WorldFacts.text(f, "device"), WorldFacts.text(f, "key-fingerprint"));
        }
        for (TraceEvent f : facts.of("limits")) {
            if ("true".equals(f.field("auto-vouch-to-all"))) {
                autoVouchToAll.add(WorldFacts.text(f, "device"));
            }
            limits.put(WorldFacts.text(f, "device"), new Limits(WorldFacts.duration(f, "vouch-signature-max-age"),
                    WorldFacts.duration(f, "vouch-clock-skew-tolerance"),
                    WorldFacts.duration(f, "queue-entry-lifetime"), WorldFacts.duration(f, "queue-poll-interval"),
                    WorldFacts.duration(f, "presence-probe-max-interval"),
                    WorldFacts.duration(f, "transport-ack-timeout")));
        }
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.FACT && e.type().equals("pairing")) {
                setupPairings.add(WorldFacts.text(e, "device") + ">" + WorldFacts.text(e, "peer"));
                setupTypes.put(WorldFacts.text(e, "device") + ">" + WorldFacts.text(e, "peer"),
                        WorldFacts.text(e, "type"));
            }
            if (e.kind() == Kind.FACT && (e.type().equals("pairing") || e.type().equals("trust-set"))) {
                level(WorldFacts.text(e, "device"), WorldFacts.text(e, "peer"), e.seq(),
                        WorldFacts.text(e, "trust-level"));
            } else if (e.kind() == Kind.AUDIT && e.type().equals(VouchAudit.PAIRING_STORED)
                    && "Direct".equals(e.field(VouchAudit.PAIRING_TYPE)) && e.field(VouchAudit.PEER) != null) {
                // A new direct pairing is a new user confirmation: it starts Trusted, as the source does.
                level(e.node(), e.field(VouchAudit.PEER), e.seq(), "Trusted");
            }
        }
    }

    private void level(String device, String peer, long seq, String level) {
        levels.computeIfAbsent(device + ">" + peer, k -> new ArrayList<>()).add(new LevelAt(seq, level));
    }

    public static VouchWorld of(Trace trace) {
        return LAST.of(trace);
    }

    public Optional<Limits> limits(String device) {
        return Optional.ofNullable(limits.get(device));
    }

    /** The scenario's profile ({@code spacedrive} or {@code hardened}), if the run recorded it. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** The fingerprint of the identity key the world gave {@code device}, if it is a device of the scenario. */
    public Optional<String> identityKey(String device) {
        return Optional.ofNullable(identities.get(device));
    }

    /** The type ({@code Direct} or {@code Proxied}) of the pairing the scenario set {@code device} up with. */
    public Optional<String> setupPairingType(String device, String peer) {
        return Optional.ofNullable(setupTypes.get(device + ">" + peer));
    }

    /** Whether {@code device} was configured with {@code auto_vouch_to_all} (absent from the facts: it was not). */
    public boolean autoVouchToAll(String device) {
        return autoVouchToAll.contains(device);
    }

    /** Whether the scenario set {@code device} up paired with {@code peer} (of any type). */
    public boolean pairedAtSetup(String device, String peer) {
        return setupPairings.contains(device + ">" + peer);
    }

    /** The trust level {@code device}'s user gave {@code peer} at trace position {@code seq}, if they were paired. */
    public Optional<String> trustLevel(String device, String peer, long seq) {
        String level = null;
        for (LevelAt l : levels.getOrDefault(device + ">" + peer, List.of())) {
            if (l.seq() < seq) {
                level = l.level();
            }
        }
        return Optional.ofNullable(level);
    }
}
