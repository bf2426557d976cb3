package org.trustlab.simulator.protocol;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenario files write them: a non-negative integer or decimal and a unit, {@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 8d}, also {@code ns} and {@code us}. Written back in the largest unit that keeps
 * the value integral, so a scenario written by {@link #format} reads back to the same duration.
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");

    private Durations() {}

    /** The duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unitNanos = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        try {
            java.math.BigDecimal nanos = new java.math.BigDecimal(m.group(1))
                    .multiply(java.math.BigDecimal.valueOf(unitNanos));
            return Optional.of(Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A duration that may be negative ({@code -5m}), such as a clock offset. */
    public static Optional<Duration> parseSigned(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("-")) {
            return parse(t.substring(1)).map(Duration::negated);
        }
        return parse(t.startsWith("+") ? t.substring(1) : t);
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long n = d.toNanos();
        if (n == 0) {
            return "0s";
        }
        long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L,
            1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < units.length; i++) {
            if (n % units[i] == 0) {
                return (n / units[i]) + names[i];
            }
        }
        throw new AssertionError("unreachable: every long is a multiple of 1ns");
    }

    public static String describeFormat() {
        return "a duration like 250ms, 30s, 5m, 2h or 8d";
    }
}
