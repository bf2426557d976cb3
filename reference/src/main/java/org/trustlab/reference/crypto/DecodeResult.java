package org.trustlab.reference.crypto;

/** The result of decoding untrusted bytes: a value, or a reason and a human-readable detail. */
public sealed interface DecodeResult<T> permits DecodeResult.Ok, DecodeResult.Failure {
    record Ok<T>(T value) implements DecodeResult<T> {}

    record Failure<T>(DecodeReason reason, String detail) implements DecodeResult<T> {}
}
