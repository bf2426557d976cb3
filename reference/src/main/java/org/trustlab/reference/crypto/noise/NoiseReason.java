package org.trustlab.reference.crypto.noise;

import org.trustlab.reference.core.ReasonCode;

/** Why a Noise handshake or transport step was refused. Stable codes: roles turn them into audit reasons. */
public enum NoiseReason implements ReasonCode {
    /** An AEAD tag did not verify: wrong key, wrong PSK, wrong pinned static key, or tampered bytes. */
    DECRYPT_FAILED,
    /** The message ends before the public keys and tag the pattern says it carries. */
    MESSAGE_TOO_SHORT,
    /** Above the 65,535-byte limit of the Noise specification (section 3). */
    MESSAGE_TOO_LONG,
    /** A public key that X25519 refuses (small order: the shared secret would be all zero, fixed by the sender). */
    BAD_PUBLIC_KEY,
    /** writeMessage when the peer is due to send, or readMessage when this side is. */
    OUT_OF_ORDER,
    /** A handshake step after the last handshake message. */
    HANDSHAKE_COMPLETE,
    /** split() or the handshake hash before the last handshake message. */
    HANDSHAKE_INCOMPLETE,
    /** A handshake that already refused a message; the specification says to abort it, never to resume. */
    HANDSHAKE_FAILED,
    /** The pattern needs a key (local static, pinned remote static, PSK) that was not supplied. */
    MISSING_KEY,
    /** A key supplied that the pattern never uses, e.g. a remote static key for XX, which learns it in-band. */
    KEY_NOT_IN_PATTERN,
    /** A PSK that is not 32 bytes, or a key of the wrong length. */
    BAD_KEY_LENGTH,
    /** The counter reached 2^64-1, which the specification reserves; the session must be rekeyed or ended. */
    NONCE_EXHAUSTED,
    /** One-way patterns (N, K, X) carry transport from the initiator only; nothing flows back. */
    NO_SUCH_DIRECTION,
    /** A protocol name outside what this implementation offers (25519, ChaChaPoly, SHA256, fundamental patterns). */
    UNSUPPORTED_PROTOCOL;

    @Override
    public String code() {
        return name();
    }
}
