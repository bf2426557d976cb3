package org.trustlab.reports.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.ProtocolModules;
import org.trustlab.properties.trust.EdgeLedger;
import org.trustlab.properties.trust.ScenarioFacts;
import org.trustlab.properties.trust.Times;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Builds the trust graph of a run at a moment: the scenario's devices (and any other node the trace names), the
 * attacker, the keys compromised by then, and the edges the protocol's extractor reads from the events up to and
 * including the event at {@code atSeq}.
 */
public final class TrustGraphBuilder {
    /** The network attacker's node name in traces and in graphs. */
    public static final String ATTACKER = "attacker";
    private static final String NETWORK = "network";

    private TrustGraphBuilder() {}

    public static TrustGraph build(String id, String title, ScenarioFacts scenario, List<TraceEvent> events,
            long atSeq) {
        List<TraceEvent> upTo = events.stream().filter(e -> e.seq() <= atSeq).toList();
        long atNanos = upTo.isEmpty() ? 0 : upTo.get(upTo.size() - 1).timeNanos();
        Map<String, TrustNode> nodes = new LinkedHashMap<>();
        boolean attackerActive = scenario.hasAttacker()
                || upTo.stream().anyMatch(e -> e.kind() == TraceEvent.Kind.ATTACKER);
        for (ScenarioFacts.Device d : scenario.devices()) {
            nodes.put(d.name(), new TrustNode(d.name(), d.role(), d.attacker(), compromised(scenario, d.name(),
                    atNanos)));
        }
        for (TraceEvent e : upTo) {
            if (e.kind() != TraceEvent.Kind.FACT && !e.node().equals(NETWORK) && !e.node().equals(ATTACKER)
                    && !nodes.containsKey(e.node())) {
                nodes.put(e.node(), new TrustNode(e.node(), "", false, compromised(scenario, e.node(), atNanos)));
            }
        }
        if (attackerActive && !nodes.containsKey(ATTACKER)) {
            nodes.put(ATTACKER, new TrustNode(ATTACKER, "network attacker", true, List.of()));
        }
        Optional<TrustEdgeExtractor> extractor = ProtocolModules.find(scenario.protocol())
                .flatMap(ProtocolModule::trustEdges);
        List<TrustEdge> edges = new ArrayList<>();
        String note = "";
        if (extractor.isPresent()) {
            EdgeLedger ledger = new EdgeLedger();
            extractor.get().read(scenario, upTo, ledger);
            edges.addAll(ledger.at(atNanos));
            if (edges.isEmpty()) {
                note = "no trust edge exists at this moment";
            }
        } else {
            note = "no trust-edge extractor for protocol '" + scenario.protocol() + "' yet: devices only";
        }
        for (TrustEdge e : edges) {
            for (String end : List.of(e.from(), e.to())) {
                nodes.putIfAbsent(end, new TrustNode(end, "", end.equals(ATTACKER), List.of()));
            }
        }
        String at = "at " + Times.format(atNanos) + " (event #" + atSeq + ")";
        return new TrustGraph(id, title + " " + at, atNanos, List.copyOf(nodes.values()), edges, note);
    }

    private static List<String> compromised(ScenarioFacts scenario, String device, long atNanos) {
        List<String> out = new ArrayList<>();
        for (ScenarioFacts.Compromise c : scenario.compromises()) {
            if (c.device().equals(device) && c.atNanos() <= atNanos) {
                out.add("key gen " + c.generation() + " compromised at " + Times.format(c.atNanos()));
            }
        }
        return out;
    }
}
