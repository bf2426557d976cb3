package org.trustlab.reference.crypto;

/**
 * Run in a child JVM by {@link DeterministicKeysTest}: prints the key material that (seed, owner) yields, one
 * {@code label=hex} line each, so the test can show a fresh process derives the same bytes.
 */
public final class PrintDeterministicKeys {
    private PrintDeterministicKeys() {}

    public static void main(String[] args) {
        System.out.print(DeterministicKeysTest.describe(Long.parseLong(args[0]), args[1]));
    }
}
