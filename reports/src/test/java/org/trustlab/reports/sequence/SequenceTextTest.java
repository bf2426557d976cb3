package org.trustlab.reports.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
        assertThat(SequenceTextSyntax.parsesInPlantUml(puml)).as(puml).isTrue();
    }

    @Test
    void mermaidHasTheParticipantsOneArrowPerMessageAndANoteOverTheViolatingStep() {
        String mmd = MermaidSequence.of(replayAttack("fine"), "the attack", "autojoin.no-replay");
        List<String> lines = mmd.lines().toList();
        assertThat(SequenceTextSyntax.validMermaidSequence(mmd)).as(mmd).isEmpty();
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
        assertThat(SequenceTextSyntax.validMermaidSequence(mmd)).as(mmd).isEmpty();
        assertThat(mmd.lines().count()).as("no label breaks its line").isEqualTo(
                MermaidSequence.of(replayAttack("plain"), "t", "x.y").lines().count());
        String puml = PlantUmlSequence.of(m, "title <i>", "x.y");
        assertThat(SequenceTextSyntax.parsesInPlantUml(puml)).as(puml).isTrue();
        assertThat(puml).contains("~<b>d~</b> ~**e~** ~//f~//");
    }

    @Test
    void theMermaidCheckRejectsWhatMermaidWouldNotParse() {
        assertThat(SequenceTextSyntax.validMermaidSequence("graph TD\n")).isNotEmpty();
        assertThat(SequenceTextSyntax.validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P2: x\n"))
                .as("an undeclared participant").isNotEmpty();
        assertThat(SequenceTextSyntax.validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P1: x; y\n"))
                .as("a raw semicolon ends the statement").isNotEmpty();
        assertThat(SequenceTextSyntax.validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    Note over P1 x\n"))
                .as("a note without its colon").isNotEmpty();
        assertThat(SequenceTextSyntax.validMermaidSequence("sequenceDiagram\n    participant P1 as a\n    P1->>P1: #1 x\n"))
                .as("a # that is no entity code").isNotEmpty();
    }

}
