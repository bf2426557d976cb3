package org.trustlab.reference.crypto;

/**
 * A device's long-term keys. {@code generation} numbers key rotations: generation 0 is the device's first key,
 * a rotated key is generation 1, and so on. Each (algorithm, generation) always yields the same key for a device.
 */
public interface KeyRing {
    Ed25519KeyPair ed25519(int generation);

    X25519KeyPair x25519(int generation);

    RsaKeyPair rsa(int bits, int generation);
}
