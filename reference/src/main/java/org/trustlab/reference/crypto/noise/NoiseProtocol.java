package org.trustlab.reference.crypto.noise;

import java.nio.charset.StandardCharsets;

/**
 * A full Noise protocol: a handshake pattern over the one suite trustlab implements, 25519 / ChaChaPoly / SHA256
 * (X25519, ChaCha20-Poly1305, SHA-256, all from Bouncy Castle).
 */
public record NoiseProtocol(String name, HandshakePattern pattern) {
    private static final String PREFIX = "Noise_";
    private static final String SUITE = "_25519_ChaChaPoly_SHA256";

    /** The relay's data plane: both static keys pinned before the first message. */
    public static final NoiseProtocol KK = parse("Noise_KK_25519_ChaChaPoly_SHA256");
    /** The relay's pairing: anonymous ephemerals, authenticated by a PSK derived from the pairing token. */
    public static final NoiseProtocol NN_PSK0 = parse("Noise_NNpsk0_25519_ChaChaPoly_SHA256");
    /** pnet's peer channel: static keys exchanged in-band, pinned by the caller against the peer id. */
    public static final NoiseProtocol XX = parse("Noise_XX_25519_ChaChaPoly_SHA256");

    public NoiseProtocol {
        if (!name.equals(PREFIX + pattern.name() + SUITE)) {
            throw new IllegalArgumentException("protocol name " + name + " does not name pattern " + pattern.name());
        }
    }

    public static NoiseProtocol parse(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUITE) || name.length() <= PREFIX.length() + SUITE.length()) {
            throw new NoiseException(NoiseReason.UNSUPPORTED_PROTOCOL,
                    "'" + name + "': only Noise_<pattern>" + SUITE + " is implemented");
        }
        HandshakePattern pattern =
                HandshakePatterns.byName(name.substring(PREFIX.length(), name.length() - SUITE.length()));
        return new NoiseProtocol(name, pattern);
    }

    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
