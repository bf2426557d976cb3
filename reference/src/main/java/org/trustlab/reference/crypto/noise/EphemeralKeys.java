package org.trustlab.reference.crypto.noise;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * Where a handshake's ephemeral key comes from. Never the platform's entropy: in trustlab every ephemeral is fixed
 * by the run's seed, and test vectors fix it outright.
 */
@FunctionalInterface
public interface EphemeralKeys {
    X25519KeyPair next();

    /** Ephemerals drawn from a seeded stream; give each handshake (or device) its own split of the run's stream. */
    static EphemeralKeys from(DeterministicRandom random) {
        return () -> X25519KeyPair.generate(random);
    }

    /** Exactly these ephemerals in order, for test vectors; asking for one more is an error, not a silent reuse. */
    static EphemeralKeys fixed(X25519KeyPair... keys) {
        Deque<X25519KeyPair> queue = new ArrayDeque<>(List.of(keys));
        return () -> {
            if (queue.isEmpty()) {
                throw new IllegalStateException("no fixed ephemeral key left");
            }
            return queue.removeFirst();
        };
    }

    /** For patterns where this side never sends "e" (the responder of a one-way pattern). */
    static EphemeralKeys none() {
        return fixed();
    }
}
