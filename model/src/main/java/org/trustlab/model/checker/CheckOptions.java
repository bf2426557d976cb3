package org.trustlab.model.checker;

import java.util.Set;

/**
 * Search bounds and parallelism. {@code maxDepth} bounds the number of transitions (each attacker delivery, run
 * step or clock tick is one); 0 explores the whole (finite) state space. {@code maxStates} stops the search
 * once that many distinct states are known (0: no limit). {@code stopWhenFailed} ends the search after the BFS
 * level in which the named properties have all failed ({@link #ANY}: any property); their counterexamples are
 * still shortest ones, the verdicts of the other properties are then only as good as the levels explored.
 * Results do not depend on {@code threads}.
 */
public record CheckOptions(int maxDepth, int threads, long maxStates, Set<String> stopWhenFailed) {
    /** In {@link #stopWhenFailed}: stop at the first failing property. */
    public static final String ANY = "*";

    public CheckOptions {
        if (maxDepth < 0 || threads < 1 || maxStates < 0) {
            throw new IllegalArgumentException("bad options: depth " + maxDepth + ", threads " + threads
                    + ", max states " + maxStates);
        }
        stopWhenFailed = Set.copyOf(stopWhenFailed);
    }

    /** Whole state space, on up to two cores. */
    public static CheckOptions defaults() {
        return new CheckOptions(0, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 0,
                Set.of());
    }

    public CheckOptions withDepth(int d) {
        return new CheckOptions(d, threads, maxStates, stopWhenFailed);
    }

    public CheckOptions withThreads(int t) {
        return new CheckOptions(maxDepth, t, maxStates, stopWhenFailed);
    }

    public CheckOptions withMaxStates(long n) {
        return new CheckOptions(maxDepth, threads, n, stopWhenFailed);
    }

    public CheckOptions stoppingOnFailure() {
        return new CheckOptions(maxDepth, threads, maxStates, Set.of(ANY));
    }

    /** Stop once all of {@code properties} (names as printed) have failed. */
    public CheckOptions stoppingWhenFailed(String... properties) {
        return new CheckOptions(maxDepth, threads, maxStates, Set.of(properties));
    }
}
