package org.trustlab.model.checker;

import java.util.List;

/**
 * What a check found. {@code statesExplored} counts every generated state, duplicates included (TLC's "states
 * generated"); {@code distinctStates} the fingerprints stored. {@code exhaustive} is true when the search ran out
 * of states rather than into the depth or state limit. Memory: the visited set's table and the BFS trail
 * (parent index and successor ordinal per state, for counterexample replay) are reported separately.
 */
public record CheckResult(String model, long statesExplored, long distinctStates, int depth, boolean exhaustive,
        List<PropertyResult> properties, long visitedSetBytes, long trailBytes) {
    public CheckResult {
        properties = List.copyOf(properties);
    }

    public boolean allPassed() {
        return properties.stream().allMatch(PropertyResult::passed);
    }

    public PropertyResult property(String name) {
        return properties.stream().filter(p -> p.property().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no property " + name + " in " + model));
    }

    public double visitedBytesPerState() {
        return distinctStates == 0 ? 0 : (double) visitedSetBytes / distinctStates;
    }
}
