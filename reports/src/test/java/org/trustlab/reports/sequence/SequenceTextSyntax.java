package org.trustlab.reports.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;

/** Syntax checks of the sequence texts: PlantUML's own parser, and a line checker of Mermaid's grammar. */
public final class SequenceTextSyntax {
    private SequenceTextSyntax() {}

    public static boolean parsesInPlantUml(String puml) {
        SourceStringReader reader = new SourceStringReader(puml);
        return reader.getBlocks().size() == 1 && !(reader.getBlocks().get(0).getDiagram() instanceof PSystemError);
    }

    private static final Pattern PARTICIPANT = Pattern.compile("    participant (P\\d+) as (.+)");
    private static final Pattern MESSAGE = Pattern.compile("    (P\\d+)(->>|-->>|-x|--x|-\\)|->)(P\\d+): (.+)");
    private static final Pattern NOTE = Pattern.compile("    Note (?:over|left of|right of) (P\\d+)(?:,(P\\d+))?: (.+)");
    private static final Pattern ENTITY = Pattern.compile("#\\d+;");
    private static final Pattern BAD_TEXT = Pattern.compile("[;<>#]");

    /**
     * The lines Mermaid's sequenceDiagram grammar accepts, as far as these files use it: the header, comments,
     * participants declared before use, messages and notes with text that has no statement end ({@code ;}), no
     * {@code #} outside an entity code and no HTML. Returns the problems found, one per line.
     */
    public static List<String> validMermaidSequence(String text) {
        List<String> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals("sequenceDiagram")) {
            problems.add("line 1 is not sequenceDiagram");
            return problems;
        }
        Set<String> declared = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher p = PARTICIPANT.matcher(l);
            Matcher m = MESSAGE.matcher(l);
            Matcher n = NOTE.matcher(l);
            List<String> used = new ArrayList<>();
            String said;
            if (l.startsWith("    %% ")) {
                continue;
            } else if (p.matches()) {
                declared.add(p.group(1));
                said = p.group(2);
            } else if (m.matches()) {
                used.add(m.group(1));
                used.add(m.group(3));
                said = m.group(4);
            } else if (n.matches()) {
                used.add(n.group(1));
                if (n.group(2) != null) {
                    used.add(n.group(2));
                }
                said = n.group(3);
            } else {
                problems.add("line " + (i + 1) + " is no statement: " + l);
                continue;
            }
            for (String u : used) {
                if (!declared.contains(u)) {
                    problems.add("line " + (i + 1) + " uses undeclared " + u);
                }
            }
            if (BAD_TEXT.matcher(ENTITY.matcher(said).replaceAll("")).find()) {
                problems.add("line " + (i + 1) + " has text Mermaid reads as syntax: " + said);
            }
        }
        return problems;
    }
}
