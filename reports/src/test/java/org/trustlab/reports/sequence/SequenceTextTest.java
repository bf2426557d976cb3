package org.trustlab.reports.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;
import org.junit.jupiter.api.Test;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.reports.svg.SequenceDiagram;
import org.trustlab.reports.svg.TraceBuilder;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** A counterexample's sequence as PlantUML and Mermaid text: its structure, its marked step, its syntax. */
class SequenceTextTest {
    /** The replayed request of {@link TraceBuilder#replayedRequest} (event #7, the violation), then a refusal. */
    private static SequenceDiagram.Model replayAttack(String noteMessage) {
        TraceBuilder trace = new TraceBuilder().replayedRequest()
                .add(5100, "laptop", Kind.OUTCOME, "auto-join", "result", "rejected", "reason",
                        "CHALLENGE_REPLAYED_BY_A_PARTY_THAT_NEVER_SAW_THE_CHALLENGE", "session", "S1")
                .add(6000, "laptop", Kind.NOTE, "note", "message", noteMessage);
        Redactor r = Redactor.builder().scanTrace(new Trace(trace.events(), "x")).build();
        return SequenceDiagram.model(trace.events(), List.of("phone", "laptop"), Set.of(), Set.of(7L), r);
    }

    @Test
    void plantUmlHasTheParticipantsOneArrowPerMessageAndTheViolatingStepMarked() {
        String puml = PlantUmlSequence.of(replayAttack("fine"), "the attack", "autojoin.no-replay");
        List<String> lines = puml.lines().toList();
        assertThat(lines.get(0)).isEqualTo("@startuml");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("@enduml");
        assertThat(lines).contains("participant \"phone\" as P1", "participant \"laptop\" as P2",
                "participant \"attacker\" as P3 #FFD9D9");
        List<String> arrows = lines.stream().filter(l -> l.matches("P\\d -.*> ?x? ?P\\d : .*")).toList();
        assertThat(arrows).containsExactly(
                "P1 -> P2 : 100.000 ms AskAutoJoin [m0]",
                "P2 ->x P1 : 150.000 ms AutoJoinChallenge lost: loss",
                "P3 -[#C00000,bold]> P2 : 5.100 s AskAutoJoin [m0] (via attacker, copy of #1)");
        int marked = lines.indexOf(arrows.get(2));
        assertThat(lines.get(marked + 1)).isEqualTo("note right #FFF1A8 : <b>violates autojoin.no-replay</b> "
                + "(event #7)");
        assertThat(puml).contains("note over P3 #FFE0E0 : 5.000 s attacker replay")
                .contains("CHALLENGE_REPLAYED_BY_A_PARTY_THAT_NEVER_SAW_THE_CHALLENGE")
                .contains("[password, 13 characters]").doesNotContain("Correct-Horse");
        assertThat(parsesInPlantUml(puml)).as(puml).isTrue();
    }

    @Test
    void mermaidHasTheParticipantsOneArrowPerMessageAndANoteOverTheViolatingStep() {
        String mmd = MermaidSequence.of(replayAttack("fine"), "the attack", "autojoin.no-replay");
        List<String> lines = mmd.lines().toList();
        assertThat(validMermaidSequence(mmd)).as(mmd).isEmpty();
        assertThat(lines).contains("    participant P1 as phone", "    participant P2 as laptop",
                "    participant P3 as attacker");
        List<String> arrows = lines.stream().filter(l -> l.matches("    P\\d(->>|-x)P\\d: .*")).toList();
        assertThat(arrows).containsExactly(
                "    P1->>P2: 100.000 ms AskAutoJoin [m0]",
                "    P2-xP1: 150.000 ms AutoJoinChallenge lost: loss",
                "    P3->>P2: ⚠ 5.100 s AskAutoJoin [m0] (via attacker, copy of #35;1)");
        int marked = lines.indexOf(arrows.get(2));
        assertThat(lines.get(marked + 1)).isEqualTo("    Note over P3,P2: VIOLATION of autojoin.no-replay (event "
                + "#35;7)");
        assertThat(mmd).contains("CHALLENGE_REPLAYED_BY_A_PARTY_THAT_NEVER_SAW_THE_CHALLENGE")
                .contains("[password, 13 characters]").doesNotContain("Correct-Horse");
    }

    @Test
    void labelsThatLookLikeMarkupStayText() {
        String hostile = "a;b #c <b>d</b> **e** //f// %% g\nh \\n i";
        SequenceDiagram.Model m = replayAttack(hostile);
        String mmd = MermaidSequence.of(m, "title; with #", "x.y");
        assertThat(validMermaidSequence(mmd)).as(mmd).isEmpty();
        assertThat(mmd.lines().count()).as("no label breaks its line").isEqualTo(
                MermaidSequence.of(replayAttack("plain"), "t", "x.y").lines().count());
        String puml = PlantUmlSequence.of(m, "title <i>", "x.y");
        assertThat(parsesInPlantUml(puml)).as(puml).isTrue();
        assertThat(puml).contains("~<b>d~</b> ~**e~** ~//f~//");
    }

    @Test
    void theMermaidCheckRejectsWhatMermaidWouldNotParse() {
        assertThat(validMermaidSequence("graph TD\n")).isNotEmpty();
        assertThat(validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P2: x\n"))
                .as("an undeclared participant").isNotEmpty();
        assertThat(validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P1: x; y\n"))
                .as("a raw semicolon ends the statement").isNotEmpty();
        assertThat(validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    Note over P1 x\n"))
                .as("a note without its colon").isNotEmpty();
        assertThat(validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P1: #1 x\n"))
                .as("a # that is no entity code").isNotEmpty();
    }

    private static boolean parsesInPlantUml(String puml) {
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
    static List<String> validMermaidSequence(String text) {
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
