package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;

/**
 * A shrunk counterexample: which check it breaks, which campaign run it was shrunk from, the minimal scenario as a
 * replayable YAML file with its trace, the violation found on the replayed file, and how the shrink went.
 * {@code replayVerified} says that loading the written YAML and running it gave the same trace hash and the same
 * violation, which is what a user will do with {@code trustlab replay}.
 */
public record Failure(String checkId, int n, int runIndex, long runSeed, String yaml, String traceJsonLines,
        String traceSha256, String message, List<Long> evidenceSeqs, int shrinkSteps, int shrinkEvaluations,
        boolean shrinkBudgetExhausted, boolean replayVerified, int scenarioSteps) {
    public Failure {
        Objects.requireNonNull(checkId, "checkId");
        evidenceSeqs = List.copyOf(evidenceSeqs);
    }

    /** {@code <invariant>-<n>}: the stem of the failure's files under {@code failures/}. */
    public String stem() {
        return checkId + "-" + n;
    }

    /** The scenario file's path relative to the protocol's result directory. */
    public String file() {
        return "failures/" + stem() + ".yaml";
    }
}
