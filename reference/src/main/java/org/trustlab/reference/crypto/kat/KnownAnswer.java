package org.trustlab.reference.crypto.kat;

/**
 * One published known-answer vector, runnable on demand. {@code name} is stable (it appears in test reports and in
 * {@code trustlab selftest} output); {@code source} cites where the bytes come from, so a reviewer can hold the
 * vector against the document.
 */
public record KnownAnswer(String name, String source, Check check) {
    /** The comparison itself; it computes through trustlab's crypto core and reports what it found. */
    @FunctionalInterface
    public interface Check {
        KatResult run();
    }

    /** Runs the vector; an exception from the primitive is a failed vector, never an escape. */
    public KatResult run() {
        try {
            return check.run();
        } catch (RuntimeException e) {
            return KatResult.fail("threw " + e);
        }
    }
}
