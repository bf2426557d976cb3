package org.trustlab.reports.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.trust.EdgeState;
import org.trustlab.properties.trust.ScenarioFacts;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.properties.trust.TrustKind;
import org.trustlab.reports.graph.TrustGraph;
import org.trustlab.reports.graph.TrustGraphBuilder;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;

/** Trust edges read from real autojoin runs of the shipped scenarios. */
class AutoJoinTrustEdgesTest {
    private static TrustGraph atEnd(String scenario) throws IOException {
        Path file = Path.of("..", "scenarios", "autojoin", scenario);
        Trace trace = new ScenarioRunner(InvariantCatalogue::judge).execute(ScenarioLoader.load(file)).trace();
        ScenarioFacts facts = ScenarioFacts.parse(Files.readString(file), "autojoin");
        long last = trace.events().get(trace.events().size() - 1).seq();
        return TrustGraphBuilder.build("g", "end", facts, trace.events(), last);
    }

    @Test
    void aManualJoinIsADirectPairingAndCreatesAGrantWhichTheAutoJoinUses() throws IOException {
        TrustGraph g = atEnd("manual-join-creates-grant.yaml");
        assertThat(g.nodes()).extracting(n -> n.name()).containsExactly("phone", "laptop", "server");
        List<TrustEdge> edges = g.edges();
        assertThat(edges).extracting(TrustEdge::from, TrustEdge::to, TrustEdge::kind, TrustEdge::state)
                .contains(tuple("laptop", "phone", TrustKind.DIRECT, EdgeState.ACTIVE),
                        tuple("phone", "laptop", TrustKind.DIRECT, EdgeState.ACTIVE));
        assertThat(edges).filteredOn(e -> e.kind() == TrustKind.DIRECT && e.sinceNanos() > 0)
                .extracting(TrustEdge::detail).contains("manual join, session S1");
        assertThat(edges).filteredOn(e -> e.kind() == TrustKind.GRANT).extracting(TrustEdge::from, TrustEdge::to,
                TrustEdge::kindLabel).containsExactly(tuple("laptop", "phone", "grant for session S1 (AutoJoin)"),
                tuple("laptop", "phone", "grant for session S2 (auto-join accepted)"));
        assertThat(edges).filteredOn(e -> e.kind() == TrustKind.GRANT && e.detail().contains("S1"))
                .allMatch(e -> e.sinceNanos() > 1_000_000_000L && e.sinceNanos() < 10_000_000_000L);
    }

    @Test
    void aRevokedGrantIsDrawnRevokedFromTheRevocationOn() throws IOException {
        TrustGraph g = atEnd("revoked-while-outstanding.yaml");
        TrustEdge grant = g.edges().stream().filter(e -> e.kind() == TrustKind.GRANT && e.sinceNanos() < 0)
                .findFirst().orElseThrow();
        assertThat(grant.state()).isEqualTo(EdgeState.REVOKED);
        assertThat(grant.endedNanos()).contains(3_000_000_000L);
        assertThat(grant.label()).contains("revoked at 3.000 s");
    }
}
