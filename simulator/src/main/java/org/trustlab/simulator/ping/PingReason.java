package org.trustlab.simulator.ping;

import org.trustlab.reference.core.ReasonCode;

/** Why a ping node refused something. */
public enum PingReason implements ReasonCode {
    /** A pong whose nonce matches no outstanding ping: a duplicate, a replay, or one that outlived a crash. */
    UNKNOWN_PING,
    /** No pong arrived within the timeout. */
    PONG_TIMEOUT,
    /** A ping older than max-age on the responder's clock. */
    PING_EXPIRED,
    /** A ping dated further ahead of the responder's clock than max-age. */
    PING_FROM_FUTURE,
    /** A signed ping whose signature does not verify under the claimed sender's key. */
    BAD_SIGNATURE,
    /** A ping from a sender that is not a scenario device. */
    UNKNOWN_SENDER,
    /** A {@code ping} user action without a target or with a bad count or interval. */
    BAD_ACTION;

    @Override
    public String code() {
        return name();
    }
}
