package org.trustlab.model.relay;

import java.util.Optional;
import org.trustlab.model.ModelMutant;

/**
 * Deliberately broken relays and owners in the owner-authorized model; each must yield a counterexample. The
 * relay's own defects are the tofu model's ({@link RelayModelMutant}); the others break the owner's statement.
 */
public enum OwnerAuthorizedModelMutant implements ModelMutant {
    /**
     * As {@link RelayModelMutant#NO_SECOND_CHECK}. The attacker cannot open a slot here, so the race is between
     * two installs of the real agent's machine, each paired with its own secret: the later overwrites the
     * earlier's learned proof.
     */
    NO_SECOND_CHECK(RelayModelMutant.NO_SECOND_CHECK),
    /** As {@link RelayModelMutant#PROOF_LEARNED_ON_EVERY_REGISTRATION}: the attacker replaces a claimed slot. */
    PROOF_LEARNED_ON_EVERY_REGISTRATION(RelayModelMutant.PROOF_LEARNED_ON_EVERY_REGISTRATION),
    /**
     * The owner's statement names no machine_id: the statement the attacker's paired device holds for its own
     * machine claims the real agent's open slot first.
     */
    STATEMENT_WITHOUT_MACHINE_ID("statement-without-machine-id", RelayModel.SQUAT_AVAILABILITY),
    /** The relay never verifies the owner's statement: a squatter claims an open slot as under tofu. */
    OWNER_SIGNATURE_UNCHECKED("owner-signature-unchecked", RelayModel.SQUAT_AVAILABILITY);

    private final String id;
    private final String breaks;
    private final RelayModelMutant relay;

    OwnerAuthorizedModelMutant(RelayModelMutant relay) {
        this.id = relay.id();
        this.breaks = relay.breaks();
        this.relay = relay;
    }

    OwnerAuthorizedModelMutant(String id, String breaks) {
        this.id = id;
        this.breaks = breaks;
        this.relay = null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String breaks() {
        return breaks;
    }

    RelayModel.Variant apply(RelayModel.Variant v) {
        if (relay != null) {
            return relay.apply(v);
        }
        return switch (this) {
            case STATEMENT_WITHOUT_MACHINE_ID -> new RelayModel.Variant(v.mode(), v.secondCheck(),
                    v.learnsOnlyFirst(), false, v.signatureChecked());
            case OWNER_SIGNATURE_UNCHECKED -> new RelayModel.Variant(v.mode(), v.secondCheck(), v.learnsOnlyFirst(),
                    v.statementNamesMachine(), false);
            default -> throw new IllegalStateException(name());
        };
    }

    public static Optional<OwnerAuthorizedModelMutant> byId(String id) {
        return ModelMutant.byId(OwnerAuthorizedModelMutant.class, id);
    }
}
