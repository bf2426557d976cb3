package org.trustlab.reference.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA256 (RFC 2104). Verify with {@link #verifySha256}, which compares in constant time. */
public final class Hmac {
    private Hmac() {}

    public static byte[] sha256(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    public static boolean verifySha256(byte[] key, byte[] data, byte[] tag) {
        return Bytes.constantTimeEquals(sha256(key, data), tag);
    }
}
