package org.trustlab.reference.crypto.kat;

import java.util.Optional;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.crypto.noise.EphemeralKeys;
import org.trustlab.reference.crypto.noise.HandshakeSettings;
import org.trustlab.reference.crypto.noise.HandshakeState;
import org.trustlab.reference.crypto.noise.NoiseException;
import org.trustlab.reference.crypto.noise.NoiseProtocol;
import org.trustlab.reference.crypto.noise.TransportSession;

/**
 * Plays a vector through two {@link HandshakeState}s, initiator and responder, and reports the first difference:
 * every written message must equal the vector's ciphertext byte for byte, every read must give back the payload,
 * and both sides must end with the vector's handshake hash. Transport messages alternate after the handshake
 * (interactive patterns) or all come from the initiator (one-way patterns), as cacophony generates them.
 */
public final class NoiseVectorCheck {
    private NoiseVectorCheck() {}

    /** Empty if every byte matches; otherwise the first difference, naming the message. */
    public static Optional<String> run(NoiseVector v) {
        NoiseProtocol protocol = NoiseProtocol.parse(v.protocolName());
        HandshakeState initiator = HandshakeState.initiator(protocol, settings(v, "init_"));
        HandshakeState responder = HandshakeState.responder(protocol, settings(v, "resp_"));
        int handshakeLength = protocol.pattern().messages().size();
        TransportSession initiatorTransport = null;
        TransportSession responderTransport = null;
        for (int i = 0; i < v.messages().size(); i++) {
            NoiseVector.Message m = v.messages().get(i);
            boolean initiatorSends = protocol.pattern().oneWay() || i % 2 == 0;
            boolean handshake = i < handshakeLength;
            if (!handshake && initiatorTransport == null) {
                // Vector files without handshake_hash (snow's) still need both sides to agree on it.
                String expected = v.fields().getOrDefault("handshake_hash", Bytes.hex(initiator.handshakeHash()));
                for (HandshakeState side : new HandshakeState[] {initiator, responder}) {
                    byte[] h = side.handshakeHash();
                    if (!Bytes.hex(h).equals(expected)) {
                        return Optional.of(side.role() + " handshake hash " + Bytes.hex(h) + ", vector " + expected);
                    }
                }
                initiatorTransport = initiator.split();
                responderTransport = responder.split();
            }
            String what = "message " + i + (handshake ? " (handshake)" : " (transport)");
            byte[] written = handshake
                    ? (initiatorSends ? initiator : responder).writeMessage(m.payload())
                    : (initiatorSends ? initiatorTransport : responderTransport).encrypt(m.payload());
            if (!Bytes.hex(written).equals(Bytes.hex(m.ciphertext()))) {
                return Optional.of(what + " differs: wrote " + Bytes.hex(written)
                        + ", vector " + Bytes.hex(m.ciphertext()));
            }
            byte[] read;
            try {
                read = handshake
                        ? (initiatorSends ? responder : initiator).readMessage(written)
                        : (initiatorSends ? responderTransport : initiatorTransport).decrypt(written);
            } catch (NoiseException e) {
                return Optional.of(what + " refused by the receiver: " + e.getMessage());
            }
            if (!Bytes.hex(read).equals(Bytes.hex(m.payload()))) {
                return Optional.of(what + " read back as " + Bytes.hex(read));
            }
        }
        if (initiatorTransport == null) {
            return Optional.of("the vector has no transport messages, so its handshake hash was never compared");
        }
        return Optional.empty();
    }

    private static HandshakeSettings settings(NoiseVector v, String side) {
        byte[] ephemeral = v.bytes(side + "ephemeral");
        HandshakeSettings settings = HandshakeSettings.of(ephemeral == null
                        ? EphemeralKeys.none() : EphemeralKeys.fixed(X25519KeyPair.fromPrivate(ephemeral)))
                .prologue(v.bytes(side + "prologue"));
        byte[] localStatic = v.bytes(side + "static");
        if (localStatic != null) {
            settings = settings.localStatic(X25519KeyPair.fromPrivate(localStatic));
        }
        byte[] remoteStatic = v.bytes(side + "remote_static");
        if (remoteStatic != null) {
            settings = settings.remoteStatic(remoteStatic);
        }
        for (byte[] psk : v.psks(side + "psks")) {
            settings = settings.psk(psk);
        }
        return settings;
    }
}
