package org.trustlab.reference.core;

/**
 * Turns a protocol's messages into bytes and back. Every protocol encodes its messages with the canonical
 * encoding ({@link org.trustlab.reference.crypto.Canonical}), so a network attacker can flip bits or substitute
 * a field generically, and a decoder failure is a {@link Decoded.Malformed} with a reason, never an exception.
 */
public interface WireCodec<M> {
    byte[] encode(M message);

    Decoded<M> decode(byte[] bytes);

    /** The result of decoding untrusted bytes. */
    sealed interface Decoded<M> permits Decoded.Ok, Decoded.Malformed {
        record Ok<M>(M message) implements Decoded<M> {}

        /** {@code reason} is a stable code such as {@code TRUNCATED} or {@code UNKNOWN_TAG}. */
        record Malformed<M>(String reason, String detail) implements Decoded<M> {}
    }
}
