package org.trustlab.simulator.protocol;

import java.util.Optional;
import org.trustlab.reference.core.DeviceId;

/**
 * One message the attacker saw on the wire: the bytes as sent, who sent it to whom and when (global virtual time,
 * nanoseconds), the {@code msg-id} the trace gives it, its canonical tag, and the decoded message, or null when
 * the bytes do not decode (tampered or injected garbage).
 */
public record ObservedMessage<M>(String msgId, long timeNanos, DeviceId from, DeviceId to, String tag,
        byte[] bytes, M message) {

    public Optional<M> decoded() {
        return Optional.ofNullable(message);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
