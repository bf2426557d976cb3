package org.trustlab.reference.autojoin;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;
import org.trustlab.reference.crypto.Hashes;

/**
 * A ByteSync client id: Base26(SHA-256(installation id ‖ SHA-256(public key))), shown as {@code XXXX-XXX-XXX}.
 * It names a client across sessions, so trust (trusted public keys, grants) is keyed by it, never by the
 * per-connection instance id.
 *
 * <p>trustlab derives it once, from the installation's first key (generation 0), and keeps it across key
 * rotations: a rotated device then presents the same client id with a new key, which is exactly the case the
 * grant's key binding ({@code KEY_MISMATCH}) has to catch.
 */
public record ClientId(String value) implements Comparable<ClientId> {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}-[A-Z]{3}-[A-Z]{3}");
    private static final int LETTERS = 10;
    private static final BigInteger BASE = BigInteger.valueOf(26);

    public ClientId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("client id must look like XXXX-XXX-XXX: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static ClientId derive(String installationId, byte[] publicKey) {
        byte[] digest = Hashes.sha256(installationId.getBytes(StandardCharsets.UTF_8), Hashes.sha256(publicKey));
        BigInteger n = new BigInteger(1, digest);
        StringBuilder letters = new StringBuilder(LETTERS);
        for (int i = 0; i < LETTERS; i++) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            letters.append((char) ('A' + qr[1].intValue()));
            n = qr[0];
        }
        return new ClientId(letters.substring(0, 4) + "-" + letters.substring(4, 7) + "-" + letters.substring(7));
    }

    @Override
    public int compareTo(ClientId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
