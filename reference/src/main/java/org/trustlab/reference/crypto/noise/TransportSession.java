package org.trustlab.reference.crypto.noise;

/**
 * One side's transport after the handshake: a sending and a receiving cipher state (the responder of a one-way
 * pattern has no sending one), and the handshake hash as channel binding. Transport messages carry no associated
 * data, as the specification's transport phase has none.
 */
public final class TransportSession {
    private static final byte[] NO_AD = new byte[0];

    private final CipherState send;
    private final CipherState receive;
    private final byte[] handshakeHash;

    TransportSession(CipherState send, CipherState receive, byte[] handshakeHash) {
        this.send = send;
        this.receive = receive;
        this.handshakeHash = handshakeHash.clone();
    }

    public byte[] encrypt(byte[] plaintext) {
        if (send == null) {
            throw new NoiseException(NoiseReason.NO_SUCH_DIRECTION,
                    "the responder of a one-way pattern only receives");
        }
        if (plaintext.length > HandshakeState.MAX_MESSAGE_LENGTH - CipherState.TAG_LENGTH) {
            throw new NoiseException(NoiseReason.MESSAGE_TOO_LONG,
                    "a transport payload of " + plaintext.length + " bytes exceeds 65,535 with its tag");
        }
        return send.encryptWithAd(NO_AD, plaintext);
    }

    public byte[] decrypt(byte[] ciphertext) {
        if (receive == null) {
            throw new NoiseException(NoiseReason.NO_SUCH_DIRECTION,
                    "the initiator of a one-way pattern only sends");
        }
        if (ciphertext.length > HandshakeState.MAX_MESSAGE_LENGTH) {
            throw new NoiseException(NoiseReason.MESSAGE_TOO_LONG,
                    "a transport message of " + ciphertext.length + " bytes");
        }
        return receive.decryptWithAd(NO_AD, ciphertext);
    }

    /** Rekeys the sending direction; the peer calls {@link #rekeyReceive()} at the same point of the stream. */
    public void rekeySend() {
        sending().rekey();
    }

    public void rekeyReceive() {
        if (receive == null) {
            throw new NoiseException(NoiseReason.NO_SUCH_DIRECTION, "no receiving direction");
        }
        receive.rekey();
    }

    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** The sending cipher state, for callers that manage nonces themselves. */
    public CipherState sending() {
        if (send == null) {
            throw new NoiseException(NoiseReason.NO_SUCH_DIRECTION, "no sending direction");
        }
        return send;
    }

    public CipherState receiving() {
        if (receive == null) {
            throw new NoiseException(NoiseReason.NO_SUCH_DIRECTION, "no receiving direction");
        }
        return receive;
    }
}
