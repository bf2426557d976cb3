package org.trustlab.model.relay;

import java.util.Optional;
import org.trustlab.model.ModelMutant;

/** Deliberately broken relays in the tofu model; each must yield a counterexample. */
public enum RelayModelMutant implements ModelMutant {
    /**
     * The proof is checked only before the connection is accepted and learned after it without a check under the
     * lock: two registrations that both found the slot open both win, and the later one overwrites the proof.
     */
    NO_SECOND_CHECK("no-second-check", RelayModel.SLOT_INTEGRITY),
    /**
     * The relay learns the proof of every registration, not only an open slot's first, before comparing it: any
     * registration replaces the slot's proof, no race needed.
     */
    PROOF_LEARNED_ON_EVERY_REGISTRATION("proof-learned-on-every-registration", RelayModel.SLOT_INTEGRITY);

    private final String id;
    private final String breaks;

    RelayModelMutant(String id, String breaks) {
        this.id = id;
        this.breaks = breaks;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String breaks() {
        return breaks;
    }

    /** {@code v} with this mutant's defect. */
    RelayModel.Variant apply(RelayModel.Variant v) {
        return switch (this) {
            case NO_SECOND_CHECK -> new RelayModel.Variant(v.mode(), false, v.learnsOnlyFirst(),
                    v.statementNamesMachine(), v.signatureChecked());
            case PROOF_LEARNED_ON_EVERY_REGISTRATION -> new RelayModel.Variant(v.mode(), v.secondCheck(), false,
                    v.statementNamesMachine(), v.signatureChecked());
        };
    }

    public static Optional<RelayModelMutant> byId(String id) {
        return ModelMutant.byId(RelayModelMutant.class, id);
    }
}
