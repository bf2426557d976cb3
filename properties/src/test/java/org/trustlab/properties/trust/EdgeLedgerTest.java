package org.trustlab.properties.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeLedgerTest {
    private static final long S = 1_000_000_000L;

    @Test
    void anEdgeMadeAgainWhileItStandsIsOneEdgeThatSaysSo() {
        EdgeLedger l = new EdgeLedger();
        l.add("laptop", "phone", TrustKind.GRANT, "session S1", 1 * S, Optional.empty());
        l.add("laptop", "phone", TrustKind.GRANT, "session S1", 5 * S, Optional.empty());
        List<TrustEdge> at6 = l.at(6 * S);
        assertThat(at6).hasSize(1);
        assertThat(at6.get(0).againNanos()).containsExactly(5 * S);
        assertThat(at6.get(0).label()).isEqualTo("grant for session S1\nat 1.000 s, again at 5.000 s");
        assertThat(l.at(2 * S).get(0).againNanos()).as("not yet repeated at 2 s").isEmpty();
        assertThat(l.at(S / 2)).as("not yet made").isEmpty();
    }

    @Test
    void revocationAndExpiryHoldFromTheirMomentOn() {
        EdgeLedger l = new EdgeLedger();
        l.add("laptop", "phone", TrustKind.GRANT, "", -1, Optional.of(10 * S));
        l.add("phone", "laptop", TrustKind.DIRECT, "", -1, Optional.empty());
        assertThat(l.revoke("phone", "laptop", TrustKind.DIRECT, 3 * S)).isEqualTo(1);
        assertThat(l.at(2 * S)).extracting(TrustEdge::state).containsExactly(EdgeState.ACTIVE, EdgeState.ACTIVE);
        assertThat(l.at(4 * S)).extracting(TrustEdge::state).containsExactly(EdgeState.ACTIVE, EdgeState.REVOKED);
        List<TrustEdge> at11 = l.at(11 * S);
        assertThat(at11).extracting(TrustEdge::state).containsExactly(EdgeState.EXPIRED, EdgeState.REVOKED);
        assertThat(at11.get(0).label()).isEqualTo("grant\nbefore the run\nexpired at 10.000 s");
        // After a revocation the same trust made again is a new edge.
        l.add("phone", "laptop", TrustKind.DIRECT, "", 20 * S, Optional.empty());
        assertThat(l.at(21 * S)).hasSize(3);
        assertThat(l.revokeAll("phone", "laptop", 30 * S)).isEqualTo(1);
    }
}
