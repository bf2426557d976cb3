package org.trustlab.reports.graph;

import static org.trustlab.reports.svg.Xml.num;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.properties.trust.EdgeState;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.reports.svg.Xml;

/**
 * Draws a laid-out trust graph with {@link DotSource}'s conventions: the attacker and its edges in red, devices with
 * compromised keys doubly outlined, revoked and expired trust dashed, one hue per kind of trust.
 */
final class TrustGraphSvg {
    private static final double MARGIN = 12;

    private TrustGraphSvg() {}

    static String svg(TrustGraph graph, GraphLayout layout) {
        double width = layout.width() + 2 * MARGIN;
        double height = layout.height() + 2 * MARGIN;
        Xml svg = new Xml();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", num(width), "height", num(height),
                "viewBox", "0 0 " + num(width) + " " + num(height), "font-family", "sans-serif");
        svg.element("title", graph.title());
        svg.open("g", "class", "graph", "transform", "translate(" + num(MARGIN) + " " + num(MARGIN) + ")");
        Set<String> hostile = new TreeSet<>();
        layout.nodes().stream().filter(n -> n.node().attacker()).forEach(n -> hostile.add(n.node().name()));
        for (GraphLayout.PlacedEdge p : layout.edges()) {
            TrustEdge e = graph.edges().get(p.edgeIndex());
            edge(svg, e, p, hostile.contains(e.from()) || hostile.contains(e.to()));
        }
        for (GraphLayout.PlacedNode n : layout.nodes()) {
            node(svg, n);
        }
        svg.close("g");
        svg.close("svg");
        return svg.toString();
    }

    private static void node(Xml svg, GraphLayout.PlacedNode p) {
        TrustNode t = p.node();
        GraphLayout.Box b = p.box();
        boolean compromised = !t.compromisedKeys().isEmpty();
        String stroke = t.attacker() || compromised ? DotSource.ATTACKER_RED : "#41618c";
        String fill = t.attacker() ? "#ffd9d9" : compromised ? "#fff0d0" : "#eef3fb";
        svg.open("g", "class", "node");
        svg.element("title", t.name());
        svg.empty("rect", "x", num(b.x()), "y", num(b.y()), "width", num(b.width()), "height", num(b.height()),
                "rx", "7", "fill", fill, "stroke", stroke, "stroke-width", t.attacker() ? "2" : "1");
        if (compromised) {
            svg.empty("rect", "x", num(b.x() + 3), "y", num(b.y() + 3), "width", num(b.width() - 6),
                    "height", num(b.height() - 6), "rx", "5", "fill", "none", "stroke", stroke);
        }
        List<String> lines = p.lines();
        for (int i = 0; i < lines.size(); i++) {
            svg.element("text", lines.get(i), "x", num(b.x() + b.width() / 2),
                    "y", num(b.y() + 7 + ElkLayout.NODE_LINE * (i + 0.8)), "text-anchor", "middle",
                    "font-size", num(i == 0 ? ElkLayout.NODE_FONT : ElkLayout.DETAIL_FONT),
                    "font-weight", i == 0 ? "bold" : null, "fill", t.attacker() ? DotSource.ATTACKER_RED : "#111");
        }
        svg.close("g");
    }

    private static void edge(Xml svg, TrustEdge e, GraphLayout.PlacedEdge p, boolean attack) {
        String color = attack ? DotSource.ATTACKER_RED : DotSource.colour(e.kind());
        List<GraphLayout.Point> route = p.route();
        GraphLayout.Point end = route.get(route.size() - 1);
        GraphLayout.Point before = route.get(route.size() - 2);
        double dx = end.x() - before.x();
        double dy = end.y() - before.y();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ax = dx / len;
        double ay = dy / len;
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < route.size(); i++) {
            GraphLayout.Point q = route.get(i);
            // The line stops at the arrowhead's base so a dashed line does not show through the head.
            double x = i == route.size() - 1 ? q.x() - 9 * ax : q.x();
            double y = i == route.size() - 1 ? q.y() - 9 * ay : q.y();
            d.append(i == 0 ? "M" : " L").append(num(x)).append(',').append(num(y));
        }
        svg.open("g", "class", "edge");
        svg.element("title", e.from() + " -> " + e.to());
        svg.empty("path", "d", d.toString(), "fill", "none", "stroke", color, "stroke-width", attack ? "2" : "1.3",
                "stroke-dasharray", e.state() == EdgeState.ACTIVE ? null : "6,4");
        svg.empty("polygon", "points", num(end.x()) + "," + num(end.y()) + " " + num(end.x() - 10 * ax - 4 * ay)
                + "," + num(end.y() - 10 * ay + 4 * ax) + " " + num(end.x() - 10 * ax + 4 * ay) + ","
                + num(end.y() - 10 * ay - 4 * ax), "fill", color);
        String[] label = e.label().split("\n");
        GraphLayout.Box b = p.label();
        for (int i = 0; i < label.length; i++) {
            svg.element("text", label[i], "x", num(b.x() + b.width() / 2),
                    "y", num(b.y() + 1 + ElkLayout.LABEL_LINE * (i + 0.8)), "text-anchor", "middle",
                    "font-size", num(ElkLayout.LABEL_FONT), "fill", color, "stroke", "#ffffff", "stroke-width", "3",
                    "paint-order", "stroke");
        }
        svg.close("g");
    }
}
