package org.trustlab.reference.crypto;

import java.io.ByteArrayOutputStream;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/** Byte helpers. Every comparison of secret material goes through {@link #constantTimeEquals}. */
public final class Bytes {
    private Bytes() {}

    /**
     * Compares in time that depends only on the lengths, so a MAC, token or password check does not leak how many
     * leading bytes matched.
     */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return Arrays.constantTimeAreEqual(a, b);
    }

    public static String hex(byte[] bytes) {
        return Hex.toHexString(bytes);
    }

    public static byte[] fromHex(String hex) {
        return Hex.decode(hex);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * A short, non-secret name for key or secret material: the first 8 bytes of SHA-256, in hex. Reports, traces
     * and audit events show this instead of the material itself.
     */
    public static String fingerprint(byte[] material) {
        return hex(java.util.Arrays.copyOf(Hashes.sha256(material), 8));
    }
}
