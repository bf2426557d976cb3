package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A violation the source design admits: the check fails by design in scenarios that {@code applies} to (the vouch
 * protocol's {@code spacedrive} profile lets the voucher derive every proxied key, so proxied-key secrecy fails
 * there; the hardened profile is the fix). A campaign still counts, shrinks and reports such violations, as the
 * demonstration of the gap, but they do not fail it: only unexpected violations make the exit code 1.
 */
public record AdmittedGap(String checkId, String why, Predicate<Map<String, Object>> applies) {
    public AdmittedGap {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(applies, "applies");
    }

    /** A gap admitted in scenarios whose {@code setup.profile} is {@code profile} ({@code byDefault}: when unset). */
    public static AdmittedGap inProfile(String checkId, String profile, boolean byDefault, String why) {
        return new AdmittedGap(checkId, why, scenario -> {
            Object setup = scenario.get("setup");
            Object p = setup instanceof Map<?, ?> m ? m.get("profile") : null;
            return p == null ? byDefault : profile.equals(p);
        });
    }
}
