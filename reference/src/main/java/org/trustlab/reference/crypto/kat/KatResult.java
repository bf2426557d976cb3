package org.trustlab.reference.crypto.kat;

/** The verdict of running one known-answer vector: passed or not, and what was compared (or what differed). */
public record KatResult(boolean passed, String detail) {
    public static KatResult pass(String detail) {
        return new KatResult(true, detail);
    }

    public static KatResult fail(String detail) {
        return new KatResult(false, detail);
    }
}
