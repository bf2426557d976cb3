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
        String t = text.trim();
        Optional<Duration> integral = integral(t);
        if (integral != null) {
            return integral;
        }
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        long unitNanos = unitNanos(m.group(2));
        try {
            java.math.BigDecimal nanos = new java.math.BigDecimal(m.group(1))
                    .multiply(java.math.BigDecimal.valueOf(unitNanos));
            return Optional.of(Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * The common form, digits and a unit with nothing between ({@code 250ms}, what campaigns generate), without
     * the regex and BigDecimal: an integer times the unit is exact, and overflow is empty as in the general path.
     * Null when the text is not of this form (the general path then decides).
     */
    private static Optional<Duration> integral(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > 18) {
            return null;
        }
        long unitNanos = unitNanos(t.substring(i));
        if (unitNanos == 0) {
            return null;
        }
        try {
            return Optional.of(Duration.ofNanos(Math.multiplyExact(Long.parseLong(t, 0, i, 10), unitNanos)));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Nanoseconds per unit of {@code ns|us|ms|s|m|h|d}; 0 for anything else. */
    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> 0L;
        };
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
