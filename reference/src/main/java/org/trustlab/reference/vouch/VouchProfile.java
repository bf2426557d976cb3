package org.trustlab.reference.vouch;

import java.util.Locale;
import java.util.Optional;

/**
 * Which variant of proxy pairing a network runs. {@link #SPACEDRIVE} follows the source design exactly: the voucher
 * derives every proxied session key from its own pairing secret with the vouchee (so it knows them all) and the
 * signed vouch payload does not name the target. {@link #HARDENED} signs the target (and voucher) id too, and the
 * receiver and the vouchee agree a fresh X25519 key the voucher never learns.
 */
public enum VouchProfile {
    SPACEDRIVE,
    HARDENED;

    /** The name scenarios and audit fields use: {@code spacedrive}, {@code hardened}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VouchProfile> parse(String text) {
        for (VouchProfile p : values()) {
            if (p.code().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
