package org.trustlab.simulator.ping;

import java.util.Objects;

/**
 * The ping demo protocol's messages: the smallest request/response protocol that still has everything the
 * simulator must exercise (a nonce to match responses, a timestamp judged on the receiver's clock, an optional
 * signature by the sender's device key).
 */
public sealed interface PingMessage permits PingMessage.Ping, PingMessage.Pong {

    String TAG_PING = "trustlab/ping/ping/v1";
    String TAG_PONG = "trustlab/ping/pong/v1";
    /** Domain separation for ping signatures, so a ping signature verifies for nothing else. */
    String TAG_PING_SIGNED = "trustlab/ping/ping-signed/v1";

    String sender();

    byte[] nonce();

    /**
     * A ping: {@code sentAtMillis} is the sender's local clock in epoch milliseconds; {@code signature} is empty
     * when the sender does not sign.
     */
    record Ping(String sender, long seq, byte[] nonce, long sentAtMillis, byte[] signature) implements PingMessage {
        public Ping {
            Objects.requireNonNull(sender, "sender");
            nonce = nonce.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** The answer to a ping, echoing its sequence number and nonce. */
    record Pong(String sender, long seq, byte[] nonce, long sentAtMillis) implements PingMessage {
        public Pong {
            Objects.requireNonNull(sender, "sender");
            nonce = nonce.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }
    }
}
