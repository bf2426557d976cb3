package org.trustlab.reports.graph;

/**
 * Which layout engine draws the trust graphs. {@link #AUTO} takes Graphviz's own {@code dot} when it is on the
 * PATH (the reference layout) and otherwise {@link #ELK}, the Eclipse Layout Kernel's layered algorithm in pure
 * Java, which takes well under a second. {@link #ELK} is also what the report falls back to if {@code dot} or
 * viz.js fails, saying so. {@link #JS} is graphviz-java's viz.js on Nashorn: Graphviz's own layout without a
 * {@code dot} executable, at the price of tens of seconds to start.
 */
public enum GraphEngine {
    AUTO, DOT, ELK, JS;

    /**
     * {@code auto}, {@code dot}, {@code elk}, {@code js} (any case); {@code builtin}, the name of the pure-Java layout
     * in scripts written before ELK drew it, still means that layout.
     */
    public static GraphEngine parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("builtin")) {
            return ELK;
        }
        for (GraphEngine e : values()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("graph engine must be one of auto, dot, elk, js; got '" + text + "'");
    }
}
