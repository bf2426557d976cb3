package org.trustlab.properties.autojoin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.trust.EdgeLedger;
import org.trustlab.properties.trust.ScenarioFacts;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.properties.trust.TrustKind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Trust edges of ByteSync's joins. A trusted public key (set up, or learnt in a manual join where both users
 * compared the safety key) is a direct, user-confirmed edge; a {@code TrustedDeviceGrant} is a grant edge from its
 * owner to the trusted client, with its expiry; an accepted automatic join is a grant edge for that session; a
 * revoked grant or a forgotten key is drawn dashed from the moment of revocation.
 *
 * <p>Audit fields name devices by ByteSync client id ({@code XXXX-XXX-XXX}); the extractor maps them to scenario
 * device names from the events in which a device states its own id. A client id no device claims (a forgery) stays
 * a node of its own, which is what a reviewer should see.
 */
public final class AutoJoinTrustEdges implements TrustEdgeExtractor {
    @Override
    public String protocol() {
        return "autojoin";
    }

    @Override
    public void read(ScenarioFacts scenario, List<TraceEvent> events, EdgeLedger ledger) {
        readSetup(scenario.setup(), ledger);
        Map<String, String> nodeOfClient = clientIds(events);
        for (TraceEvent e : events) {
            String me = e.node();
            long t = e.timeNanos();
            if (e.kind() == TraceEvent.Kind.AUDIT) {
                switch (e.type()) {
                    case "grant-created" -> ledger.add(me, node(nodeOfClient, e.field("grant-trusted-client")),
                            TrustKind.GRANT, "session " + e.field("session") + scope(e), t,
                            virtual(e, e.field("grant-expires")));
                    case "grant-revoked" -> ledger.revoke(me, node(nodeOfClient, e.field("grant-trusted-client")),
                            TrustKind.GRANT, t);
                    case "trusted-key-forgotten" -> ledger.revoke(me, node(nodeOfClient, e.field("client")),
                            TrustKind.DIRECT, t);
                    default -> { }
                }
            } else if (e.kind() == TraceEvent.Kind.OUTCOME && "accepted".equals(e.field("result"))) {
                String session = e.field("session");
                if (e.type().equals("manual-join")) {
                    // Validator side names the requester; requester side names the validator as target.
                    String peer = e.field("requester") != null && !me.equals(node(nodeOfClient, e.field("requester")))
                            ? e.field("requester") : e.field("target");
                    if (peer != null) {
                        ledger.add(me, node(nodeOfClient, peer), TrustKind.DIRECT, "manual join, session "
                                + session, t, Optional.empty());
                    }
                } else if (e.type().equals("auto-join") && e.field("requester") != null
                        && !me.equals(node(nodeOfClient, e.field("requester")))) {
                    ledger.add(me, node(nodeOfClient, e.field("requester")), TrustKind.GRANT, "session " + session
                            + " (auto-join accepted)", t, Optional.empty());
                }
            }
        }
    }

    private static void readSetup(JsonNode setup, EdgeLedger ledger) {
        for (JsonNode line : setup.path("trust")) {
            String device = line.path("device").asText("");
            for (JsonNode trusted : line.path("trusts")) {
                String[] parts = trusted.asText().split("@", 2);
                ledger.add(device, parts[0], TrustKind.DIRECT, parts.length == 2 ? "key gen " + parts[1] : "",
                        -1, Optional.empty());
            }
        }
        for (JsonNode g : setup.path("grants")) {
            String owner = g.path("owner").asText("");
            String trusted = g.path("trusted").asText("");
            long created = ScenarioFacts.duration(g.path("created").asText("")).orElse(-1L);
            Optional<Long> expires = ScenarioFacts.duration(g.path("expires").asText(""));
            String scope = g.path("scope").asText("");
            ledger.add(owner, trusted, TrustKind.GRANT, (scope.isEmpty() ? "" : scope + " scope, ") + "set up",
                    Math.min(created, -1), expires);
            if (g.path("revoked").asBoolean(false)) {
                ledger.revoke(owner, trusted, TrustKind.GRANT, Math.min(created, -1));
            }
        }
    }

    /** Client id to device name, from the events in which a device states its own id. */
    static Map<String, String> clientIds(List<TraceEvent> events) {
        Map<String, String> out = new TreeMap<>();
        for (TraceEvent e : events) {
            String own = switch (e.type()) {
                case "manual-join-requested", "auto-join-requested", "session-key-received" -> e.field("requester");
                case "password-exchange-key-given" -> e.field("validator");
                case "grant-created" -> e.field("grant-owner");
                case "auto-join-accepted" -> e.field("target");
                default -> null;
            };
            if (own != null && (e.kind() == TraceEvent.Kind.AUDIT || e.kind() == TraceEvent.Kind.OUTCOME)) {
                out.putIfAbsent(own, e.node());
            }
        }
        return out;
    }

    private static String node(Map<String, String> nodeOfClient, String clientId) {
        if (clientId == null) {
            return "?";
        }
        return nodeOfClient.getOrDefault(clientId, clientId);
    }

    private static String scope(TraceEvent e) {
        String s = e.field("grant-scope");
        return s == null ? "" : " (" + s + ")";
    }

    /**
     * An instant on the event node's clock as virtual time: the node's clock read {@code local-time} at the event's
     * virtual time, so a skewed validator's grant expiry lands where that validator will judge it.
     */
    private static Optional<Long> virtual(TraceEvent e, String instant) {
        if (instant == null || e.field("local-time") == null) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(instant);
            Instant local = Instant.parse(e.field("local-time"));
            return Optional.of(e.timeNanos() + Duration.between(local, at).toNanos());
        } catch (DateTimeParseException | ArithmeticException ex) {
            return Optional.empty();
        }
    }
}
