package org.trustlab.reports.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.trust.EdgeState;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.properties.trust.TrustKind;
import org.trustlab.reports.svg.SvgEmbed;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphRendererTest {
    static TrustGraph sample() {
        return new TrustGraph("g", "sample", 5_000_000_000L,
                List.of(new TrustNode("laptop", "validator", false, List.of()),
                        new TrustNode("phone", "requester", false, List.of("key gen 0 compromised at 2.000 s")),
                        new TrustNode("attacker", "network attacker", true, List.of())),
                List.of(new TrustEdge("laptop", "phone", TrustKind.DIRECT, "", -1, EdgeState.ACTIVE, Optional.empty()),
                        new TrustEdge("laptop", "phone", TrustKind.GRANT, "session S1 (AutoJoin)", 1_000_000_000L,
                                EdgeState.REVOKED, Optional.of(3_000_000_000L)),
                        new TrustEdge("laptop", "attacker", TrustKind.GRANT, "session S2 (auto-join accepted)",
                                4_000_000_000L, EdgeState.ACTIVE, Optional.empty())),
                "");
    }

    /** Texts of the drawing, and how many edges are dashed and how many strokes are attacker red. */
    private record Drawn(List<String> texts, int dashed, int red) {}

    private static Drawn drawn(String svg) {
        Document d = SvgEmbed.parse(svg);
        List<String> texts = new ArrayList<>();
        NodeList t = d.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        int dashed = 0;
        int red = 0;
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getLocalName().equals("path") && !e.getAttribute("stroke-dasharray").isEmpty()) {
                dashed++;
            }
            if (e.getAttribute("stroke").equalsIgnoreCase(DotSource.ATTACKER_RED)) {
                red++;
            }
        }
        return new Drawn(texts, dashed, red);
    }

    private static void assertDrawsTheSample(Drawn d) {
        assertThat(String.join("|", d.texts())).contains("laptop").contains("phone").contains("attacker")
                .contains("direct pairing, user confirmed").contains("grant for session S1 (AutoJoin)")
                .contains("revoked at 3.000 s").contains("key gen 0 compromised at 2.000 s");
        assertThat(d.dashed()).as("the revoked grant").isEqualTo(1);
        assertThat(d.red()).as("the attacker, the compromised device and the edge to the attacker").isGreaterThan(2);
    }

    @Test
    void dotSourceMarksRevokedEdgesAndTheAttacker() {
        String dot = DotSource.of(sample());
        assertThat(dot).startsWith("digraph").contains("\"rankdir\"=\"LR\"").contains("\"style\"=\"dashed\"")
                .contains("\"color\"=\"" + DotSource.ATTACKER_RED + "\"").doesNotContain("fontname");
    }

    /**
     * The engine a machine with only a JDK uses: graphviz-java's viz.js on the standalone Nashorn. The first graph
     * in a JVM takes tens of seconds (Nashorn compiles Graphviz); this is the test that pays for it.
     */
    @Test
    void vizJsOnNashornDrawsWithoutDot() {
        GraphRenderer r = GraphRenderer.create(GraphEngine.JS);
        RenderedGraph g = r.render(sample());
        assertThat(g.engine()).contains("viz.js").contains("Nashorn").doesNotContain("fell back");
        assertThat(g.svg()).contains("class=\"graph\"");
        assertDrawsTheSample(drawn(g.svg()));
    }

    @Test
    void dotDrawsWhenItIsInstalled() {
        assumeTrue(GraphRenderer.findOnPath("dot").isPresent(), "no dot on the PATH");
        RenderedGraph g = GraphRenderer.create(GraphEngine.AUTO).render(sample());
        assertThat(g.engine()).startsWith("Graphviz dot").doesNotContain("fell back");
        assertDrawsTheSample(drawn(g.svg()));
    }

    @Test
    void autoPicksDotOnlyWhenItIsOnThePath() {
        String description = GraphRenderer.create(GraphEngine.AUTO).engineDescription();
        if (GraphRenderer.findOnPath("dot").isPresent()) {
            assertThat(description).startsWith("Graphviz dot");
        } else {
            assertThat(description).contains("viz.js").contains("no dot is on the PATH");
        }
    }

    @Test
    void theBuiltInLayoutDrawsTheSameFacts() {
        RenderedGraph g = GraphRenderer.create(GraphEngine.BUILTIN).render(sample());
        assertThat(g.engine()).contains("built-in");
        assertDrawsTheSample(drawn(g.svg()));
    }

    @Test
    void aFailingEngineFallsBackAndSaysSo() {
        GraphRenderer r = new GraphRenderer(GraphEngine.DOT, src -> {
            throw new IllegalStateException("dot crashed");
        }, src -> {
            throw new IllegalStateException("no JavaScript here");
        });
        RenderedGraph g = r.render(sample());
        assertThat(g.engine()).contains("dot failed (dot crashed)").contains("viz.js on Nashorn failed")
                .contains("built-in");
        assertDrawsTheSample(drawn(g.svg()));
        assertThat(r.engineDescription()).isEqualTo(g.engine());
    }
}
