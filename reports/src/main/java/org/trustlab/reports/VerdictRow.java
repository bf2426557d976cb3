package org.trustlab.reports;

import java.util.Optional;

/**
 * One row of the verdict table: an invariant of a protocol in one campaign (or replay), how many runs checked it,
 * how many violated it, the one-sided 95% upper bound on its violation rate, and how many of the protocol's
 * known mutants it kills ({@code mutantsTotal} 0 when no mutant results were given). {@code failureAnchor} links
 * to the section of its first shrunk counterexample, if any.
 */
public record VerdictRow(String protocol, Optional<String> mutant, String source, String invariant, String statement,
        long runs, long violations, double upper95, int mutantsKilled, int mutantsTotal,
        Optional<String> failureAnchor) {}
