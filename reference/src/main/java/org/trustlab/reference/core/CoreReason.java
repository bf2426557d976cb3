package org.trustlab.reference.core;

/** Reasons every protocol shares. */
public enum CoreReason implements ReasonCode {
    /** Bytes that do not decode as a message of the protocol. */
    MALFORMED,
    /** A user action the role does not know. */
    UNKNOWN_ACTION;

    @Override
    public String code() {
        return name();
    }
}
