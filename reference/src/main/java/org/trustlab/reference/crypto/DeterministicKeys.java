package org.trustlab.reference.crypto;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Key material fixed by (seed, owner, algorithm, generation), cached for the life of the JVM so that an RSA key
 * (a second or so to generate at 3072 bits) is generated once per (seed, name), never once per run.
 */
public final class DeterministicKeys {
    private record Key(long seed, String owner, String algorithm, int bits, int generation) {}

    private static final ConcurrentMap<Key, Object> CACHE = new ConcurrentHashMap<>();

    private DeterministicKeys() {}

    public static Ed25519KeyPair ed25519(long seed, String owner, int generation) {
        return (Ed25519KeyPair) CACHE.computeIfAbsent(new Key(seed, owner, "ed25519", 256, generation),
                k -> Ed25519KeyPair.generate(stream(k)));
    }

    public static X25519KeyPair x25519(long seed, String owner, int generation) {
        return (X25519KeyPair) CACHE.computeIfAbsent(new Key(seed, owner, "x25519", 256, generation),
                k -> X25519KeyPair.generate(stream(k)));
    }

    public static RsaKeyPair rsa(long seed, String owner, int bits, int generation) {
        return (RsaKeyPair) CACHE.computeIfAbsent(new Key(seed, owner, "rsa", bits, generation),
                k -> RsaKeyPair.generate(bits, stream(k)));
    }

    /** A {@link KeyRing} for one device in one run. */
    public static KeyRing ring(long seed, String owner) {
        return new KeyRing() {
            @Override
            public Ed25519KeyPair ed25519(int generation) {
                return DeterministicKeys.ed25519(seed, owner, generation);
            }

            @Override
            public X25519KeyPair x25519(int generation) {
                return DeterministicKeys.x25519(seed, owner, generation);
            }

            @Override
            public RsaKeyPair rsa(int bits, int generation) {
                return DeterministicKeys.rsa(seed, owner, bits, generation);
            }
        };
    }

    private static DeterministicRandom stream(Key k) {
        return new DeterministicRandom(k.seed(), "key/" + k.algorithm() + "/" + k.bits() + "/" + k.owner() + "/"
                + k.generation());
    }
}
