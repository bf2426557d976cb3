package org.trustlab.reports.sequence;

import java.util.Map;
import org.trustlab.reports.svg.SequenceDiagram;

/**
 * A counterexample as a PlantUML sequence diagram ({@code sequence.puml}), for reviewers who paste it into their own
 * documents: the attacker's lifeline and every message it sent or touched in red, drops as lost messages
 * ({@code ->x}), the evidence of the violation in bold, and the violating step with a yellow note naming the
 * invariant.
 */
public final class PlantUmlSequence {
    static final String RED = "#C00000";
    static final String EVIDENCE = "#FFF1A8";

    private PlantUmlSequence() {}

    public static String of(SequenceDiagram.Model m, String title, String invariant) {
        return write(Exchange.of(m, title, invariant));
    }

    static String write(Exchange x) {
        StringBuilder b = new StringBuilder("@startuml\n");
        b.append("title ").append(text(x.title())).append('\n');
        b.append("skinparam responseMessageBelowArrow true\n");
        for (Map.Entry<String, String> p : x.participants().entrySet()) {
            b.append("participant \"").append(p.getValue().replace("\"", "'")).append("\" as ").append(p.getKey());
            b.append(x.isAttacker(p.getKey()) ? " #FFD9D9" : "").append('\n');
        }
        for (Exchange.Line line : x.lines()) {
            if (line instanceof Exchange.Arrow a) {
                String style = a.hostile() ? (a.evidence() ? "[" + RED + ",bold]" : "[" + RED + "]")
                        : a.evidence() ? "[bold]" : "";
                b.append(a.from()).append(" -").append(style).append('>').append(a.lost() ? "x " : " ")
                        .append(a.to()).append(" : ").append(text(a.label())).append('\n');
                if (a.violation()) {
                    b.append("note right ").append(EVIDENCE).append(" : ").append(violation(x, a.seq())).append('\n');
                }
            } else if (line instanceof Exchange.Note n) {
                String colour = n.violation() || n.evidence() ? EVIDENCE : n.hostile() ? "#FFE0E0" : "";
                b.append("note over ").append(String.join(", ", n.over())).append(colour.isEmpty() ? "" : " " + colour)
                        .append(" : ").append(text(n.label()));
                if (n.violation()) {
                    b.append("\\n").append(violation(x, n.seq()));
                }
                b.append('\n');
            } else if (line instanceof Exchange.Gap g) {
                b.append("... ").append(text(g.label())).append(" ...\n");
            }
        }
        return b.append("@enduml\n").toString();
    }

    private static String violation(Exchange x, long seq) {
        return "<b>violates " + text(x.invariant()) + "</b> (event #" + seq + ")";
    }

    /**
     * One line of PlantUML text: a backslash would start an escape and creole markup ({@code **}, {@code //},
     * {@code <tag>}) would restyle a label, so they are shown as what they are.
     */
    static String text(String s) {
        return s.replace("\r", " ").replace("\n", " ").replace("\\", "\\\\").replace("<", "~<")
                .replace("**", "~**").replace("//", "~//").replace("__", "~__").replace("--", "~--");
    }
}
