package org.trustlab.model.checker;

/**
 * Search bounds and parallelism. {@code maxDepth} bounds the number of transitions (each attacker delivery, run
 * step or clock tick is one); 0 explores the whole (finite) state space. {@code maxStates} stops the search
 * once that many distinct states are known (0: no limit). Results do not depend on {@code threads}.
 */
public record CheckOptions(int maxDepth, int threads, long maxStates) {
    public CheckOptions {
        if (maxDepth < 0 || threads < 1 || maxStates < 0) {
            throw new IllegalArgumentException("bad options: depth " + maxDepth + ", threads " + threads);
        }
    }

    public static CheckOptions defaults() {
        return new CheckOptions(0, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 0);
    }

    public CheckOptions withDepth(int d) {
        return new CheckOptions(d, threads, maxStates);
    }

    public CheckOptions withThreads(int t) {
        return new CheckOptions(maxDepth, t, maxStates);
    }
}
