package org.trustlab.reports.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.reports.svg.TextWidth;

/**
 * Lays out a trust graph with the Eclipse Layout Kernel's layered (Sugiyama) algorithm, in pure Java: trust flows
 * left to right as in {@link DotSource}, crossings are minimised, and edge labels are placed as layout elements of
 * their own, so no label covers a device or another label. Text is sized by {@link TextWidth}'s upper bound, as the
 * drawing is measured before any font is chosen.
 */
final class ElkLayout {
    static final double NODE_FONT = 13;
    static final double DETAIL_FONT = 11;
    static final double LABEL_FONT = 10;
    static final double NODE_LINE = 15;
    static final double LABEL_LINE = 12;
    private static final double NODE_PADDING_X = 16;
    private static final double NODE_PADDING_Y = 14;
    private static final double MIN_NODE_WIDTH = 110;

    static {
        // Registers ELK's option types with its reflection utility (option defaults are cloned through it) and the
        // layered algorithm's options, found through META-INF/services (merged into the shaded jar).
        LayoutMetaDataService.getInstance();
    }

    private ElkLayout() {}

    static GraphLayout layout(TrustGraph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 16.0);

        Map<String, TrustNode> devices = new LinkedHashMap<>();
        graph.nodes().forEach(n -> devices.putIfAbsent(n.name(), n));
        for (TrustEdge e : graph.edges()) {
            devices.putIfAbsent(e.from(), new TrustNode(e.from(), "", false, List.of()));
            devices.putIfAbsent(e.to(), new TrustNode(e.to(), "", false, List.of()));
        }
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        Map<String, List<String>> linesOf = new LinkedHashMap<>();
        for (TrustNode n : devices.values()) {
            List<String> lines = lines(n);
            double w = TextWidth.upperBound(lines.get(0), NODE_FONT);
            for (String l : lines.subList(1, lines.size())) {
                w = Math.max(w, TextWidth.upperBound(l, DETAIL_FONT));
            }
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(n.name());
            node.setDimensions(Math.max(MIN_NODE_WIDTH, w + 2 * NODE_PADDING_X),
                    NODE_LINE * lines.size() + NODE_PADDING_Y);
            elkNodes.put(n.name(), node);
            linesOf.put(n.name(), lines);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        for (TrustEdge e : graph.edges()) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(elkNodes.get(e.from()), elkNodes.get(e.to()));
            String[] label = e.label().split("\n");
            double w = 0;
            for (String l : label) {
                w = Math.max(w, TextWidth.upperBound(l, LABEL_FONT));
            }
            ElkLabel l = ElkGraphUtil.createLabel(e.label(), edge);
            l.setDimensions(w + 4, LABEL_LINE * label.length + 2);
            l.setProperty(LayeredOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            elkEdges.add(edge);
        }

        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        List<GraphLayout.PlacedNode> nodes = new ArrayList<>();
        for (TrustNode n : devices.values()) {
            ElkNode e = elkNodes.get(n.name());
            nodes.add(new GraphLayout.PlacedNode(n, new GraphLayout.Box(e.getX(), e.getY(), e.getWidth(),
                    e.getHeight()), linesOf.get(n.name())));
        }
        List<GraphLayout.PlacedEdge> edges = new ArrayList<>();
        for (int i = 0; i < elkEdges.size(); i++) {
            ElkEdge e = elkEdges.get(i);
            TrustEdge t = graph.edges().get(i);
            // A simple graph has one section per edge, in the coordinates of the root, like its nodes and labels.
            ElkEdgeSection s = e.getSections().get(0);
            List<GraphLayout.Point> route = new ArrayList<>();
            route.add(new GraphLayout.Point(s.getStartX(), s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) {
                route.add(new GraphLayout.Point(b.getX(), b.getY()));
            }
            route.add(new GraphLayout.Point(s.getEndX(), s.getEndY()));
            ElkLabel l = e.getLabels().get(0);
            edges.add(new GraphLayout.PlacedEdge(i, t.from(), t.to(), route,
                    new GraphLayout.Box(l.getX(), l.getY(), l.getWidth(), l.getHeight())));
        }
        return new GraphLayout(root.getWidth(), root.getHeight(), nodes, edges);
    }

    /** A device's box text: its name, its role, whether the attacker holds it, the keys the attacker holds. */
    static List<String> lines(TrustNode t) {
        List<String> out = new ArrayList<>();
        out.add(t.name());
        if (!t.role().isEmpty() && !t.role().equals(t.name())) {
            out.add(t.role());
        }
        if (t.attacker() && !t.role().contains("attacker") && !t.name().contains("attacker")) {
            out.add("(attacker's device)");
        }
        out.addAll(t.compromisedKeys());
        return out;
    }
}
