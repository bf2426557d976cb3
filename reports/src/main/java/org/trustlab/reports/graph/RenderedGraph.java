package org.trustlab.reports.graph;

/** A trust graph drawn as an SVG document, and which engine drew it (shown under the graph in the report). */
public record RenderedGraph(String svg, String engine) {}
