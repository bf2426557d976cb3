package org.trustlab.model.vouch;

import java.util.Optional;
import org.trustlab.model.ModelMutant;

/** Deliberately broken variants of the spacedrive profile's vouch model; each must yield a counterexample. */
public enum SpacedriveModelMutant implements ModelMutant {
    /**
     * The voucher derives the proxied key from its pairing secret with the vouchee alone, not per target and
     * session: the key it sends its paired device I (the attacker's) is the one it sends R1.
     */
    PROXIED_KEY_FROM_PAIRING_SECRET_ONLY("proxied-key-from-pairing-secret-only", "secrecy(proxied-key)"),
    /** The proxied keys travel in the request unsealed, readable by whoever relays it. */
    PROXIED_KEYS_UNSEALED("proxied-keys-unsealed", "secrecy(proxied-key)"),
    /** The vouch carries no timestamp and the receiver checks none: a delayed vouch is accepted late. */
    NO_TIMESTAMP("no-timestamp", "freshness(vouch)");

    private final String id;
    private final String breaks;

    SpacedriveModelMutant(String id, String breaks) {
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

    public static Optional<SpacedriveModelMutant> byId(String id) {
        return ModelMutant.byId(SpacedriveModelMutant.class, id);
    }
}
