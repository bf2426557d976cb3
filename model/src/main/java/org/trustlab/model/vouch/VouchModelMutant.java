package org.trustlab.model.vouch;

import java.util.Optional;
import org.trustlab.model.ModelMutant;

/** Deliberately broken variants of the vouch model; each must yield a counterexample. */
public enum VouchModelMutant implements ModelMutant {
    /** The vouch carries no timestamp and the receiver checks none: a delayed vouch is accepted late. */
    NO_TIMESTAMP("no-timestamp", "freshness(vouch)"),
    /**
     * The signed payload does not name the target (as Spacedrive's source payload): a vouch meant for one target
     * is accepted by another device that trusts the same voucher.
     */
    SIGNATURE_WITHOUT_TARGET("signature-without-target", "non-injective-agreement(vouch)"),
    /** The receiver also accepts vouches from devices it holds as Proxied: trust chains grow past one hop. */
    PROXIED_MAY_VOUCH("proxied-may-vouch", "no-multi-hop(vouch)"),
    /**
     * The signature does not cover the vouchee's public key, which travels beside it: the attacker presents its
     * own key and the receiver's proxied key is encrypted to it.
     */
    VOUCHEE_KEY_NOT_SIGNED("vouchee-key-not-signed", "secrecy(proxied-key)");

    private final String id;
    private final String breaks;

    VouchModelMutant(String id, String breaks) {
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

    public static Optional<VouchModelMutant> byId(String id) {
        return ModelMutant.byId(VouchModelMutant.class, id);
    }
}
