package org.trustlab.model.term;

/**
 * A symbolic message in the Dolev-Yao sense: atoms (agents, nonces, keys, public names, timestamps) and
 * constructors (signatures, encryptions, hashes, MACs, tuples). A {@link Var} makes a term a pattern.
 *
 * <p>Terms are immutable and carry a precomputed 64-bit structural hash ({@link #hash64()}); equality compares
 * that hash before the structure, so comparing distinct terms costs one long comparison and no global intern
 * table (which would need locking under the parallel checker) is needed. Cryptography is perfect: a ciphertext
 * opens only with the right key, a signature is made only with the private key.
 */
public sealed interface Term permits NamedAtom, Name, Timestamp, Unary, Keyed, Tuple, Var, SharedKey {

    /** Structural hash: equal terms have equal hashes, in every JVM and every run. */
    long hash64();

    /** True when the term contains no {@link Var}. */
    boolean ground();
}
