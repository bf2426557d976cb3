package org.trustlab.reference.crypto.noise;

/**
 * A refused Noise step, with its stable {@link NoiseReason}. Protocol roles catch it at the edge and turn the
 * reason into an audit event; it never carries key material in its message.
 */
public final class NoiseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final NoiseReason reason;

    public NoiseException(NoiseReason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    public NoiseReason reason() {
        return reason;
    }
}
