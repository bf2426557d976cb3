package org.trustlab.reports;

import java.util.Optional;

/**
 * One row of the verdict table: an invariant of a protocol in one campaign (or replay), how many runs checked it,
 * how many of those gave it something to judge ({@code judged}; the rest held vacuously), how many violated it,
 * the one-sided 95% upper bound on its violation rate over the judged runs, and how many of the protocol's
 * known mutants it kills ({@code mutantsTotal} 0 when no mutant results were given). {@code failureAnchor} links
 * to the section of its first shrunk counterexample, if any.
 */
public record VerdictRow(String protocol, Optional<String> mutant, String source, String invariant, String statement,
        long runs, long judged, long violations, double upper95, int mutantsKilled, int mutantsTotal,
        Optional<String> failureAnchor, long admitted, Optional<String> admittedBecause) {
    public VerdictRow(String protocol, Optional<String> mutant, String source, String invariant, String statement,
            long runs, long judged, long violations, double upper95, int mutantsKilled, int mutantsTotal,
            Optional<String> failureAnchor) {
        this(protocol, mutant, source, invariant, statement, runs, judged, violations, upper95, mutantsKilled,
                mutantsTotal, failureAnchor, 0, Optional.empty());
    }

    /** Violated where the design does not admit it: what fails a campaign. */
    public boolean violated() {
        return violations > admitted;
    }

    /** Every violation is one the source design has by construction: a finding to report, not a regression. */
    public boolean finding() {
        return admitted > 0 && !violated();
    }

    /** No run gave the invariant anything to judge: it shows nothing, which is not "holds". */
    public boolean vacuous() {
        return judged == 0 && violations == 0;
    }

    /** The verdict cell's word: VIOLATED, FINDING, vacuous or holds. */
    public String verdict() {
        return violated() ? "VIOLATED" : finding() ? "FINDING" : vacuous() ? "vacuous" : "holds";
    }
}
