package org.trustlab.linearizability;

import java.time.Duration;

/**
 * Limits of one check. When the time limit or the memory budget (the bytes the search's memo of configurations
 * may take, across all partitions) is reached, the answer is {@link Result.Unknown} with the reason.
 *
 * @param jobs partitions searched at once
 */
public record Options(Duration timeLimit, long memoryBudgetBytes, int jobs) {

    public Options {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        if (memoryBudgetBytes < 1 || jobs < 1) {
            throw new IllegalArgumentException("the memory budget and jobs must be at least 1");
        }
    }

    /**
     * Up to this many partitions are searched at once by default. More threads than cores on purpose, as
     * Porcupine does with a goroutine per partition: one partition's search can be long (a non-linearizable one
     * must be exhausted) while another is refuted at once, and the first refutation cancels the rest.
     */
    public static final int DEFAULT_JOBS = 64;

    /** 60 s, half the heap's maximum (the search must leave room for the history and the JVM), 64 jobs. */
    public static Options defaults() {
        return new Options(Duration.ofSeconds(60), Runtime.getRuntime().maxMemory() / 2, DEFAULT_JOBS);
    }

    public Options withTimeLimit(Duration d) {
        return new Options(d, memoryBudgetBytes, jobs);
    }

    public Options withMemoryBudget(long bytes) {
        return new Options(timeLimit, bytes, jobs);
    }

    public Options withJobs(int n) {
        return new Options(timeLimit, memoryBudgetBytes, n);
    }
}
