package org.trustlab.reference.core;

/**
 * A stable rejection reason. Each protocol declares its reasons as an enum implementing this; the audit log,
 * the CLI, the reports and the tests all compare {@link #code()}, never a message text.
 */
public interface ReasonCode {
    /** The stable upper-snake-case code, e.g. {@code CHALLENGE_REPLAYED}. */
    String code();
}
