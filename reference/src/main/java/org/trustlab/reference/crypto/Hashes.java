package org.trustlab.reference.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256. */
public final class Hashes {
    private Hashes() {}

    /** SHA-256 over the concatenation of the parts. */
    public static byte[] sha256(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
