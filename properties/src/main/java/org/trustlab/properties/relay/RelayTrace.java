package org.trustlab.properties.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.properties.invariant.WorldFacts;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * A relay run as the world and the wire show it: the configured mode and limits, the honest agents with the secret
 * each really holds, and, in trace order, the registrations delivered to the relay, the relay's answers as they
 * left it, the operator's revocations and the relay's crashes. Nothing here is the relay's word about itself.
 */
final class RelayTrace {
    static final String REGISTER = "trustlab/relay/register/v1";
    static final String REGISTERED = "trustlab/relay/registered/v1";
    static final String REFUSED = "trustlab/relay/refused/v1";

    /** An honest agent from the world's facts. */
    record Agent(String device, String ownerId, String machineId, String secretFp, boolean authorized, String relay) {
        String slot() {
            return ownerId + "|" + machineId;
        }

        /** An owner id that is not an Ed25519 key falls back to TOFU even in owner-authorized. */
        boolean ownerIdIsKey() {
            return org.trustlab.reference.relay.Base58.decode(ownerId).filter(k -> k.length == 32).isPresent();
        }
    }

    /** One step of the wire or the world, in trace order. */
    sealed interface Step permits Delivered, Answer, Revoked, RelayCrash {
        TraceEvent event();
    }

    /**
     * A registration delivered to the relay. {@code proof} names the presented proof: its fingerprint, or (for a
     * proof shorter than a registration secret, whose fingerprint the wire does not carry) a name unique to this
     * message, equal to no other proof.
     */
    record Delivered(TraceEvent event, String source, String slot, String proof, boolean knownProof, int proofBytes,
            boolean authorized) implements Step {}

    /** The relay's answer as sent: {@code reason} is null for Registered. */
    record Answer(TraceEvent event, String to, String slot, String reason) implements Step {
        boolean registered() {
            return reason == null;
        }
    }

    record Revoked(TraceEvent event, String slot) implements Step {}

    record RelayCrash(TraceEvent event) implements Step {}

    final String profile;
    final int proofStoreCap;
    final int maxProofBytes;
    final int maxAgents;
    final int rateLimit;
    final java.time.Duration rateWindow;
    final Map<String, Agent> agents = new LinkedHashMap<>();
    final List<Step> steps = new ArrayList<>();
    final String relay;

    RelayTrace(Trace trace) {
        WorldFacts facts = new WorldFacts(trace);
        profile = WorldFacts.text(facts.of("profile").get(0), "profile");
        TraceEvent limits = facts.of("relay-limits").get(0);
        proofStoreCap = Integer.parseInt(WorldFacts.text(limits, "proof-store-cap"));
        maxProofBytes = Integer.parseInt(WorldFacts.text(limits, "max-proof-bytes"));
        maxAgents = Integer.parseInt(WorldFacts.text(limits, "max-agents"));
        rateLimit = Integer.parseInt(WorldFacts.text(limits, "rate-limit"));
        rateWindow = WorldFacts.duration(limits, "rate-window");
        String relayName = null;
        for (TraceEvent a : facts.of("agent")) {
            Agent agent = new Agent(WorldFacts.text(a, "device"), WorldFacts.text(a, "owner-id"),
                    WorldFacts.text(a, "machine-id"), WorldFacts.text(a, "secret-fp"),
                    Boolean.parseBoolean(WorldFacts.text(a, "authorized")), WorldFacts.text(a, "relay"));
            agents.put(agent.device(), agent);
            relayName = relayName == null ? agent.relay() : relayName;
        }
        relay = relayName == null ? "relay" : relayName;
        for (TraceEvent e : trace.events()) {
            step(e).ifPresent(steps::add);
        }
    }

    private Optional<Step> step(TraceEvent e) {
        if (e.is(TraceEvent.Kind.DELIVER, REGISTER) && relay.equals(e.node()) && e.field("wire-owner-id") != null) {
            String fp = e.field("wire-proof-fp");
            return Optional.of(new Delivered(e, e.field("from"), slot(e), fp == null ? "short#" + e.seq() : fp,
                    fp != null, Integer.parseInt(e.field("wire-proof-bytes")),
                    Boolean.parseBoolean(e.field("wire-authorized"))));
        }
        if (e.kind() == TraceEvent.Kind.SEND && relay.equals(e.node())
                && (e.type().equals(REGISTERED) || e.type().equals(REFUSED))) {
            return Optional.of(new Answer(e, e.field("to"), slot(e), e.field("wire-reason")));
        }
        if (e.is(TraceEvent.Kind.FACT, "slot-revoked")) {
            return Optional.of(new Revoked(e, e.field("owner-id") + "|" + e.field("machine-id")));
        }
        if (e.kind() == TraceEvent.Kind.CRASH && relay.equals(e.node())) {
            return Optional.of(new RelayCrash(e));
        }
        return Optional.empty();
    }

    private static String slot(TraceEvent e) {
        return e.field("wire-owner-id") + "|" + e.field("wire-machine-id");
    }

    /** The honest agent a delivered registration comes from, when it is that agent's own, with its own secret. */
    Optional<Agent> honest(Delivered d) {
        Agent a = agents.get(d.source());
        return a != null && a.slot().equals(d.slot()) && a.secretFp().equals(d.proof()) ? Optional.of(a)
                : Optional.empty();
    }
}
