package org.trustlab.reference.vouch;

import java.util.Locale;
import java.util.Optional;

/**
 * A device's trust in a paired peer. The source: devices with unreliable or blocked trust levels reject proxy
 * pairing, so only a {@link #TRUSTED} voucher's vouch can be accepted.
 */
public enum TrustLevel {
    TRUSTED("Trusted"),
    UNRELIABLE("Unreliable"),
    BLOCKED("Blocked");

    private final String code;

    TrustLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Accepts {@code trusted}, {@code Trusted}, {@code TRUSTED}. */
    public static Optional<TrustLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (TrustLevel t : values()) {
            if (t.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
