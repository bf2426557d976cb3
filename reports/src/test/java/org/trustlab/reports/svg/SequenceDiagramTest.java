package org.trustlab.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.trust.Times;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.reports.svg.SequenceDiagram.Step;
import org.trustlab.reports.svg.SequenceDiagram.StepKind;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SequenceDiagramTest {
    private final TraceBuilder trace = new TraceBuilder();
    private final List<TraceEvent> events = trace.events();

    private void add(long t, String node, Kind kind, String type, String... kv) {
        trace.add(t, node, kind, type, kv);
    }

    /** A join, a lost message, and the attacker's replay of the first response. */
    private List<TraceEvent> attack() {
        trace.replayedRequest()
                .add(5100, "laptop", Kind.OUTCOME, "auto-join", "result", "accepted", "session", "S1")
                .add(6000, "laptop", Kind.AUDIT, "late", "session", "S1");
        return events;
    }

    @Test
    void deliveriesStartAtTheirSendAndTheReplayIsRed() {
        Redactor r = Redactor.builder().scanTrace(new org.trustlab.simulator.trace.Trace(attack(), "x")).build();
        SequenceDiagram.Model m = SequenceDiagram.model(events, List.of("phone", "laptop"), Set.of(), Set.of(8L), r);
        assertThat(m.lifelines()).containsExactly("phone", "laptop", "attacker");
        assertThat(m.steps()).extracting(Step::kind).doesNotContain(StepKind.NOTE)
                .containsExactly(StepKind.USER_ACTION, StepKind.SEND, StepKind.DELIVER, StepKind.SEND, StepKind.DROP,
                        StepKind.ATTACKER, StepKind.DELIVER, StepKind.OUTCOME, StepKind.AUDIT);
        Step first = m.steps().get(2);
        Step replay = m.steps().get(6);
        assertThat(first.sendSeq()).isEqualTo(1);
        assertThat(first.hostile()).isFalse();
        assertThat(replay.sendSeq()).as("the replayed copy is matched to the original send by msg-id").isEqualTo(1);
        assertThat(replay.hostile()).isTrue();
        assertThat(replay.viaSeq()).as("drawn from the attacker's replay action").isEqualTo(6);
        assertThat(replay.label()).isEqualTo("AskAutoJoin [m0] (via attacker, copy of #1)");
        assertThat(first.viaSeq()).isEqualTo(-1);
        assertThat(m.steps().get(4).label()).contains("lost: loss");
        assertThat(m.steps().get(7).evidence()).isTrue();
        assertThat(m.steps().get(0).label()).doesNotContain("Correct-Horse").contains("[password, 13 characters]");

        Document svg = SvgEmbed.parse(SequenceDiagram.svg(m, "seq-1", "the attack"));
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("id")).isEqualTo("seq-1");
        assertThat(count(svg, "g", "attacker")).as("attacker action and replayed delivery").isEqualTo(2);
        assertThat(count(svg, "g", "drop")).isEqualTo(1);
        assertThat(count(svg, "rect", "evidence")).isEqualTo(1);
        // Lifeline headers: two devices and the attacker.
        assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).isGreaterThan(10);
    }

    /** Long labels are wrapped whole into taller rows, never cut, and no two rows' texts share a line. */
    @Test
    void longLabelsWrapWholeAndRowsDoNotShareLines() {
        String reason = "CHALLENGE_REPLAYED_BY_A_PARTY_THAT_NEVER_SAW_THE_CHALLENGE_AND_THEN_SOME_MORE";
        trace.replayedRequest()
                .add(5100, "laptop", Kind.OUTCOME, "auto-join", "result", "rejected", "reason", reason)
                .add(5200, "network", Kind.PARTITION, "partition", "groups", "phone | laptop attacker");
        SequenceDiagram.Model m = SequenceDiagram.model(events, List.of("phone", "laptop"), Set.of(), Set.of(8L),
                Redactor.builder().build());
        Document svg = SvgEmbed.parse(SequenceDiagram.svg(m, "seq-1", "long"));
        NodeList texts = svg.getElementsByTagNameNS("*", "text");
        StringBuilder all = new StringBuilder();
        List<double[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            assertThat(t.getTextContent()).doesNotEndWith("…");
            all.append(t.getTextContent());
            if (t.getParentNode() instanceof Element g && g.getAttribute("class").startsWith("step")) {
                rows.add(new double[] {Double.parseDouble(g.getAttribute("data-seq")),
                        Double.parseDouble(t.getAttribute("y"))});
            }
        }
        assertThat(all.toString()).contains(reason);
        for (double[] a : rows) {
            for (double[] b : rows) {
                if (a[0] != b[0]) {
                    assertThat(Math.abs(a[1] - b[1])).as("texts of events %s and %s", a[0], b[0])
                            .isGreaterThanOrEqualTo(13);
                }
            }
        }
    }

    @Test
    void aLongTraceKeepsItsHeadAndItsEnd() {
        for (int i = 0; i < 400; i++) {
            add(i, "phone", Kind.AUDIT, "tick-" + i);
        }
        SequenceDiagram.Model m = SequenceDiagram.model(events, List.of("phone"), Set.of(), Set.of(399L),
                Redactor.builder().build());
        assertThat(m.steps()).hasSize(SequenceDiagram.MAX_ROWS);
        assertThat(m.omitted()).isEqualTo(400 - SequenceDiagram.MAX_ROWS + 1);
        assertThat(m.steps().get(SequenceDiagram.HEAD_ROWS).kind()).isEqualTo(StepKind.GAP);
        assertThat(m.steps().get(m.steps().size() - 1).label()).isEqualTo("tick-399");
    }

    @Test
    void eventsLongAfterTheViolationAreLeftOut() {
        for (int i = 0; i < 50; i++) {
            add(i, "phone", Kind.AUDIT, "tick-" + i);
        }
        SequenceDiagram.Model m = SequenceDiagram.model(events, List.of("phone"), Set.of(), Set.of(10L),
                Redactor.builder().build());
        assertThat(m.steps()).hasSize(11 + SequenceDiagram.AFTER_EVIDENCE);
    }

    private static int count(Document d, String tag, String cssClass) {
        NodeList nodes = d.getElementsByTagNameNS("*", tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (List.of(((Element) nodes.item(i)).getAttribute("class").split(" ")).contains(cssClass)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void xmlEscapingSurvivesHostileText() {
        Xml x = new Xml().element("text", "a<b>&\"c\u0001\uD800", "title", "x\"<y>\n");
        assertThat(SvgEmbed.parse("<r>" + x + "</r>").getDocumentElement().getTextContent())
                .isEqualTo("a<b>&\"c\uFFFD\uFFFD");
        assertThat(Times.format(1_500_000_000L)).isEqualTo("1.500 s");
        assertThat(Times.format(11_234_567L)).isEqualTo("11.234 ms");
        assertThat(Times.format(3 * 86_400_000_000_000L + 61_000_000_000L)).isEqualTo("3d 00:01:01.000");
        assertThat(Xml.num(1.0)).isEqualTo("1");
        assertThat(Xml.num(2.346)).isEqualTo("2.35");
    }
}
