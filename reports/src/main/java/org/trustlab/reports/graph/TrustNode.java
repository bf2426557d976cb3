package org.trustlab.reports.graph;

import java.util.List;

/**
 * A device in a trust graph: its role, whether the attacker controls it (the network attacker itself, or a device
 * registered with the attacker's keys), and which of its keys the attacker holds by the graph's moment.
 */
public record TrustNode(String name, String role, boolean attacker, List<String> compromisedKeys) {
    public TrustNode {
        role = role == null ? "" : role;
        compromisedKeys = List.copyOf(compromisedKeys);
    }
}
