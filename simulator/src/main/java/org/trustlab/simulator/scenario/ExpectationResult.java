package org.trustlab.simulator.scenario;

import java.util.Objects;

/** One expectation checked against a run: passed or not, and what the run showed instead. */
public record ExpectationResult(Expectation expectation, boolean passed, String got) {
    public ExpectationResult {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(got, "got");
    }

    /** {@code PASS device v: outcome auto-join rejected CHALLENGE_REPLAYED} or {@code FAIL ...: got ...}. */
    public String line() {
        return passed ? "PASS " + expectation.describe() : "FAIL " + expectation.describe() + ": got " + got;
    }
}
