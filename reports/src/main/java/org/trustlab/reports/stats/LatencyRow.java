package org.trustlab.reports.stats;

import java.util.Locale;

/**
 * Request-to-acceptance latency (virtual milliseconds) under one network profile: how many runs and accepted
 * joins / pairings it is computed from, and the 50th, 90th and 99th percentiles. A percentile is NaN when the
 * sample is too small to tell it from the maximum (see {@link #minSamples}): with five accepted requests "p99" would
 * only repeat the slowest one, and a reviewer would read it as a tail measurement.
 */
public record LatencyRow(String network, long runs, long samples, double p50, double p90, double p99) {
    /** The percentiles every row reports, as fractions. */
    public static final double[] QUANTILES = {0.50, 0.90, 0.99};

    /**
     * The smallest sample for which the {@code q}-quantile is more than the largest value: at least one sample must
     * lie above it, so n (1 - q) >= 1. p50 needs 2 samples, p90 10 and p99 100.
     */
    public static long minSamples(double q) {
        return (long) Math.ceil(1 / (1 - q) - 1e-9);
    }

    /** Whether the sample is large enough to report the {@code q}-quantile. */
    public boolean estimates(double q) {
        return samples >= minSamples(q);
    }

    /** The row's percentiles in {@link #QUANTILES} order. */
    public double[] percentiles() {
        return new double[] {p50, p90, p99};
    }

    /** A percentile as a reviewer reads it: a duration in its unit, or why there is none ("n < 100"). */
    public String cell(int index) {
        double q = QUANTILES[index];
        if (samples == 0) {
            return "—";
        }
        if (!estimates(q)) {
            return "— (n < " + minSamples(q) + ")";
        }
        return duration(percentiles()[index]);
    }

    /** Virtual milliseconds in the unit a person reads them in: 850 ms, 2.35 s, 3.5 min. */
    public static String duration(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        if (ms < 60_000) {
            return significant(ms / 1000) + " s";
        }
        return significant(ms / 60_000) + " min";
    }

    private static String significant(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
