package org.trustlab.model.checker;

/**
 * The verdict on one property. A safety failure carries its shortest counterexample; a reachability property
 * ({@code reachable(...)}) carries instead the BFS depth at which it was first reached, or why it was not.
 */
public record PropertyResult(String property, String statement, boolean passed, Counterexample counterexample,
        int reachedAtDepth, String unreached) {
    public PropertyResult {
        boolean reachability = reachedAtDepth >= 0 || unreached != null;
        if (!reachability && passed != (counterexample == null)) {
            throw new IllegalArgumentException("a failure needs a counterexample, a pass has none");
        }
        if (reachability && (counterexample != null || passed != (unreached == null))) {
            throw new IllegalArgumentException("a reachability verdict is a depth or a reason");
        }
    }

    public PropertyResult(String property, String statement, boolean passed, Counterexample counterexample) {
        this(property, statement, passed, counterexample, -1, null);
    }

    static PropertyResult reached(String property, String statement, int depth) {
        return new PropertyResult(property, statement, true, null, depth, null);
    }

    static PropertyResult unreached(String property, String statement, String why) {
        return new PropertyResult(property, statement, false, null, -1, why);
    }
}
