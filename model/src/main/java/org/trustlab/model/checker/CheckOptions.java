package org.trustlab.model.checker;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Search bounds and parallelism. {@code maxDepth} bounds the number of transitions (each attacker delivery, run
 * step or clock tick is one); 0 explores the whole (finite) state space. {@code maxStates} stops the search
 * once that many distinct states are known (0: no limit). {@code maxHeapShare} stops it when, after a BFS level
 * or a chunk of one, the heap in use exceeds that share of the JVM's maximum heap (0: no limit), so a search too
 * big for the machine ends with what it reached instead of thrashing. {@code cancelled} is polled between chunks
 * (a SIGTERM handler sets it). {@code stopWhenFailed} ends the search after the BFS level in which the named
 * properties have all failed ({@link #ANY}: any property); their counterexamples are still shortest ones, the
 * verdicts of the other properties are then only as good as the levels explored. Results do not depend on
 * {@code threads}.
 */
public record CheckOptions(int maxDepth, int threads, long maxStates, Set<String> stopWhenFailed,
        double maxHeapShare, BooleanSupplier cancelled) {
    /** In {@link #stopWhenFailed}: stop at the first failing property. */
    public static final String ANY = "*";
    private static final BooleanSupplier NEVER = () -> false;

    public CheckOptions {
        if (maxDepth < 0 || threads < 1 || maxStates < 0 || maxHeapShare < 0 || maxHeapShare >= 1) {
            throw new IllegalArgumentException("bad options: depth " + maxDepth + ", threads " + threads
                    + ", max states " + maxStates + ", heap share " + maxHeapShare);
        }
        stopWhenFailed = Set.copyOf(stopWhenFailed);
        cancelled = cancelled == null ? NEVER : cancelled;
    }

    public CheckOptions(int maxDepth, int threads, long maxStates, Set<String> stopWhenFailed) {
        this(maxDepth, threads, maxStates, stopWhenFailed, 0, NEVER);
    }

    /** Whole state space, on up to two cores. */
    public static CheckOptions defaults() {
        return new CheckOptions(0, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 0,
                Set.of());
    }

    public CheckOptions withDepth(int d) {
        return new CheckOptions(d, threads, maxStates, stopWhenFailed, maxHeapShare, cancelled);
    }

    public CheckOptions withThreads(int t) {
        return new CheckOptions(maxDepth, t, maxStates, stopWhenFailed, maxHeapShare, cancelled);
    }

    public CheckOptions withMaxStates(long n) {
        return new CheckOptions(maxDepth, threads, n, stopWhenFailed, maxHeapShare, cancelled);
    }

    /** Stop when the heap in use exceeds {@code share} (0 to 1, exclusive) of the maximum heap; 0: no limit. */
    public CheckOptions withMaxHeapShare(double share) {
        return new CheckOptions(maxDepth, threads, maxStates, stopWhenFailed, share, cancelled);
    }

    public CheckOptions cancelledWhen(BooleanSupplier c) {
        return new CheckOptions(maxDepth, threads, maxStates, stopWhenFailed, maxHeapShare, c);
    }

    public CheckOptions stoppingOnFailure() {
        return new CheckOptions(maxDepth, threads, maxStates, Set.of(ANY), maxHeapShare, cancelled);
    }

    /** Stop once all of {@code properties} (names as printed) have failed. */
    public CheckOptions stoppingWhenFailed(String... properties) {
        return new CheckOptions(maxDepth, threads, maxStates, Set.of(properties), maxHeapShare, cancelled);
    }
}
