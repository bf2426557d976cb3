package org.trustlab.model.checker;

import java.util.List;

/**
 * What a check found. {@code statesExplored} counts every generated state, duplicates included (TLC's "states
 * generated"); {@code distinctStates} the fingerprints stored. {@code exhaustive} is true when the search ran out
 * of states rather than into a limit; {@code limit} then is null, else it names the limit that ended the search
 * ({@code depth}, {@code states}, {@code memory}, {@code cancelled}, or {@code failure} when it stopped at the
 * failures asked for). Memory: the visited set's table and the BFS trail (parent index and successor ordinal per
 * state, for counterexample replay) are reported separately.
 */
public record CheckResult(String model, long statesExplored, long distinctStates, int depth, boolean exhaustive,
        List<PropertyResult> properties, long visitedSetBytes, long trailBytes, String limit) {
    public CheckResult {
        properties = List.copyOf(properties);
    }

    /** Every property holds, or fails only as a declared FINDING. */
    public boolean allPassed() {
        return properties.stream().allMatch(p -> p.passed() || p.isFinding());
    }

    /**
     * Whether some safety property failed with a counterexample (a definite verdict, whatever limit ended the
     * search); a reachability property not reached in a cut search is undecided instead.
     */
    public boolean anyViolated() {
        return properties.stream().anyMatch(p -> !p.isFinding() && (p.counterexample() != null
                || (p.unreached() != null && exhaustive)));
    }

    public PropertyResult property(String name) {
        return properties.stream().filter(p -> p.property().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no property " + name + " in " + model));
    }

    public double visitedBytesPerState() {
        return distinctStates == 0 ? 0 : (double) visitedSetBytes / distinctStates;
    }

    /**
     * An upper bound on the probability that two of the distinct states visited share a 64-bit fingerprint (and
     * one was therefore never explored): n(n-1)/2 pairs, each colliding with probability 2^-64, as TLC bounds it.
     */
    public double fingerprintCollisionBound() {
        double n = distinctStates;
        return Math.min(1.0, n * (n - 1) / 2 / Math.pow(2, 64));
    }
}
