package org.trustlab.properties.autojoin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.trustlab.properties.invariant.Instants;
import org.trustlab.properties.invariant.LastTraceView;
import org.trustlab.properties.invariant.TraceIndex;
import org.trustlab.reference.autojoin.AutoJoinCodec;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The autojoin facts a trace records, by the audit types and fields the reference roles emit. The invariants read
 * facts the roles report (what was issued, signed, accepted, delivered, revoked) plus what the simulator adds on
 * its own (each node's local clock, the attacker's compromises and learned secrets), and re-judge them: a broken
 * check in a role does not change the facts it reports, so the invariant sees through it.
 */
final class AutoJoinTrace {
    static final String ACCEPTED = "auto-join-accepted";
    static final String ISSUED = "challenge-issued";
    static final String SIGNED = "challenge-signed";
    static final String DELIVERED = "session-key-delivered";
    static final String RECEIVED = "session-key-received";
    static final String MANUAL_VALIDATED = "manual-join-validated";
    static final String GRANT_CREATED = "grant-created";
    static final String GRANT_REVOKED = "grant-revoked";

    // Wire tags (SEND / DELIVER event types) and the fields the simulator reads off those messages.
    static final String ASK_AUTO_JOIN = AutoJoinCodec.ASK_AUTO_JOIN;
    static final String RESPONSE = AutoJoinCodec.AUTO_JOIN_CHALLENGE_RESPONSE;
    static final String VALIDATE = AutoJoinCodec.VALIDATE_JOIN;
    static final String W_SESSION = "wire-session";
    static final String W_VALIDATOR = "wire-validator-instance";
    static final String W_JOINER = "wire-joiner-instance";
    static final String W_REQUESTER = "wire-requester";
    static final String W_TARGET = "wire-target";
    static final String W_PURPOSE = "wire-purpose";
    static final String W_NONCE = "wire-nonce";
    static final String W_FLOW = "wire-flow";

    private static final LastTraceView<AutoJoinTrace> LAST = new LastTraceView<>(AutoJoinTrace::new);

    private final Trace trace;
    private final TraceIndex index;
    /** Per key fingerprint, the device and generation of the first audit naming both; built on first use. */
    private Map<String, String[]> owners;

    private AutoJoinTrace(Trace trace) {
        this.trace = trace;
        this.index = new TraceIndex(trace);
    }

    static AutoJoinTrace of(Trace trace) {
        return LAST.of(trace);
    }

    List<TraceEvent> audits(String type) {
        return index.of(Kind.AUDIT, type);
    }

