package org.trustlab.reference.autojoin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Canonical;

/**
 * An automatic-join challenge: 32 random bytes bound to the session, the requester, the target member, the
 * issue and expiry times (on the issuer's clock), the purpose and the issuer's restart epoch. The requester signs
 * its whole canonical encoding, so no binding can be swapped without breaking the signature.
 */
public record Challenge(String sessionId, ClientId requester, ClientId target, Instant issuedAt, Instant expiresAt,
        Purpose purpose, byte[] nonce, long epoch) {
    public static final String TAG = "trustlab/autojoin/challenge/v1";
    /** Domain separation: a challenge signature can never be mistaken for any other signature a client makes. */
    public static final String RESPONSE_TAG = "trustlab/autojoin/challenge-response/v1";
    public static final int NONCE_LENGTH = 32;

    public Challenge {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(purpose, "purpose");
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("challenge nonce must be 32 bytes, got " + nonce.length);
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public String nonceHex() {
        return Bytes.hex(nonce);
    }

    public byte[] encode() {
        return Canonical.writer(TAG)
                .string(sessionId)
                .string(requester.value())
                .string(target.value())
                .u64(issuedAt.toEpochMilli())
                .u64(expiresAt.toEpochMilli())
                .string(purpose.wireName())
                .bytes(nonce)
                .u64(epoch)
                .toBytes();
    }

    /** What the requester signs: the whole challenge under the response tag. */
    public byte[] signingInput() {
        return Canonical.writer(RESPONSE_TAG).bytes(encode()).toBytes();
    }

    /** What the {@code signature-omits-purpose} mutant signs: every binding but the purpose. */
    public byte[] signingInputWithoutPurpose() {
        byte[] bindings = Canonical.writer(TAG)
                .string(sessionId)
                .string(requester.value())
                .string(target.value())
                .u64(issuedAt.toEpochMilli())
                .u64(expiresAt.toEpochMilli())
                .bytes(nonce)
                .u64(epoch)
                .toBytes();
        return Canonical.writer(RESPONSE_TAG).bytes(bindings).toBytes();
    }

    /** What the {@code signature-over-nonce-only} mutant signs. */
    public byte[] nonceOnlySigningInput() {
        return Canonical.writer(RESPONSE_TAG).bytes(nonce).toBytes();
    }

    /** Decodes a nested challenge; throws {@link Canonical.DecodeException} inside a codec's mapper. */
    static Challenge read(byte[] bytes) {
        Canonical.Record r = unwrap(Canonical.decode(bytes, List.of(TAG)));
        Canonical.Reader in = r.reader(8);
        String session = AutoJoinCodec.nonEmpty(in.string(), "session id");
        ClientId requester = AutoJoinCodec.clientId(in.string());
        ClientId target = AutoJoinCodec.clientId(in.string());
        Instant issued = Instant.ofEpochMilli(in.u64());
        Instant expires = Instant.ofEpochMilli(in.u64());
        Purpose purpose = AutoJoinCodec.purpose(in.string());
        byte[] nonce = in.bytes(NONCE_LENGTH);
        long epoch = in.u64();
        return new Challenge(session, requester, target, issued, expires, purpose, nonce, epoch);
    }

    private static Canonical.Record unwrap(org.trustlab.reference.crypto.DecodeResult<Canonical.Record> result) {
        if (result instanceof org.trustlab.reference.crypto.DecodeResult.Ok<Canonical.Record> ok) {
            return ok.value();
        }
        var f = (org.trustlab.reference.crypto.DecodeResult.Failure<Canonical.Record>) result;
        throw new Canonical.DecodeException(f.reason(), "challenge: " + f.detail());
    }

    /** Same bindings, byte for byte (records with arrays do not compare contents by themselves). */
    public boolean sameAs(Challenge other) {
        return other != null && Arrays.equals(encode(), other.encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge c && sameAs(c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Challenge[" + sessionId + ", " + requester + " -> " + target + ", " + purpose + ", " + nonceHex()
                + ", epoch " + epoch + ", " + issuedAt + ".." + expiresAt + "]";
    }
}
