package org.trustlab.cli;

import org.trustlab.reports.graph.GraphEngine;
import picocli.CommandLine.Option;

/** {@code --graph-engine}, shared by every command that writes a report. */
final class GraphEngineOption {
    @Option(names = "--graph-engine", paramLabel = "auto|dot|elk|js", defaultValue = "auto",
            description = "Trust-graph layout: auto (dot if on the PATH, else elk), dot (Graphviz), elk (the Eclipse "
                    + "Layout Kernel, pure Java; builtin is another name for it) or js (Graphviz's viz.js on the JDK, "
                    + "slow to start). Default: ${DEFAULT-VALUE}.")
    String name;

    /** The engine named; IllegalArgumentException with the choices for anything else. */
    GraphEngine engine() {
        return GraphEngine.parse(name);
    }
}
