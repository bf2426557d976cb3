package org.trustlab.reports.stats;

/**
 * Request-to-acceptance latency (virtual milliseconds) under one network profile: how many runs and accepted
 * joins / pairings it is computed from, and the 50th, 90th and 99th percentiles (NaN when nothing was accepted).
 */
public record LatencyRow(String network, long runs, long samples, double p50, double p90, double p99) {}
