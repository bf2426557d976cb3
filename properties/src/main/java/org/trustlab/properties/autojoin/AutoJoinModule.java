package org.trustlab.properties.autojoin;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.ProtocolModels;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.autojoin.AutoJoinModelMutant;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.Mutants;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.campaign.AdmittedGap;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.OutcomeMetrics;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.properties.validation.AutoJoinRefinement;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.simulator.autojoin.AutoJoinBinding;
import org.trustlab.simulator.protocol.ProtocolBinding;

/** ByteSync's signed challenge for automatic joins of already-trusted devices, as one protocol module. */
public final class AutoJoinModule implements ProtocolModule {
    private static final AutoJoinBinding BINDING = new AutoJoinBinding();
    private static final ProtocolCampaign CAMPAIGN = Campaigns.generated(BINDING,
            new OutcomeMetrics(Set.of("auto-join", "join"), Set.of("auto-join", "manual-join")));

    @Override
    public ProtocolBinding<?> binding() {
        return BINDING;
    }

    @Override
    public List<Invariant> invariants() {
        return AutoJoinInvariants.all();
    }

    @Override
    public List<Mutant> mutants() {
        return Mutants.of(AutoJoinInvariants.PROTOCOL, AutoJoinMutant.class, AutoJoinMutant::qualifiedName,
                AutoJoinMutant::description, AutoJoinMutant::breaks);
    }

    @Override
    public List<TraceCheck> refinements() {
        return List.of(TraceCheck.of(AutoJoinRefinement.ID, AutoJoinRefinement.PROTOCOL,
                AutoJoinRefinement.STATEMENT, AutoJoinRefinement::check, TraceCheck::roleSteps));
    }

    @Override
    public List<ProtocolModel> models() {
        return List.of(ProtocolModels.of("autojoin", "ByteSync signed challenge-response for automatic joins: two "
                + "validators, two purposes, revocation, a leaked device key", AutoJoinModel.DEFAULT_SESSIONS,
                AutoJoinModelMutant.class, AutoJoinModel::model));
    }

    @Override
    public ProtocolCampaign campaign() {
        return CAMPAIGN;
    }

    @Override
    public int defaultRuns() {
        return 2_000;
    }

    /**
     * ByteSync's refusals ({@code AutoJoinRejected}) and challenges carry no authentication and a requester gives up
     * a join on the first one naming its session: in {@code bytesync} anyone on the network ends a join that would
     * complete, and a refusal overtaking an accepted join's session key leaves the parties disagreeing.
     */
    @Override
    public List<AdmittedGap> gaps() {
        String why = "bytesync: ByteSync's AutoJoinRejected and AutoJoinChallenge carry no authentication and the "
                + "requester ends a join on the first one naming its session, so a forged, relayed or replayed "
                + "refusal or challenge, the validator's own refusal of a forged response (which names the "
                + "challenge, its nonce being on the wire), or its refusal of a duplicated response overtaking the "
                + "session key, ends a join that would complete (the hardened and ed25519 profiles sign refusals, "
                + "bind them to the request and challenge, send none for a response anyone could have made, and keep "
                + "the join open until an authenticated decision)";
        return List.of(AdmittedGap.inProfile(AutoJoinLiveness.NO_DENIAL, "bytesync", false, why),
                AdmittedGap.inProfile(AutoJoinLiveness.NO_DISAGREEMENT, "bytesync", false, why));
    }

    @Override
    public Optional<TrustEdgeExtractor> trustEdges() {
        return Optional.of(new AutoJoinTrustEdges());
    }
}
