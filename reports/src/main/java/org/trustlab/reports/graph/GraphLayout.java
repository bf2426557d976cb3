package org.trustlab.reports.graph;

import java.util.List;

/**
 * Where a layout engine put a trust graph's parts, in SVG user units (y down): what {@link TrustGraphSvg} draws and
 * what tests check for overlaps without parsing a drawing.
 */
record GraphLayout(double width, double height, List<PlacedNode> nodes, List<PlacedEdge> edges) {
    GraphLayout {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** An axis-aligned box. */
    record Box(double x, double y, double width, double height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        /** Whether (px, py) lies on this box's outline, within {@code tolerance}. */
        boolean hasOnOutline(double px, double py, double tolerance) {
            boolean withinX = px >= x - tolerance && px <= x + width + tolerance;
            boolean withinY = py >= y - tolerance && py <= y + height + tolerance;
            boolean onVertical = withinY && (Math.abs(px - x) <= tolerance || Math.abs(px - x - width) <= tolerance);
            boolean onHorizontal = withinX && (Math.abs(py - y) <= tolerance
                    || Math.abs(py - y - height) <= tolerance);
            return onVertical || onHorizontal;
        }
    }

    record Point(double x, double y) {}

    /** A device's box and the lines written in it, the first its name. */
    record PlacedNode(TrustNode node, Box box, List<String> lines) {
        PlacedNode {
            lines = List.copyOf(lines);
        }
    }

    /** An edge's route from its truster's outline to its trusted device's outline, and its label's box. */
    record PlacedEdge(int edgeIndex, String from, String to, List<Point> route, Box label) {
        PlacedEdge {
            route = List.copyOf(route);
        }
    }
}
