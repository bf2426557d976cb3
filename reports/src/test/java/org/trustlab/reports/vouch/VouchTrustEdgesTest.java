package org.trustlab.reports.vouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Trust chains read from real vouch runs of the shipped scenarios. */
class VouchTrustEdgesTest {
    private static TrustGraph atEnd(String scenario) throws IOException {
        Path file = Path.of("..", "scenarios", "vouch", scenario);
        Trace trace = new ScenarioRunner(InvariantCatalogue::judge).execute(ScenarioLoader.load(file)).trace();
        ScenarioFacts facts = ScenarioFacts.parse(Files.readString(file), "vouch");
        return TrustGraphBuilder.build("g", "end", facts, trace.events(),
                trace.events().get(trace.events().size() - 1).seq());
    }

    @Test
    void theHappyPathIsAChainOfDirectPairingsAndVouches() throws IOException {
        TrustGraph g = atEnd("happy-path.yaml");
        assertThat(g.edges()).extracting(TrustEdge::from, TrustEdge::to, TrustEdge::kind, TrustEdge::kindLabel)
                .contains(tuple("laptop", "desktop", TrustKind.DIRECT, "direct pairing, user confirmed (set up)"),
                        tuple("laptop", "phone", TrustKind.DIRECT, "direct pairing, user confirmed"),
                        tuple("phone", "laptop", TrustKind.DIRECT, "direct pairing, user confirmed"),
                        tuple("desktop", "phone", TrustKind.VOUCHED, "vouched by laptop"),
                        tuple("tablet", "phone", TrustKind.VOUCHED, "vouched by laptop"),
                        tuple("phone", "desktop", TrustKind.VOUCHED, "vouched by laptop"));
        assertThat(g.edges()).allMatch(e -> e.state() == EdgeState.ACTIVE);
        assertThat(g.edges()).filteredOn(e -> e.kind() == TrustKind.VOUCHED).allMatch(e -> e.sinceNanos() > 0);
    }

    @Test
    void unpairingTheVoucherRevokesItsEdges() throws IOException {
        TrustGraph g = atEnd("voucher-unpaired-while-queued.yaml");
        TrustEdge tvToLaptop = g.edges().stream().filter(e -> e.from().equals("tv") && e.to().equals("laptop"))
                .findFirst().orElseThrow();
        assertThat(tvToLaptop.kind()).isEqualTo(TrustKind.DIRECT);
        assertThat(tvToLaptop.state()).isEqualTo(EdgeState.REVOKED);
        assertThat(tvToLaptop.endedNanos()).contains(30_000_000_000L);
        assertThat(g.edges()).filteredOn(e -> e.from().equals("laptop") && e.to().equals("desktop"))
                .extracting(TrustEdge::state).containsExactly(EdgeState.REVOKED);
    }
}
