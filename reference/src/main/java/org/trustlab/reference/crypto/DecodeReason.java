package org.trustlab.reference.crypto;

import org.trustlab.reference.core.ReasonCode;

/** Why bytes did not decode as a canonical record. */
public enum DecodeReason implements ReasonCode {
    EMPTY,
    TRUNCATED,
    TRAILING_BYTES,
    OVERSIZED_LENGTH,
    UNKNOWN_TAG,
    WRONG_FIELD_COUNT,
    BAD_FIELD;

    @Override
    public String code() {
        return name();
    }
}
