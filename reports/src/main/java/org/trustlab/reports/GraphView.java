package org.trustlab.reports;

import org.trustlab.reports.graph.TrustGraph;

/** A trust graph as the report shows it: the data, the engine that drew it, and the element id of its SVG. */
public record GraphView(TrustGraph graph, String engine, String svgId) {}
