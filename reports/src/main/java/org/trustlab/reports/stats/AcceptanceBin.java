package org.trustlab.reports.stats;

/**
 * Runs whose loss rate (or offline probability) lies in [{@code lo}, {@code hi}], with their attempts and
 * acceptances summed: the acceptance rate is accepted / attempts over the bin, not a mean of per-run rates, so a
 * run with many attempts counts for more.
 */
public record AcceptanceBin(double lo, double hi, long runs, long attempts, long accepted) {
    public double rate() {
        return attempts == 0 ? Double.NaN : (double) accepted / attempts;
    }

    public double mid() {
        return (lo + hi) / 2;
    }
}
