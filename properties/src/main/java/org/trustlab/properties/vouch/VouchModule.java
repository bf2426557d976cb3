package org.trustlab.properties.vouch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.ProtocolModels;
import org.trustlab.model.vouch.SpacedriveModelMutant;
import org.trustlab.model.vouch.VouchModel;
import org.trustlab.model.vouch.VouchModelMutant;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.Mutants;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.campaign.AdmittedGap;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.DecisionMetrics;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.properties.validation.VouchRefinement;
import org.trustlab.reference.vouch.VouchMutant;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.vouch.VouchBinding;

/** Spacedrive's proxy pairing by vouching, as one protocol module. */
public final class VouchModule implements ProtocolModule {
    private static final VouchBinding BINDING = new VouchBinding();
    private static final ProtocolCampaign CAMPAIGN = Campaigns.generated(BINDING,
            new DecisionMetrics(Set.of("network.pair.vouch"), Set.of("proxy-pairing")));

    @Override
    public ProtocolBinding<?> binding() {
        return BINDING;
    }

    @Override
    public List<Invariant> invariants() {
        return VouchInvariants.all();
    }

    @Override
    public List<Mutant> mutants() {
        return Mutants.of(VouchInvariants.PROTOCOL, VouchMutant.class, VouchMutant::qualifiedName,
                VouchMutant::description, VouchMutant::breaks);
    }

    @Override
    public List<TraceCheck> refinements() {
        return List.of(TraceCheck.of(VouchRefinement.ID, VouchRefinement.PROTOCOL, VouchRefinement.STATEMENT,
                VouchRefinement::check, TraceCheck::roleSteps));
    }

    @Override
    public List<ProtocolModel> models() {
        return List.of(
                ProtocolModels.of("vouch", "Spacedrive proxy pairing by signed, time-boxed vouches, hardened "
                        + "profile, with the attacker as a paired device", VouchModel.DEFAULT_SESSIONS,
                        VouchModelMutant.class, VouchModel::model),
                ProtocolModels.of("vouch-spacedrive", "Proxy pairing, spacedrive profile: voucher-derived proxied "
                        + "keys under k(V,N), sealed under k(V,R); the attacker as a paired device",
                        VouchModel.DEFAULT_SESSIONS, SpacedriveModelMutant.class, VouchModel::spacedrive));
    }

    @Override
    public ProtocolCampaign campaign() {
        return CAMPAIGN;
    }

    @Override
    public int defaultRuns() {
        return 1_000;
    }

    /**
     * The spacedrive profile is the source design: the voucher derives every proxied key, and the transport's
     * presence notices and acknowledgements carry no authentication while the vouch payload does not name its target,
     * so anyone on the network denies a vouch that would complete, and, by forging those notices, splits the parties'
     * views of a vouch a mailbox delivers.
     */
    @Override
    public List<AdmittedGap> gaps() {
        return List.of(AdmittedGap.inProfile(VouchInvariants.VOUCHER_BLIND, "spacedrive", true,
                "in the spacedrive profile the voucher derives every proxied key itself, as the source system "
                        + "does; the hardened profile closes the gap"),
                AdmittedGap.inProfile(VouchLiveness.NO_DENIAL, "spacedrive", true, DENIAL),
                new AdmittedGap(VouchLiveness.NO_DISAGREEMENT, DISAGREEMENT,
                        scenario -> SPACEDRIVE.test(scenario) && forgesTransportNotice(scenario)));
    }

    private static final Predicate<Map<String, Object>> SPACEDRIVE =
            AdmittedGap.inProfile(VouchLiveness.NO_DISAGREEMENT, "spacedrive", true, "").applies();

    /**
     * The attacker forges a presence notice or a transport acknowledgement: the unauthenticated notices the
     * disagreement FINDING rests on. Only such a scenario admits a disagreement in spacedrive; any other stays a
     * violation there too.
     */
    static boolean forgesTransportNotice(Map<String, Object> scenario) {
        if (!(scenario.get("attacker") instanceof Map<?, ?> attacker)
                || !(attacker.get("steps") instanceof List<?> steps)) {
            return false;
        }
        return steps.stream().anyMatch(step -> step instanceof Map<?, ?> st && "inject".equals(st.get("op"))
                && st.get("message") instanceof Map<?, ?> m
                && Set.of("presence", "transport-ack").contains(String.valueOf(m.get("type"))));
    }

    static final String DISAGREEMENT = "spacedrive: a forged presence notice or transport acknowledgement makes the "
            + "voucher give a queued vouch up (retries spent, or unanswered) while a copy it sent waits in the "
            + "target's mailbox; the target takes it from there on its return and accepts, and the voucher, whose "
            + "session is over, ignores the answer, so the target holds a proxied pairing the voucher counted "
            + "rejected and the vouchee never learns of (the hardened profile signs the notices, so the voucher keeps "
            + "the vouch queued and counts the acceptance)";

    static final String DENIAL = "spacedrive: the source's presence notices and transport acknowledgements carry no "
            + "authentication and its vouch payload does not name the target, so a forged presence notice spends a "
            + "queued vouch's retries on an offline target, a forged acknowledgement turns a queued vouch into an "
            + "unanswered one, and a vouch relayed to another target that trusts the voucher is refused there with a "
            + "signed No for the session, which the voucher takes as that target's answer (the hardened profile signs "
            + "and dates presence notices, signs acknowledgements and binds the vouch to its target)";

    @Override
    public Optional<TrustEdgeExtractor> trustEdges() {
        return Optional.of(new VouchTrustEdges());
    }
}
