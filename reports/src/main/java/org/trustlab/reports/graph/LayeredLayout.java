package org.trustlab.reports.graph;

import static org.trustlab.reports.svg.Xml.num;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.properties.trust.EdgeState;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.reports.svg.Xml;

/**
 * trustlab's own drawing of a trust graph, used only when Graphviz cannot run (and chosen explicitly in tests of
 * other parts): devices in layers by longest trust path from an untrusted-by-anyone device, trust flowing left to
 * right, parallel edges bowed apart, same style conventions as {@link DotSource}. It is plainer than Graphviz and
 * makes no attempt to minimise crossings; the report names the engine under each graph.
 */
final class LayeredLayout {
    private static final double MARGIN = 20;
    private static final double COLUMN = 440;
    private static final double ROW_GAP = 60;
    private static final double NODE_WIDTH = 170;
    private static final double LINE = 15;

    private LayeredLayout() {}

    static String svg(TrustGraph graph) {
        List<TrustNode> nodes = new ArrayList<>(graph.nodes());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        for (TrustEdge e : graph.edges()) {
            for (String end : List.of(e.from(), e.to())) {
                if (!index.containsKey(end)) {
                    index.put(end, nodes.size());
                    nodes.add(new TrustNode(end, "", false, List.of()));
                }
            }
        }
        int n = nodes.size();
        int[] rank = new int[n];
        // Longest path by relaxation, capped at n so that trust cycles (mutual pairings) terminate.
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (TrustEdge e : graph.edges()) {
                int u = index.get(e.from());
                int v = index.get(e.to());
                if (u != v && rank[v] < rank[u] + 1 && rank[u] + 1 < n && !mutual(graph, e)) {
                    rank[v] = rank[u] + 1;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] h = new double[n];
        Map<Integer, Double> columnBottom = new HashMap<>();
        double width = 0;
        double height = 0;
        for (int i = 0; i < n; i++) {
            h[i] = LINE * lines(nodes.get(i)).size() + 14;
            x[i] = MARGIN + rank[i] * COLUMN;
            y[i] = columnBottom.getOrDefault(rank[i], MARGIN);
            columnBottom.put(rank[i], y[i] + h[i] + ROW_GAP);
            width = Math.max(width, x[i] + NODE_WIDTH + MARGIN);
            height = Math.max(height, y[i] + h[i] + MARGIN);
        }
        Xml svg = new Xml();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", num(width), "height", num(height),
                "viewBox", "0 0 " + num(width) + " " + num(height), "font-family", "sans-serif");
        svg.element("title", graph.title());
        Set<String> hostile = new TreeSet<>();
        nodes.stream().filter(TrustNode::attacker).forEach(t -> hostile.add(t.name()));
        Map<String, Integer> seenPairs = new HashMap<>();
        for (TrustEdge e : graph.edges()) {
            int u = index.get(e.from());
            int v = index.get(e.to());
            String pair = Math.min(u, v) + "-" + Math.max(u, v);
            int k = seenPairs.merge(pair, 1, Integer::sum) - 1;
            edge(svg, e, x[u], y[u], h[u], x[v], y[v], h[v], k, u < v,
                    hostile.contains(e.from()) || hostile.contains(e.to()));
        }
        for (int i = 0; i < n; i++) {
            node(svg, nodes.get(i), x[i], y[i], h[i]);
        }
        svg.close("svg");
        return svg.toString();
    }

    private static boolean mutual(TrustGraph g, TrustEdge e) {
        return g.edges().stream().anyMatch(o -> o.from().equals(e.to()) && o.to().equals(e.from()))
                && e.from().compareTo(e.to()) > 0;
    }

    private static List<String> lines(TrustNode t) {
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

    private static void node(Xml svg, TrustNode t, double x, double y, double h) {
        boolean compromised = !t.compromisedKeys().isEmpty();
        String stroke = t.attacker() || compromised ? DotSource.ATTACKER_RED : "#41618c";
        String fill = t.attacker() ? "#ffd9d9" : compromised ? "#fff0d0" : "#eef3fb";
        svg.open("g", "class", "node");
        svg.element("title", t.name());
        if (compromised) {
            svg.empty("rect", "x", num(x - 3), "y", num(y - 3), "width", num(NODE_WIDTH + 6), "height", num(h + 6),
                    "rx", "9", "fill", "none", "stroke", stroke);
        }
        svg.empty("rect", "x", num(x), "y", num(y), "width", num(NODE_WIDTH), "height", num(h), "rx", "7",
                "fill", fill, "stroke", stroke, "stroke-width", t.attacker() ? "2" : "1");
        List<String> lines = lines(t);
        for (int i = 0; i < lines.size(); i++) {
            svg.element("text", lines.get(i), "x", num(x + NODE_WIDTH / 2), "y", num(y + 18 + i * LINE),
                    "text-anchor", "middle", "font-size", i == 0 ? "13" : "11", "font-weight", i == 0 ? "bold" : null,
                    "fill", t.attacker() ? DotSource.ATTACKER_RED : "#111");
        }
        svg.close("g");
    }

    private static void edge(Xml svg, TrustEdge e, double ux, double uy, double uh, double vx, double vy, double vh,
            int k, boolean forwardPair, boolean attack) {
        double x0;
        double x1;
        if (vx > ux) {
            x0 = ux + NODE_WIDTH;
            x1 = vx;
        } else if (vx < ux) {
            x0 = ux;
            x1 = vx + NODE_WIDTH;
        } else {
            x0 = ux + NODE_WIDTH;
            x1 = vx + NODE_WIDTH;
        }
        double y0 = uy + uh / 2;
        double y1 = vy + vh / 2;
        // Parallel and opposite edges between one pair bow to alternate sides so their labels do not overlap.
        double bow = (k + 1) / 2 * 70.0 * (k % 2 == 0 ? 1 : -1) * (forwardPair ? 1 : -1);
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2 + bow;
        if (vx == ux) {
            cx = x0 + 80 + 30 * k;
        }
        String color = attack ? DotSource.ATTACKER_RED : DotSource.colour(e.kind());
        svg.open("g", "class", "edge");
        svg.element("title", e.from() + " -> " + e.to());
        svg.empty("path", "d", "M" + num(x0) + "," + num(y0) + " Q" + num(cx) + "," + num(cy) + " " + num(x1) + ","
                + num(y1), "fill", "none", "stroke", color, "stroke-width", attack ? "2" : "1.3",
                "stroke-dasharray", e.state() == EdgeState.ACTIVE ? null : "6,4");
        double dx = x1 - cx;
        double dy = y1 - cy;
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ax = dx / len;
        double ay = dy / len;
        svg.empty("polygon", "points", num(x1) + "," + num(y1) + " " + num(x1 - 10 * ax - 4 * ay) + ","
                + num(y1 - 10 * ay + 4 * ax) + " " + num(x1 - 10 * ax + 4 * ay) + "," + num(y1 - 10 * ay - 4 * ax),
                "fill", color);
        double lx = 0.25 * x0 + 0.5 * cx + 0.25 * x1;
        double ly = 0.25 * y0 + 0.5 * cy + 0.25 * y1;
        String[] label = e.label().split("\n");
        for (int i = 0; i < label.length; i++) {
            svg.element("text", label[i], "x", num(lx), "y", num(ly - 4 + (i - (label.length - 1) / 2.0) * 12),
                    "text-anchor", "middle", "font-size", "10", "fill", color, "stroke", "#ffffff",
                    "stroke-width", "3", "paint-order", "stroke");
        }
        svg.close("g");
    }
}
