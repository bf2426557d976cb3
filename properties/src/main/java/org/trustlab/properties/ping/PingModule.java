package org.trustlab.properties.ping;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.OutcomeMetrics;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.simulator.ping.PingBinding;
import org.trustlab.simulator.protocol.ProtocolBinding;

/** The simulator's ping demo protocol as a module: the smallest example of every part a protocol supplies. */
public final class PingModule implements ProtocolModule {
    private static final PingBinding BINDING = new PingBinding();
    private static final ProtocolCampaign CAMPAIGN = Campaigns.generated(BINDING,
            new OutcomeMetrics(Set.of("ping"), Set.of("pong-received")));

    @Override
    public ProtocolBinding<?> binding() {
        return BINDING;
    }

    @Override
    public List<Invariant> invariants() {
        return PingInvariants.all();
    }

    @Override
    public List<Mutant> mutants() {
        return List.of(new Mutant("ping.accept-any-pong", PingInvariants.PROTOCOL,
                "(demo protocol) accepts a pong that answers no outstanding ping, so duplicates and replays pass",
                List.of(PingInvariants.PONG_ANSWERS_PING)));
    }

    @Override
    public ProtocolCampaign campaign() {
        return CAMPAIGN;
    }

    @Override
    public int defaultRuns() {
        return 500;
    }

    @Override
    public Optional<TrustEdgeExtractor> trustEdges() {
        return Optional.empty();
    }

    @Override
    public boolean demo() {
        return true;
    }
}
