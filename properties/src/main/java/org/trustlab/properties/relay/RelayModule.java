package org.trustlab.properties.relay;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.ProtocolModels;
import org.trustlab.model.relay.OwnerAuthorizedModelMutant;
import org.trustlab.model.relay.RelayModel;
import org.trustlab.model.relay.RelayModelMutant;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.Mutants;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.campaign.AdmittedGap;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.OutcomeMetrics;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.reference.relay.RelayMutant;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.relay.RelayBinding;
import org.trustlab.simulator.trace.Trace;

/** A signaling relay's trust-on-first-use registration slots, as one protocol module. */
public final class RelayModule implements ProtocolModule {
    private static final RelayBinding BINDING = new RelayBinding();
    private static final ProtocolCampaign CAMPAIGN = Campaigns.generated(BINDING,
            new OutcomeMetrics(Set.of("relay.register"), Set.of("registration")));

    static final String SQUAT = "TOFU (tofu, tofu+alerts, and any owner id that is not a key): a party that knows "
            + "an owner_id and machine_id and registers before the real agent, or right after a flood evicted the "
            + "slot, sets the slot's secret and locks the real agent out until an operator intervenes; availability "
            + "only (the source's documented residual risk). owner-authorized closes it: a first registration needs "
            + "the owner's signature over the machine_id and SHA-256 of the secret";

    @Override
    public ProtocolBinding<?> binding() {
        return BINDING;
    }

    @Override
    public List<Invariant> invariants() {
        return RelayInvariants.all();
    }

    @Override
    public List<Mutant> mutants() {
        return Mutants.of(RelayInvariants.PROTOCOL, RelayMutant.class, RelayMutant::qualifiedName,
                RelayMutant::description, RelayMutant::breaks);
    }

    /** The slot table's symbolic models: as shipped (the squat is the FINDING) and owner-authorized. */
    @Override
    public List<ProtocolModel> models() {
        return List.of(
                ProtocolModels.of("relay", "Relay registration slots as shipped (trust on first use): the squat is "
                        + "the FINDING; connections race between check and learn", RelayModel.DEFAULT_SESSIONS,
                        RelayModelMutant.class, RelayModel::tofu),
                ProtocolModels.of("relay-owner-authorized", "Relay registration slots, owner-authorized: the first "
                        + "registration needs the owner's statement over machine_id and h(secret); the attacker "
                        + "holds one for its own machine", RelayModel.DEFAULT_SESSIONS,
                        OwnerAuthorizedModelMutant.class, RelayModel::ownerAuthorized));
    }

    @Override
    public ProtocolCampaign campaign() {
        return CAMPAIGN;
    }

    @Override
    public int defaultRuns() {
        return 1_000;
    }

    @Override
    public List<AdmittedGap> gaps() {
        return List.of(new AdmittedGap(RelayInvariants.SQUAT_AVAILABILITY, SQUAT, RelayModule::underTofu));
    }

    /** The scenario's relay runs TOFU for some slot: its profile is not owner-authorized, or an owner id is no key. */
    static boolean underTofu(Map<String, Object> scenario) {
        Object setup = scenario.get("setup");
        Object profile = setup instanceof Map<?, ?> m ? m.get("profile") : null;
        if (!"owner-authorized".equals(profile)) {
            return true;
        }
        if (scenario.get("devices") instanceof List<?> devices) {
            return devices.stream().anyMatch(d -> d instanceof Map<?, ?> dev && dev.get("config") instanceof Map<?, ?> c
                    && c.containsKey("owner-id"));
        }
        return false;
    }

    /** The slot table's claims, for {@code trustlab lin --model tofu-slot}. */
    @Override
    public Optional<Function<Trace, String>> history() {
        return Optional.of(RelayHistory::edn);
    }

    @Override
    public Optional<TrustEdgeExtractor> trustEdges() {
        return Optional.empty();
    }
}
