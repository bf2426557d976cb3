package org.trustlab.reports.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.properties.trust.Times;
import org.trustlab.reports.svg.SequenceDiagram;
import org.trustlab.reports.svg.SequenceDiagram.Step;
import org.trustlab.reports.svg.SequenceDiagram.StepKind;

/**
 * A counterexample's sequence diagram as the lines a text notation needs: participants with plain identifiers, one
 * arrow per message (a delivery from its sender, or from the attacker when the attacker delivered the copy; a drop
 * as a lost message; a send nobody received as a message marked so), and one note per other event. Labels are the
 * diagram model's, already redacted, whole and prefixed by their virtual time. {@link PlantUmlSequence} and
 * {@link MermaidSequence} write these lines in their notations.
 */
record Exchange(String title, String invariant, Map<String, String> participants, List<Line> lines) {
    Exchange {
        participants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(participants));
        lines = List.copyOf(lines);
    }

    /** One row of the diagram. {@code violation} marks the violating step (the last of the evidence). */
    sealed interface Line permits Arrow, Note, Gap {}

    /** {@code from} and {@code to} are participant identifiers. */
    record Arrow(String from, String to, String label, boolean hostile, boolean lost, boolean evidence,
            boolean violation, long seq) implements Line {}

    /** {@code over} is one participant identifier, or every participant's for the network. */
    record Note(List<String> over, String label, boolean hostile, boolean evidence, boolean violation, long seq)
            implements Line {}

    record Gap(String label) implements Line {}

    static Exchange of(SequenceDiagram.Model m, String title, String invariant) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String l : m.lifelines()) {
            ids.put(l, "P" + (ids.size() + 1));
        }
        if (ids.isEmpty()) {
            ids.put("network", "P1");
        }
        Set<Long> received = new TreeSet<>();
        Set<Long> inView = new TreeSet<>();
        long violating = -1;
        for (Step s : m.steps()) {
            inView.add(s.seq());
            if (s.kind() == StepKind.DELIVER || s.kind() == StepKind.DROP) {
                received.add(s.sendSeq());
            }
            if (s.evidence()) {
                violating = Math.max(violating, s.seq());
            }
        }
        List<String> all = List.copyOf(ids.values());
        List<Line> lines = new ArrayList<>();
        for (Step s : m.steps()) {
            String label = Times.format(s.timeNanos()) + " " + s.label();
            boolean violation = s.seq() == violating && s.evidence();
            switch (s.kind()) {
                case DELIVER -> {
                    boolean viaAttacker = s.viaSeq() >= 0 && inView.contains(s.viaSeq()) || s.peer().isEmpty();
                    String from = viaAttacker ? SequenceDiagram.ATTACKER : s.peer();
                    lines.add(new Arrow(id(ids, from), id(ids, s.node()), label, s.hostile(), false, s.evidence(),
                            violation, s.seq()));
                }
                case DROP -> lines.add(new Arrow(id(ids, s.node()), id(ids, s.peer().isEmpty() ? s.node() : s.peer()),
                        label, s.hostile(), true, s.evidence(), violation, s.seq()));
                case SEND -> {
                    if (!received.contains(s.seq()) && !s.peer().isEmpty()) {
                        lines.add(new Arrow(id(ids, s.node()), id(ids, s.peer()), label + " (not delivered in this "
                                + "view)", s.hostile(), true, s.evidence(), violation, s.seq()));
                    } else if (s.evidence()) {
                        lines.add(new Note(List.of(id(ids, s.node())), label + " (sent)", s.hostile(), true,
                                violation, s.seq()));
                    }
                }
                case GAP -> lines.add(new Gap(s.label()));
                default -> lines.add(new Note(s.node().equals("network") ? all : List.of(id(ids, s.node())), label,
                        s.hostile(), s.evidence(), violation, s.seq()));
            }
        }
        Map<String, String> participants = new LinkedHashMap<>();
        ids.forEach((name, id) -> participants.put(id, name));
        return new Exchange(title, invariant, participants, lines);
    }

    /** Events on a node without a lifeline (an unnamed sender) sit on the attacker's, as in the drawing. */
    private static String id(Map<String, String> ids, String node) {
        String id = ids.get(node);
        if (id == null) {
            id = ids.getOrDefault(SequenceDiagram.ATTACKER, ids.values().iterator().next());
        }
        return id;
    }

    boolean isAttacker(String id) {
        return SequenceDiagram.ATTACKER.equals(participants.get(id));
    }
}
