package org.trustlab.reference.relay;

import java.util.Arrays;
import java.util.Optional;

/** How the relay treats a slot with no learned proof. */
public enum RelayMode {
    /** As shipped: the first registrant's secret is learned (trust on first use). */
    TOFU("tofu"),
    /** The fix: a first registration carries the owner's signature over machine_id and SHA-256(secret). */
    OWNER_AUTHORIZED("owner-authorized"),
    /** TOFU plus operator alerts on first registration and on proof change. */
    TOFU_ALERTS("tofu+alerts");

    private final String code;

    RelayMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RelayMode> parse(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
