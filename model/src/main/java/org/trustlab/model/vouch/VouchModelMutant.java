package org.trustlab.model.vouch;

import java.util.Arrays;
import java.util.Optional;

/** Deliberately broken variants of the vouch model; each must yield a counterexample. */
public enum VouchModelMutant {
    /** The vouch carries no timestamp and the receiver checks none: a delayed vouch is accepted late. */
    NO_TIMESTAMP("no-timestamp", "freshness(vouch)"),
    /**
     * The signed payload does not name the target (as Spacedrive's source payload): a vouch meant for one target
     * is accepted by another device that trusts the same voucher.
     */
    SIGNATURE_WITHOUT_TARGET("signature-without-target", "non-injective-agreement(vouch)"),
    /** The receiver also accepts vouches from devices it holds as Proxied: trust chains grow past one hop. */
    PROXIED_MAY_VOUCH("proxied-may-vouch", "no-multi-hop(vouch)");

    private final String id;
    private final String breaks;

    VouchModelMutant(String id, String breaks) {
        this.id = id;
        this.breaks = breaks;
    }

    public String id() {
        return id;
    }

    /** The property this mutant is known to break. */
    public String breaks() {
        return breaks;
    }

    public static Optional<VouchModelMutant> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
