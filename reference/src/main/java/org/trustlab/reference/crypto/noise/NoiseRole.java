package org.trustlab.reference.crypto.noise;

/** Which side of the handshake: the initiator sends the first handshake message. */
public enum NoiseRole {
    INITIATOR, RESPONDER;

    public NoiseRole peer() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
