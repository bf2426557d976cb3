package org.trustlab.simulator.protocol;

/**
 * How a low-entropy secret (a password, a PIN, a pairing code) is written anywhere trustlab writes: by what it is
 * and its length, {@code [password, 13 characters]}. Never its value and never a hash of it, salted or not, since a
 * dictionary inverts either, and traces and reports are pasted into issues. The trace and the reports share this
 * one form so that a reviewer reads the same thing in both.
 */
public final class LowEntropySecret {
    private LowEntropySecret() {}

    /** {@code value} as it is shown, {@code kind} naming what it is ({@code password}, {@code pairing code}). */
    public static String shown(String kind, String value) {
        int n = value.codePointCount(0, value.length());
        return "[" + kind + ", " + n + (n == 1 ? " character]" : " characters]");
    }
}
