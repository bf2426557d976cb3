package org.trustlab.reports.graph;

import java.util.List;
import org.trustlab.properties.trust.TrustEdge;

/**
 * Who trusts whom at one moment of a run ({@code atNanos}, virtual time): the graph drawn per failure (at the
 * violation) and per protocol (at the end of a typical run). {@code note} says what the graph could not show, e.g.
 * that no extractor exists yet for a protocol.
 */
public record TrustGraph(String id, String title, long atNanos, List<TrustNode> nodes, List<TrustEdge> edges,
        String note) {
    public TrustGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        note = note == null ? "" : note;
    }
}