    /** Audits of {@code type} on {@code node} that happened before {@code event} in the trace. */
    List<TraceEvent> auditsBefore(String type, String node, TraceEvent event) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : audits(type)) {
            if (e.seq() < event.seq() && e.node().equals(node)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The latest audit of {@code type} on {@code node} before {@code event} that {@code match} accepts. */
    Optional<TraceEvent> latestBefore(String type, String node, TraceEvent event, Predicate<TraceEvent> match) {
        return Optional.ofNullable(TraceIndex.latestBefore(audits(type), node, event, match));
    }

    /** The messages of wire tag {@code tag} that device {@code node}'s role sent (never an injection or a relay). */
    List<TraceEvent> sentBy(String node, String tag) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : index.of(Kind.SEND, tag)) {
            if (e.node().equals(node)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The subject of {@code autojoin.requester-signs-own-challenges}: every challenge response a requester's own role
     * put on the wire (the server's relays and the attacker's injections are not a requester's signature).
     */
    List<TraceEvent> signedResponses() {
        AutoJoinWorld world = world();
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : index.of(Kind.SEND, RESPONSE)) {
            if (world.isRequester(e.node())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The request a requester's response answers: its latest {@code AskAutoJoin} on the wire for the response's
     * session before it (a new request for a session replaces the one before, as the requester's pending join does).
     */
    Optional<TraceEvent> requestAnswered(TraceEvent response) {
        return Optional.ofNullable(TraceIndex.latestBefore(index.of(Kind.SEND, ASK_AUTO_JOIN), response.node(),
                response, q -> same(q, response, W_SESSION)));
    }

    /** The subject of {@code autojoin.session-key-authenticity}: every session key a requester took. */
    List<TraceEvent> sessionKeysTaken() {
        AutoJoinWorld world = world();
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : audits(RECEIVED)) {
            if (world.isRequester(e.node())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The message {@code node} was handling when it wrote {@code event}: its latest delivery before it. */
    Optional<TraceEvent> deliveryHandled(String node, TraceEvent event) {
        return Optional.ofNullable(TraceIndex.latestBefore(index.of(Kind.DELIVER), node, event, d -> true));
    }

    /** The SEND events of {@code tag} in trace order. */
    List<TraceEvent> sends(String tag) {
        return index.of(Kind.SEND, tag);
    }

    List<TraceEvent> attacker(String type) {
        return index.of(Kind.ATTACKER, type);
    }

    /**
     * Whether the attacker held {@code device}'s keys of {@code generation} (any generation if null) when
     * {@code event} happened: it controls the device, or a compromise handed them over earlier.
     */
    boolean attackerHeld(String device, String generation, TraceEvent event) {
        if (attackerControls(device, event)) {
            return true;
        }
        for (TraceEvent e : index.of(Kind.ATTACKER)) {
            if (e.seq() < event.seq() && device.equals(e.field("device")) && e.type().equals("compromise")
                    && (generation == null || generation.equals(e.field("generation")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the attacker held the private key with this fingerprint when {@code event} happened: a compromise
     * named it (the binding adds the compromised key's fingerprint), or its owner, as audits show it, was
     * compromised at that generation or is the attacker's own device.
     */
    boolean attackerHeldKey(String fingerprint, TraceEvent event) {
        if (fingerprint == null) {
            return false;
        }
        boolean named = attacker("compromise").stream().anyMatch(e -> e.seq() < event.seq()
                && fingerprint.equals(e.field("key-fingerprint")));
        Optional<String[]> owner = ownerOfKey(fingerprint);
        return named || (owner.isPresent() && attackerHeld(owner.get()[0], owner.get()[1], event));
    }

    /** The device and key generation a key fingerprint was seen in use by (requester audits name both). */
    Optional<String[]> ownerOfKey(String fingerprint) {
        if (owners == null) {
            owners = new HashMap<>();
            for (TraceEvent e : index.of(Kind.AUDIT)) {
                String fp = e.field("key-fingerprint");
                String generation = e.field("key-generation");
                if (fp != null && generation != null) {
                    owners.putIfAbsent(fp, new String[] {e.node(), generation});
                }
            }
        }
        return Optional.ofNullable(owners.get(fingerprint));
    }

    /** The messages of type {@code tag} as their senders put them on the wire (SEND events). */
    List<TraceEvent> sent(String tag) {
        return index.of(Kind.SEND, tag);
    }

    /** The device that sent message {@code msgId} (its SEND event), if any. */
    Optional<String> sender(String msgId) {
        if (msgId == null) {
            return Optional.empty();
        }
        for (TraceEvent e : index.of(Kind.SEND)) {
            if (msgId.equals(e.field("msg-id"))) {
                return Optional.of(e.node());
            }
        }
        return Optional.empty();
    }

    /** Whether the attacker controls {@code device} itself (its own device, or one it registered) by {@code event}. */
    boolean attackerControls(String device, TraceEvent event) {
        for (TraceEvent e : index.of(Kind.ATTACKER)) {
            if (e.seq() < event.seq() && device.equals(e.field("device"))
                    && (e.type().equals("controls") || e.type().equals("register"))) {
                return true;
            }
        }
        return false;
    }

    /** The world's facts of the same trace. */
    AutoJoinWorld world() {
        return AutoJoinWorld.of(trace);
    }

    static Optional<Instant> instant(String text) {
        return Optional.ofNullable(Instants.parseOrNull(text));
    }

    static boolean same(TraceEvent a, TraceEvent b, String... keys) {
        for (String k : keys) {
            String x = a.field(k);
            if (x == null || !x.equals(b.field(k))) {
                return false;
            }
        }
        return true;
    }
}
