package org.trustlab.properties.vouch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustlab.properties.trust.EdgeLedger;
import org.trustlab.properties.trust.ScenarioFacts;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.properties.trust.TrustKind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Trust edges of Spacedrive's proxy pairing, from each device's own record of its pairings: a
 * {@code pairing-stored} audit event with {@code pairing-type: Direct} (a user-confirmed {@code PairingRequest})
 * is a direct edge from the device to its peer; with {@code Proxied} it is a vouched edge labelled with the voucher
 * (the source's {@code pairing_type}); {@code pairing-removed} (an unpairing) revokes the device's edges to that
 * peer. Pairings the scenario sets up ({@code setup.pairings}) exist before the run, both ways. A trust level
 * other than Trusted (Unreliable, Blocked) is part of the label, since such a voucher's vouches must be refused.
 */
public final class VouchTrustEdges implements TrustEdgeExtractor {
    @Override
    public String protocol() {
        return "vouch";
    }

    @Override
    public void read(ScenarioFacts scenario, List<TraceEvent> events, EdgeLedger ledger) {
        for (JsonNode p : scenario.setup().path("pairings")) {
            String a = p.path("a").asText("");
            String b = p.path("b").asText("");
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            boolean proxied = "proxied".equalsIgnoreCase(p.path("type").asText("direct"));
            TrustKind kind = proxied ? TrustKind.VOUCHED : TrustKind.DIRECT;
            String voucher = p.path("voucher").asText("");
            ledger.add(a, b, kind, detail(proxied, voucher, p.path("trust-a").asText(""), "set up"), -1,
                    Optional.empty());
            ledger.add(b, a, kind, detail(proxied, voucher, p.path("trust-b").asText(""), "set up"), -1,
                    Optional.empty());
        }
        for (TraceEvent e : events) {
            if (e.kind() != TraceEvent.Kind.AUDIT) {
                continue;
            }
            String device = e.field("device") != null ? e.field("device") : e.node();
            String peer = e.field("peer");
            if (peer == null) {
                continue;
            }
            if (e.type().equals("pairing-stored")) {
                boolean proxied = "Proxied".equals(e.field("pairing-type"));
                ledger.add(device, peer, proxied ? TrustKind.VOUCHED : TrustKind.DIRECT, detail(proxied,
                        nz(e.field("voucher")), nz(e.field("trust-level")), ""), e.timeNanos(), Optional.empty());
            } else if (e.type().equals("pairing-removed")) {
                ledger.revokeAll(device, peer, e.timeNanos());
            }
        }
    }

    /** For a vouched edge the voucher (what {@code vouched by X} names); else only a trust level worth noting. */
    private static String detail(boolean proxied, String voucher, String trust, String origin) {
        String level = trust.isEmpty() || trust.equalsIgnoreCase("trusted") ? ""
                : trust.substring(0, 1).toUpperCase(Locale.ROOT) + trust.substring(1).toLowerCase(Locale.ROOT);
        if (proxied) {
            return (voucher.isEmpty() ? "?" : voucher) + (level.isEmpty() ? "" : ", " + level)
                    + (origin.isEmpty() ? "" : ", " + origin);
        }
        String d = level + (level.isEmpty() || origin.isEmpty() ? "" : ", ") + origin;
        return d;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
