package org.trustlab.reports.sequence;

import java.util.Map;
import org.trustlab.reports.svg.SequenceDiagram;

/**
 * A counterexample as Mermaid {@code sequenceDiagram} text ({@code sequence.mmd}), which GitHub, GitLab and many
 * wikis draw where it is pasted: drops and undelivered sends as lost messages ({@code -x}), the attacker's actions
 * and the evidence as notes, and the violating step followed by a {@code Note over} naming the invariant.
 */
public final class MermaidSequence {
    private MermaidSequence() {}

    public static String of(SequenceDiagram.Model m, String title, String invariant) {
        return write(Exchange.of(m, title, invariant));
    }

    static String write(Exchange x) {
        StringBuilder b = new StringBuilder("sequenceDiagram\n");
        b.append("    %% ").append(text(x.title())).append('\n');
        for (Map.Entry<String, String> p : x.participants().entrySet()) {
            b.append("    participant ").append(p.getKey()).append(" as ").append(text(p.getValue())).append('\n');
        }
        String first = x.participants().keySet().iterator().next();
        String last = x.participants().keySet().stream().reduce((a, c) -> c).orElseThrow();
        String across = first.equals(last) ? first : first + "," + last;
        for (Exchange.Line line : x.lines()) {
            if (line instanceof Exchange.Arrow a) {
                b.append("    ").append(a.from()).append(a.lost() ? "-x" : "->>").append(a.to()).append(": ")
                        .append(a.evidence() ? "⚠ " : "").append(text(a.label())).append('\n');
                if (a.violation()) {
                    String over = a.from().equals(a.to()) ? a.to() : a.from() + "," + a.to();
                    b.append("    Note over ").append(over).append(": ").append(violation(x, a.seq())).append('\n');
                }
            } else if (line instanceof Exchange.Note n) {
                String over = n.over().size() == 1 ? n.over().get(0) : across;
                b.append("    Note over ").append(over).append(": ").append(n.evidence() ? "⚠ " : "")
                        .append(text(n.label())).append('\n');
                if (n.violation()) {
                    b.append("    Note over ").append(over).append(": ").append(violation(x, n.seq())).append('\n');
                }
            } else if (line instanceof Exchange.Gap g) {
                b.append("    Note over ").append(across).append(": ⋮ ").append(text(g.label())).append('\n');
            }
        }
        return b.toString();
    }

    private static String violation(Exchange x, long seq) {
        return text("VIOLATION of " + x.invariant() + " (event #" + seq + ")");
    }

    /**
     * One line of Mermaid text. A {@code #} starts an entity code and a {@code ;} ends a statement, so both are
     * written as entity codes; {@code <} and {@code >} likewise, lest a label read as HTML.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.replace("\r", " ").replace("\n", " ").toCharArray()) {
            switch (c) {
                case '#', ';', '<', '>', '%' -> b.append("#").append((int) c).append(';');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
