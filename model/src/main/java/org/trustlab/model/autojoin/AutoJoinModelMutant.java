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
    NO_EXPIRY("no-expiry", "freshness(auto-join)"),
    /** The validator judges the grant only when asked, not again on acceptance: a revocation meanwhile is missed. */
    NO_GRANT_RECHECK("no-grant-recheck", AutoJoinModel.REVOCATION),
    /** The validator asks whether the device holds any grant, not one for the purpose requested. */
    GRANT_SCOPE_IGNORED("grant-scope-ignored", AutoJoinModel.GRANT_COVERS),
    /**
     * The response envelope presents the requester's public key outside the signature, and the validator
     * encrypts the session key to that key rather than to the one in its grant: the attacker swaps in its own.
     */
    SESSION_KEY_TO_PRESENTED_KEY("session-key-to-presented-key", "secrecy(session-key)"),
    /**
     * The requester signs any challenge naming it, whatever its session, target and purpose: a signing oracle
     * that lets a validator accept a join the requester never asked for.
     */
    REQUESTER_SIGNS_ANY_CHALLENGE("requester-signs-any-challenge", "non-injective-agreement(auto-join)"),
    /** The validator's grant lookup never finds a grant: nothing is ever accepted, which only reachability sees. */
    GRANTS_NEVER_FOUND("grants-never-found", "reachable(auto-join)");

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
