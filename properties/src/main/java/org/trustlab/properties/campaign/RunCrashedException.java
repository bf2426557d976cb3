package org.trustlab.properties.campaign;

import java.util.Map;

/**
 * A run that did not complete: the simulator, a role or a check threw. Roles must turn hostile input into
 * rejections, so this is a finding in itself; it carries the run's index, seed and scenario so that the scenario
 * can be written out and replayed.
 */
public final class RunCrashedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int runIndex;
    private final long runSeed;
    private final transient Map<String, Object> scenario;

    public RunCrashedException(int runIndex, long runSeed, Map<String, Object> scenario, Throwable cause) {
        super("run " + runIndex + " (seed " + runSeed + ") crashed: " + cause, cause);
        this.runIndex = runIndex;
        this.runSeed = runSeed;
        this.scenario = scenario;
    }

    public int runIndex() {
        return runIndex;
    }

    public long runSeed() {
        return runSeed;
    }

    /** The scenario as plain data, or null if it could not even be generated. */
    public Map<String, Object> scenario() {
        return scenario;
    }
}
