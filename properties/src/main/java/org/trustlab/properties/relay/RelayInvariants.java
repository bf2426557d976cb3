package org.trustlab.properties.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.properties.invariant.WorldFacts;
import org.trustlab.properties.relay.RelayTrace.Delivered;
import org.trustlab.properties.relay.SlotTable.Effect;
import org.trustlab.properties.relay.SlotTable.Judged;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The relay's invariant catalogue. Each judges the relay's answers on the wire (and, for alerts, the alerts it
 * raised; for memory, the host's probe of its store) against the world's facts and a slot table rebuilt from the
 * wire ({@link SlotTable}).
 */
public final class RelayInvariants {
    public static final String PROTOCOL = "relay";
    public static final String SLOT_INTEGRITY = "relay.slot-integrity";
    public static final String SQUAT_AVAILABILITY = "relay.squat-availability";
    public static final String BOUNDED_MEMORY = "relay.bounded-memory";
    public static final String ALERTS = "relay.alerts";
    public static final String NO_SECRET_IN_TRACE = "relay.no-secret-in-trace";
    public static final String DATA_PLANE_AUTHENTICATION = "relay.data-plane-authentication";
    static final String RENDEZVOUS = "trustlab/relay/rendezvous/v1";

    private RelayInvariants() {}

    public static List<Invariant> all() {
        return List.of(
                of(SLOT_INTEGRITY, "No slot is granted to a registration that does not present the slot's learned "
                        + "proof: a replacement needs the learned registration_secret (only eviction, a relay "
                        + "restart or revocation re-opens a slot).", RelayInvariants::slotIntegrity),
                of(SQUAT_AVAILABILITY, "A legitimate agent (one its owner paired; any agent under TOFU) that "
                        + "registers once the relay is reachable gets its slot, unless the operator revoked it, the "
                        + "live-agent cap is reached or the agent itself exceeds the rate limit.",
                        RelayInvariants::availability),
                of(BOUNDED_MEMORY, "The relay's proof store never holds more entries than its configured cap, "
                        + "whatever a flood sends.", RelayInvariants::boundedMemory),
                of(ALERTS, "In tofu+alerts the relay raises an operator alert for every first registration of a "
                        + "slot and every change of a slot's proof.", RelayInvariants::alerts),
                of(NO_SECRET_IN_TRACE, "No honest agent's registration_secret appears in any trace event (audit, "
                        + "outcome, note): the trace is what logs and reports are made of.",
                        RelayInvariants::noSecret),
                of(DATA_PLANE_AUTHENTICATION, "Every data-plane session a client completes (Noise KK) was answered by "
                        + "the agent it paired with: the handshake message it accepted is one that agent sent. A "
                        + "squatted slot can deny or redirect the rendezvous, never complete it.",
                        RelayInvariants::dataPlane));
    }

    private static Invariant of(String id, String statement, Function<Trace, Judgement> judge) {
        return Invariant.of(id, PROTOCOL, statement, judge);
    }

    static Judgement slotIntegrity(Trace t) {
        RelayTrace trace = new RelayTrace(t);
        int judged = 0;
        List<Violation> out = new ArrayList<>();
        for (Judged j : new SlotTable(trace).judged) {
            if (j.effect() == null || j.effect() == Effect.UNDECIDED) {
                continue;
            }
            judged++;
            if (j.effect() == Effect.REPLACED) {
                out.add(new Violation(SLOT_INTEGRITY, "the relay granted slot " + j.answer().slot() + " to "
                        + j.answer().to() + ", whose registration presented a proof other than the one the slot "
                        + "learned (" + describe(j.learnedBefore()) + ")", List.of(j.request().event(),
                        j.answer().event())));
            } else if (j.effect() == Effect.REVOKED) {
                out.add(new Violation(SLOT_INTEGRITY, "the relay granted revoked slot " + j.answer().slot() + " to "
                        + j.answer().to(), List.of(j.request().event(), j.answer().event())));
            }
        }
        return new Judgement(judged, out);
    }

    private static String describe(String proof) {
        return proof.startsWith("short#") ? "a proof shorter than a secret" : "proof fp " + proof;
    }

    static Judgement availability(Trace t) {
        RelayTrace trace = new RelayTrace(t);
        boolean ownerAuthorized = trace.profile.equals("owner-authorized");
        int judged = 0;
        List<Violation> out = new ArrayList<>();
        List<Delivered> delivered = new ArrayList<>();
        for (RelayTrace.Step s : trace.steps) {
            if (s instanceof Delivered d) {
                delivered.add(d);
            }
        }
        Set<String> revoked = new HashSet<>();
        SlotTable table = new SlotTable(trace);
        for (Judged j : table.judged) {
            Delivered d = j.request();
            if (d == null) {
                continue;
            }
            RelayTrace.Agent agent = trace.honest(d).orElse(null);
            if (agent == null || (ownerAuthorized && !agent.authorized() && agent.ownerIdIsKey())) {
                continue; // not the slot's legitimate agent, or one its owner never paired
            }
            judged++;
            String reason = j.answer().reason();
            if (reason == null || excused(reason, d, j, trace, delivered)) {
                continue;
            }
            out.add(new Violation(SQUAT_AVAILABILITY, agent.device() + " registered its own slot " + d.slot()
                    + " with the secret it holds and the relay refused it with " + reason + ": "
                    + (j.learnedBefore() == null ? "the slot was open when it was checked, and another registration "
                    + "won it" : "another party's proof holds the slot (" + describe(j.learnedBefore()) + ")")
                    + " (" + trace.profile + ")", List.of(d.event(), j.answer().event())));
        }
        return new Judgement(judged, out);
    }

    /** Refusals the world's facts justify for a legitimate agent. */
    private static boolean excused(String reason, Delivered d, Judged j, RelayTrace trace, List<Delivered> all) {
        switch (reason) {
            case "SLOT_GONE":
                return trace.steps.stream().anyMatch(s -> s instanceof RelayTrace.Revoked r
                        && r.slot().equals(d.slot()) && r.event().seq() < j.answer().event().seq());
            case "AGENT_CAP_REACHED":
                return j.liveBefore() >= trace.maxAgents;
            case "RATE_LIMITED": {
                long windowStart = d.event().timeNanos() - trace.rateWindow.toNanos();
                long before = all.stream().filter(o -> o.source().equals(d.source())
                        && o.event().seq() < d.event().seq() && o.event().timeNanos() > windowStart).count();
                return before >= trace.rateLimit;
            }
            default:
                return false;
        }
    }

    static Judgement boundedMemory(Trace t) {
        RelayTrace trace = new RelayTrace(t);
        int judged = 0;
        List<Violation> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (e.is(TraceEvent.Kind.AUDIT, "probe-proof-store") && "host".equals(e.field("measured-by"))) {
                judged++;
                int entries = Integer.parseInt(e.field("entries"));
                if (entries > trace.proofStoreCap) {
                    out.add(new Violation(BOUNDED_MEMORY, "the relay's proof store holds " + entries
                            + " entries, over its cap of " + trace.proofStoreCap, List.of(e)));
                }
            }
        }
        return new Judgement(judged, out);
    }

    static Judgement alerts(Trace t) {
        RelayTrace trace = new RelayTrace(t);
        if (!trace.profile.equals("tofu+alerts")) {
            return new Judgement(0, List.of());
        }
        Map<String, Integer> raised = new HashMap<>();
        for (TraceEvent e : t.events()) {
            if (e.is(TraceEvent.Kind.AUDIT, "operator-alert") && trace.relay.equals(e.node())
                    && Set.of("first-registration", "proof-changed").contains(e.field("alert"))) {
                raised.merge(e.timeNanos() + "\n" + e.field("owner-id") + "|" + e.field("machine-id"), 1,
                        Integer::sum);
            }
        }
        int judged = 0;
        List<Violation> out = new ArrayList<>();
        for (Judged j : new SlotTable(trace).judged) {
            if (j.effect() != Effect.LEARNED && j.effect() != Effect.REPLACED) {
                continue;
            }
            judged++;
            String key = j.answer().event().timeNanos() + "\n" + j.answer().slot();
            Integer n = raised.get(key);
            if (n == null || n == 0) {
                out.add(new Violation(ALERTS, "slot " + j.answer().slot() + " "
                        + (j.effect() == Effect.LEARNED ? "learned its first proof" : "changed its proof")
                        + " for " + j.answer().to() + " without an operator alert", List.of(j.request().event(),
                        j.answer().event())));
            } else {
                raised.put(key, n - 1);
            }
        }
        return new Judgement(judged, out);
    }

    private static final Pattern HEX64 = Pattern.compile("(?=([0-9a-f]{64}))");

    static Judgement noSecret(Trace t) {
        RelayTrace trace = new RelayTrace(t);
        Map<String, String> holders = new HashMap<>();
        trace.agents.values().forEach(a -> holders.put(a.secretFp(), a.device()));
        List<Violation> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                String v = f.getValue();
                if (v.length() < 64) {
                    continue;
                }
                Matcher m = HEX64.matcher(v);
                while (m.find()) {
                    String holder = holders.get(Bytes.fingerprint(m.group(1).getBytes(StandardCharsets.UTF_8)));
                    if (holder != null) {
                        out.add(new Violation(NO_SECRET_IN_TRACE, e.node() + " wrote " + holder
                                + "'s registration_secret into " + e.kind() + " " + e.type() + " field "
                                + f.getKey(), List.of(e)));
                    }
                }
            }
        }
        return new Judgement(holders.size(), out);
    }

    static Judgement dataPlane(Trace t) {
        Map<String, String> pairedAgent = new HashMap<>();
        for (TraceEvent f : new WorldFacts(t).of("client")) {
            pairedAgent.put(WorldFacts.text(f, "device"),
                    WorldFacts.text(f, "agent"));
        }
        Map<String, Set<String>> sentBy = new HashMap<>();
        Map<String, TraceEvent> lastDelivered = new HashMap<>();
        int judged = 0;
        List<Violation> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (e.kind() == TraceEvent.Kind.SEND && e.type().equals(RENDEZVOUS)) {
                sentBy.computeIfAbsent(e.node(), k -> new HashSet<>()).add(e.field("wire-handshake-fp"));
            } else if (e.kind() == TraceEvent.Kind.DELIVER && e.type().equals(RENDEZVOUS)) {
                lastDelivered.put(e.node(), e);
            } else if (e.is(TraceEvent.Kind.OUTCOME, "data-session") && "accepted".equals(e.field("result"))
                    && pairedAgent.containsKey(e.node())) {
                judged++;
                String agent = pairedAgent.get(e.node());
                TraceEvent answer = lastDelivered.get(e.node());
                String fp = answer == null ? null : answer.field("wire-handshake-fp");
                if (fp == null || !sentBy.getOrDefault(agent, Set.of()).contains(fp)) {
                    out.add(new Violation(DATA_PLANE_AUTHENTICATION, e.node() + " completed a data-plane session "
                            + "with a handshake answer that " + agent + ", the agent it paired with, never sent",
                            answer == null ? List.of(e) : List.of(answer, e)));
                }
            }
        }
        return new Judgement(judged, out);
    }
}
