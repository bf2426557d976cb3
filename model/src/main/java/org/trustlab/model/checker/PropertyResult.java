package org.trustlab.model.checker;

/** The verdict on one property; a failure carries its shortest counterexample. */
public record PropertyResult(String property, String statement, boolean passed, Counterexample counterexample) {
    public PropertyResult {
        if (passed != (counterexample == null)) {
            throw new IllegalArgumentException("a failure needs a counterexample, a pass has none");
        }
    }
}
