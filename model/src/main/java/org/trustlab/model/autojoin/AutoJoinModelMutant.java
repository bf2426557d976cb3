package org.trustlab.model.autojoin;

import java.util.Optional;
import org.trustlab.model.ModelMutant;

/** Deliberately broken variants of the autojoin model; each must yield a counterexample. */
public enum AutoJoinModelMutant implements ModelMutant {
    /** The challenge carries no nonce: two challenges of one session at one time are the same bytes. */
    NO_NONCE("no-nonce", "injective-agreement(auto-join)"),
    /**
     * The signature covers the nonce and the other bindings but not the session; the validator takes the session
     * from the response envelope, so a response is accepted into another session.
     */
    NONCE_NOT_BOUND_TO_SESSION("nonce-not-bound-to-session", "non-injective-agreement(auto-join)"),
    /** The validator never compares its clock with the challenge's expiry. */
    NO_EXPIRY("no-expiry", "freshness(auto-join)");

    private final String id;
    private final String breaks;

    AutoJoinModelMutant(String id, String breaks) {
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

    public static Optional<AutoJoinModelMutant> byId(String id) {
        return ModelMutant.byId(AutoJoinModelMutant.class, id);
    }
}
