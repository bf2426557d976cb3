package org.trustlab.reports.graph;

/**
 * Which layout engine draws the trust graphs. {@link #AUTO} takes Graphviz's own {@code dot} when it is on the
 * PATH (the reference layout, and fast) and otherwise graphviz-java's bundled viz.js on Nashorn, so a machine with
 * only a JDK still gets real Graphviz layouts. {@link #BUILTIN} is trustlab's own layered layout: it is what the
 * report falls back to if the chosen engine fails, saying so, and a fast choice for tests of other parts.
 */
public enum GraphEngine {
    AUTO, DOT, JS, BUILTIN;

    /** {@code auto}, {@code dot}, {@code js}, {@code builtin} (any case). */
    public static GraphEngine parse(String text) {
        for (GraphEngine e : values()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("graph engine must be one of auto, dot, js, builtin; got '" + text + "'");
    }
}
