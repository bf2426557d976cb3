package org.trustlab.reports.vouch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.trustlab.reports.graph.EdgeLedger;
import org.trustlab.reports.graph.ScenarioFacts;
import org.trustlab.reports.graph.TrustEdgeExtractor;
import org.trustlab.reports.graph.TrustKind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Trust edges of Spacedrive's proxy pairing: a confirmed {@code PairingRequest} is a direct, user-confirmed edge
 * ({@code pairing_type: Direct}); a vouch a receiver accepted is a vouched edge from the receiver to the vouchee,
 * labelled with its voucher ({@code pairing_type: Proxied}); an unpairing revokes the pair's edges.
 */
public final class VouchTrustEdges implements TrustEdgeExtractor {
    @Override
    public String protocol() {
        return "vouch";
    }

    @Override
    public void read(ScenarioFacts scenario, List<TraceEvent> events, EdgeLedger ledger) {
        for (JsonNode p : scenario.setup().path("pairings")) {
            String a = p.path("a").asText(p.path("device").asText(""));
            String b = p.path("b").asText(p.path("peer").asText(""));
            if (!a.isEmpty() && !b.isEmpty()) {
                ledger.add(a, b, TrustKind.DIRECT, "set up", -1, Optional.empty());
                ledger.add(b, a, TrustKind.DIRECT, "set up", -1, Optional.empty());
            }
        }
        for (TraceEvent e : events) {
            if (e.kind() != TraceEvent.Kind.OUTCOME && e.kind() != TraceEvent.Kind.AUDIT) {
                continue;
            }
            boolean accepted = e.kind() == TraceEvent.Kind.AUDIT || "accepted".equals(e.field("result"));
            if (!accepted) {
                continue;
            }
            String peer = first(e, "peer", "device", "vouchee");
            if ("Proxied".equals(e.field("pairing-type")) || e.type().equals("proxy-pairing-accepted")) {
                String vouchee = first(e, "vouchee", "peer", "device");
                if (vouchee != null) {
                    ledger.add(e.node(), vouchee, TrustKind.VOUCHED, first(e, "voucher"), e.timeNanos(),
                            Optional.empty());
                }
            } else if ("Direct".equals(e.field("pairing-type")) || e.type().equals("pairing-confirmed")) {
                if (peer != null) {
                    ledger.add(e.node(), peer, TrustKind.DIRECT, "", e.timeNanos(), Optional.empty());
                }
            } else if (e.type().equals("unpaired") && peer != null) {
                ledger.revokeAll(e.node(), peer, e.timeNanos());
            }
        }
    }

    private static String first(TraceEvent e, String... keys) {
        for (String k : keys) {
            if (e.field(k) != null) {
                return e.field(k);
            }
        }
        return null;
    }
}
