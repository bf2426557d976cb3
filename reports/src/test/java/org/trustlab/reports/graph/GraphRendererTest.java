package org.trustlab.reports.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
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
    void autoPicksDotWhenItIsOnThePathAndElkOtherwise() {
        GraphRenderer withDot = GraphRenderer.create(GraphEngine.AUTO, Optional.of(Path.of("/opt/graphviz/bin/dot")));
        assertThat(withDot.current()).isEqualTo(GraphEngine.DOT);
        assertThat(withDot.engineDescription()).startsWith("Graphviz dot (/opt/graphviz/bin/dot)");
        GraphRenderer without = GraphRenderer.create(GraphEngine.AUTO, Optional.empty());
        assertThat(without.current()).isEqualTo(GraphEngine.ELK);
        assertThat(without.engineDescription()).contains("ELK").contains("no dot is on the PATH");
        assertThat(GraphRenderer.create(GraphEngine.JS, Optional.empty()).current()).isEqualTo(GraphEngine.JS);
        assertThat(GraphRenderer.create(GraphEngine.ELK, Optional.of(Path.of("/usr/bin/dot"))).current())
                .isEqualTo(GraphEngine.ELK);
        assertThatThrownBy(() -> GraphRenderer.create(GraphEngine.DOT, Optional.empty()))
                .hasMessageContaining("no dot executable is on the PATH");
    }

    @Test
    void engineNamesParseAndBuiltinStillMeansThePureJavaLayout() {
        assertThat(GraphEngine.parse(" Elk ")).isEqualTo(GraphEngine.ELK);
        assertThat(GraphEngine.parse("builtin")).isEqualTo(GraphEngine.ELK);
        assertThat(GraphEngine.parse("js")).isEqualTo(GraphEngine.JS);
        assertThatThrownBy(() -> GraphEngine.parse("neato")).hasMessageContaining("auto, dot, elk, js");
    }

    @Test
    void elkDrawsTheSameFacts() {
        RenderedGraph g = GraphRenderer.create(GraphEngine.ELK).render(sample());
        assertThat(g.engine()).contains("Eclipse Layout Kernel");
        assertDrawsTheSample(drawn(g.svg()));
    }

    /** Six devices, parallel, opposite and chained trust, long labels, a device only an edge names. */
    static TrustGraph crowded() {
        List<TrustNode> nodes = List.of(new TrustNode("laptop", "validator", false, List.of()),
                new TrustNode("phone", "requester", false, List.of("key gen 0 compromised at 2.000 s")),
                new TrustNode("tablet", "voucher", false, List.of()),
                new TrustNode("watch", "vouchee", false, List.of()),
                new TrustNode("attacker", "network attacker", true, List.of()));
        List<TrustEdge> edges = new ArrayList<>();
        edges.add(new TrustEdge("laptop", "phone", TrustKind.DIRECT, "", -1, EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("phone", "laptop", TrustKind.DIRECT, "", -1, EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("laptop", "phone", TrustKind.GRANT, "session S1 (auto-join accepted)",
                1_000_000_000L, EdgeState.REVOKED, Optional.of(3_000_000_000L)));
        edges.add(new TrustEdge("phone", "tablet", TrustKind.DIRECT, "", -1, EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("tablet", "watch", TrustKind.VOUCHED, "vouched by phone, trust level 1",
                2_000_000_000L, EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("laptop", "watch", TrustKind.VOUCHED, "vouched by tablet", 2_500_000_000L,
                EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("laptop", "attacker", TrustKind.GRANT, "session S2 (auto-join accepted)",
                4_000_000_000L, EdgeState.ACTIVE, Optional.empty()));
        edges.add(new TrustEdge("watch", "kiosk", TrustKind.DIRECT, "", -1, EdgeState.ACTIVE, Optional.empty()));
        return new TrustGraph("c", "crowded", 5_000_000_000L, nodes, edges, "");
    }

    @Test
    void elkPlacesNoBoxOverAnotherAndEveryEdgeEndsOnItsDevices() {
        for (TrustGraph graph : List.of(sample(), crowded())) {
            GraphLayout layout = ElkLayout.layout(graph);
            List<GraphLayout.PlacedNode> nodes = layout.nodes();
            assertThat(nodes).extracting(n -> n.node().name())
                    .containsAll(graph.edges().stream().flatMap(e -> java.util.stream.Stream.of(e.from(), e.to()))
                            .distinct().toList());
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    assertThat(nodes.get(i).box().overlaps(nodes.get(j).box()))
                            .as("%s over %s in %s", nodes.get(i).node().name(), nodes.get(j).node().name(),
                                    graph.title())
                            .isFalse();
                }
            }
            assertThat(layout.edges()).hasSameSizeAs(graph.edges());
            for (GraphLayout.PlacedEdge e : layout.edges()) {
                GraphLayout.Box from = boxOf(layout, e.from());
                GraphLayout.Box to = boxOf(layout, e.to());
                GraphLayout.Point first = e.route().get(0);
                GraphLayout.Point last = e.route().get(e.route().size() - 1);
                assertThat(from.hasOnOutline(first.x(), first.y(), 0.5)).as("%s starts on %s", e, e.from()).isTrue();
                assertThat(to.hasOnOutline(last.x(), last.y(), 0.5)).as("%s ends on %s", e, e.to()).isTrue();
                for (GraphLayout.PlacedNode n : nodes) {
                    assertThat(e.label().overlaps(n.box())).as("label of %s over %s", e, n.node().name()).isFalse();
                }
                for (GraphLayout.PlacedEdge o : layout.edges()) {
                    if (o != e) {
                        assertThat(e.label().overlaps(o.label())).as("label of %s over %s's", e, o).isFalse();
                    }
                }
            }
            for (GraphLayout.PlacedNode n : nodes) {
                GraphLayout.Box b = n.box();
                assertThat(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= layout.width()
                        && b.y() + b.height() <= layout.height()).as("%s inside the drawing", n.node().name()).isTrue();
            }
        }
    }

    private static GraphLayout.Box boxOf(GraphLayout layout, String device) {
        return layout.nodes().stream().filter(n -> n.node().name().equals(device)).findFirst().orElseThrow().box();
    }

    @Test
    void aFailingEngineFallsBackToElkAndSaysSo() {
        GraphRenderer r = new GraphRenderer(GraphEngine.DOT, src -> {
            throw new IllegalStateException("dot crashed");
        }, src -> {
            throw new IllegalStateException("no JavaScript here");
        });
        RenderedGraph g = r.render(sample());
        assertThat(g.engine()).contains("dot failed (dot crashed), fell back to ELK").contains("Eclipse Layout Kernel");
        assertDrawsTheSample(drawn(g.svg()));
        assertThat(r.engineDescription()).isEqualTo(g.engine());
        GraphRenderer js = new GraphRenderer(GraphEngine.JS, src -> "", src -> {
            throw new IllegalStateException("no JavaScript here");
        });
        assertThat(js.render(sample()).engine()).contains("viz.js on Nashorn failed (no JavaScript here)");
    }
}
