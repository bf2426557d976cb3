package org.trustlab.model.checker;

/**
 * The verdict on one property. A safety failure carries its shortest counterexample; a reachability property
 * ({@code reachable(...)}) carries instead the BFS depth at which it was first reached, or why it was not. A
 * failure the model declares a FINDING of the source design carries the reason in {@code finding}.
 */
public record PropertyResult(String property, String statement, boolean passed, Counterexample counterexample,
        int reachedAtDepth, String unreached, String finding) {
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
        this(property, statement, passed, counterexample, -1, null, null);
    }

    static PropertyResult reached(String property, String statement, int depth) {
        return new PropertyResult(property, statement, true, null, depth, null, null);
    }

    static PropertyResult unreached(String property, String statement, String why) {
        return new PropertyResult(property, statement, false, null, -1, why, null);
    }

    /** This failure as a FINDING of the source design, for {@code reason}. */
    PropertyResult asFinding(String reason) {
        return new PropertyResult(property, statement, passed, counterexample, reachedAtDepth, unreached, reason);
    }

    /** A failure the model declares a FINDING of the source design (with its reason in {@link #finding()}). */
    public boolean isFinding() {
        return !passed && finding != null;
    }
}
