package org.trustlab.reference.crypto.kat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustlab.reference.crypto.Bytes;

/**
 * Collects the comparisons one vector makes. The first mismatch is reported with both values in hex, so a
 * mis-copied vector shows exactly which bytes differ.
 */
final class Expect {
    private final List<String> checked = new ArrayList<>();
    private String failure;

    Expect bytes(String what, String expectedHex, byte[] actual) {
        if (failure != null) {
            return this;
        }
        String expected = expectedHex.toLowerCase(java.util.Locale.ROOT);
        String got = Bytes.hex(actual);
        if (!expected.equals(got)) {
            failure = what + ": expected " + expected + ", got " + got;
        } else {
            checked.add(what);
        }
        return this;
    }

    Expect present(String what, String expectedHex, Optional<byte[]> actual) {
        if (failure != null) {
            return this;
        }
        if (actual.isEmpty()) {
            failure = what + ": expected " + expectedHex + ", got a rejection";
            return this;
        }
        return bytes(what, expectedHex, actual.get());
    }

    Expect isTrue(String what, boolean value) {
        if (failure == null) {
            if (value) {
                checked.add(what);
            } else {
                failure = what + ": did not hold";
            }
        }
        return this;
    }

    KatResult result() {
        return failure == null ? KatResult.pass(String.join(", ", checked)) : KatResult.fail(failure);
    }
}
