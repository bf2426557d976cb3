package org.trustlab.reports.graph;

import static guru.nidi.graphviz.attribute.Attributes.attr;
import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.properties.trust.EdgeState;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.properties.trust.TrustKind;

/**
 * A trust graph as a graphviz-java model, serialised to DOT. Trust flows left to right (truster to trusted); the
 * attacker and devices with compromised keys are red; revoked and expired edges are dashed. No {@code fontname} is
 * set on purpose: a custom font makes viz.js measure text through a code path Nashorn cannot run
 * ({@code Float64Array.from}), and would need AWT fonts a headless server may not have.
 */
public final class DotSource {
    static final String ATTACKER_RED = "#c00000";

    private DotSource() {}

    /** graphviz-java's attribute methods are generic varargs; the attributes passed are all plain name=value. */
    @SuppressWarnings("unchecked")
    public static String of(TrustGraph graph) {
        MutableGraph g = mutGraph("trust").setDirected(true);
        g.graphAttrs().add(attr("rankdir", "LR"), attr("nodesep", "0.5"), attr("ranksep", "1.1"),
                attr("pad", "0.2"));
        g.nodeAttrs().add(attr("shape", "box"), attr("style", "rounded,filled"), attr("fontsize", "12"));
        g.linkAttrs().add(attr("fontsize", "10"));
        Set<String> hostile = new TreeSet<>();
        Map<String, MutableNode> nodes = new LinkedHashMap<>();
        for (TrustNode n : graph.nodes()) {
            StringBuilder label = new StringBuilder(n.name());
            if (!n.role().isEmpty() && !n.role().equals(n.name())) {
                label.append("\n").append(n.role());
            }
            MutableNode node = mutNode(n.name());
            if (n.attacker()) {
                hostile.add(n.name());
                if (!n.role().contains("attacker") && !n.name().contains("attacker")) {
                    label.append("\n(attacker's device)");
                }
                node.add(attr("fillcolor", "#ffd9d9"), attr("color", ATTACKER_RED), attr("penwidth", "2"),
                        attr("fontcolor", ATTACKER_RED));
            } else if (!n.compromisedKeys().isEmpty()) {
                node.add(attr("fillcolor", "#fff0d0"), attr("color", ATTACKER_RED), attr("peripheries", "2"));
            } else {
                node.add(attr("fillcolor", "#eef3fb"), attr("color", "#41618c"));
            }
            for (String c : n.compromisedKeys()) {
                label.append("\n").append(c);
            }
            node.add(attr("label", label.toString()));
            nodes.put(n.name(), node);
            g.add(node);
        }
        for (TrustEdge e : graph.edges()) {
            MutableNode from = nodes.computeIfAbsent(e.from(), k -> {
                MutableNode m = mutNode(k);
                g.add(m);
                return m;
            });
            MutableNode toNode = nodes.computeIfAbsent(e.to(), k -> {
                MutableNode m = mutNode(k);
                g.add(m);
                return m;
            });
            boolean attack = hostile.contains(e.from()) || hostile.contains(e.to());
            String color = attack ? ATTACKER_RED : colour(e.kind());
            from.addLink(to(toNode).with(attr("label", e.label()), attr("color", color), attr("fontcolor", color),
                    attr("style", e.state() == EdgeState.ACTIVE ? "solid" : "dashed"),
                    attr("penwidth", attack ? "2" : "1.3")));
        }
        return g.toString();
    }

    /** One hue per kind of trust, so a chain's mix of direct and derived trust is visible at a glance. */
    static String colour(TrustKind kind) {
        return switch (kind) {
            case DIRECT -> "#1f4e79";
            case VOUCHED -> "#6a3d9a";
            case GRANT -> "#1b7837";
            case TOFU_SLOT -> "#b35806";
            case SECUREJOIN -> "#2166ac";
            case PSK_MEMBER -> "#4d4d4d";
        };
    }
}
