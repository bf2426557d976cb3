package org.trustlab.reports.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Runs whose loss rate (or offline probability) lies in [{@code lo}, {@code hi}], with their attempts and
 * acceptances summed: the acceptance rate is accepted / attempts over the bin, not a mean of per-run rates, so a
 * run with many attempts counts for more.
 */
public record AcceptanceBin(double lo, double hi, long runs, long attempts, long accepted) {
    @JsonProperty("rate")
    public double rate() {
        return attempts == 0 ? Double.NaN : (double) accepted / attempts;
    }

    public double mid() {
        return (lo + hi) / 2;
    }
}
