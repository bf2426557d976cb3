package org.trustlab.reference.crypto.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * What one side brings to a handshake: the prologue both sides must agree on, its static key pair, the peer's
 * static public key where the pattern has it known up front (pinned), the PSKs in the order the pattern uses them,
 * and the source of its ephemeral keys. Built with the withers:
 * {@code HandshakeSettings.of(ephemerals).localStatic(s).remoteStatic(peer)}.
 */
public record HandshakeSettings(byte[] prologue, X25519KeyPair localStatic, byte[] remoteStatic, List<byte[]> psks,
                                EphemeralKeys ephemerals) {
    public static final int PSK_LENGTH = 32;

    public HandshakeSettings {
        Objects.requireNonNull(ephemerals, "ephemerals");
        prologue = prologue == null ? new byte[0] : prologue.clone();
        remoteStatic = remoteStatic == null ? null : remoteStatic.clone();
        psks = psks.stream().map(byte[]::clone).toList();
    }

    public static HandshakeSettings of(EphemeralKeys ephemerals) {
        return new HandshakeSettings(new byte[0], null, null, List.of(), ephemerals);
    }

    public HandshakeSettings prologue(byte[] bytes) {
        return new HandshakeSettings(bytes, localStatic, remoteStatic, psks, ephemerals);
    }

    public HandshakeSettings localStatic(X25519KeyPair keyPair) {
        return new HandshakeSettings(prologue, keyPair, remoteStatic, psks, ephemerals);
    }

    /** The peer's static public key, known up front: KK and K pin both sides, NK, XK, IK, N and X the responder. */
    public HandshakeSettings remoteStatic(byte[] publicKey) {
        return new HandshakeSettings(prologue, localStatic, publicKey, psks, ephemerals);
    }

    /** Appends one PSK; a pattern with psk0+psk2 takes two, in that order. */
    public HandshakeSettings psk(byte[] psk) {
        List<byte[]> more = new ArrayList<>(psks);
        more.add(psk);
        return new HandshakeSettings(prologue, localStatic, remoteStatic, more, ephemerals);
    }

    @Override
    public byte[] prologue() {
        return prologue.clone();
    }

    @Override
    public byte[] remoteStatic() {
        return remoteStatic == null ? null : remoteStatic.clone();
    }

    @Override
    public List<byte[]> psks() {
        return psks.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        // never the PSKs or keys themselves
        return "HandshakeSettings[prologue=" + prologue.length + " bytes, localStatic=" + (localStatic != null)
                + ", remoteStatic=" + (remoteStatic != null) + ", psks=" + psks.size() + "]";
    }
}
