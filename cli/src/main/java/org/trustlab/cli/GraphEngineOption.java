package org.trustlab.cli;

import org.trustlab.reports.graph.GraphEngine;
import picocli.CommandLine.Option;

/** {@code --graph-engine}, shared by every command that writes a report. */
final class GraphEngineOption {
    @Option(names = "--graph-engine", paramLabel = "auto|dot|js|builtin", defaultValue = "auto",
            description = "Trust-graph layout: auto (dot if on the PATH, else Graphviz's viz.js on the JDK), dot, "
                    + "js, or builtin (trustlab's own layered layout). Default: ${DEFAULT-VALUE}.")
    String name;

    /** The engine named; IllegalArgumentException with the choices for anything else. */
    GraphEngine engine() {
        return GraphEngine.parse(name);
    }
}
