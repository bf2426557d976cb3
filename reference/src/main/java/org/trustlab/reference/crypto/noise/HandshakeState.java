package org.trustlab.reference.crypto.noise;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * One side of a Noise handshake (specification section 5.3): feed it the peer's messages with
 * {@link #readMessage} and send what {@link #writeMessage} returns, in the order the pattern gives; after the last
 * message, {@link #split()} gives the transport. A refused message ({@link NoiseException}) ends the handshake: the
 * specification does not let a handshake continue after a failed decryption.
 */
public final class HandshakeState {
    /** Section 3: every Noise message, handshake or transport, is at most 65,535 bytes. */
    public static final int MAX_MESSAGE_LENGTH = 65535;
    public static final int DH_LENGTH = X25519KeyPair.KEY_LENGTH;

    private enum Phase { RUNNING, COMPLETE, FAILED, SPLIT }

    private final NoiseProtocol protocol;
    private final NoiseRole role;
    private final SymmetricState symmetric;
    private final EphemeralKeys ephemerals;
    private final Deque<byte[]> psks;
    private final X25519KeyPair s;
    private X25519KeyPair e;
    private byte[] rs;
    private byte[] re;
    private int next;
    private Phase phase = Phase.RUNNING;

    private HandshakeState(NoiseProtocol protocol, NoiseRole role, HandshakeSettings settings) {
        this.protocol = protocol;
        this.role = role;
        HandshakePattern pattern = protocol.pattern();
        this.s = settings.localStatic();
        this.rs = settings.remoteStatic() == null ? null : settings.remoteStatic().clone();
        this.ephemerals = settings.ephemerals();
        this.psks = new ArrayDeque<>(settings.psks());
        checkKeys(pattern, settings);
        this.symmetric = new SymmetricState(protocol.nameBytes());
        symmetric.mixHash(settings.prologue());
        // Pre-messages: the initiator's keys first, then the responder's (section 5.3, Initialize).
        for (NoiseRole side : NoiseRole.values()) {
            for (Token t : pattern.preMessage(side)) {
                if (t != Token.S) {
                    throw new NoiseException(NoiseReason.UNSUPPORTED_PROTOCOL, "pre-message token " + t.text());
                }
                symmetric.mixHash(side == role ? s.publicKey() : rs);
            }
        }
    }

    /** Initialize(): checks up front that every key the pattern needs is present and of the right length. */
    public static HandshakeState initialize(NoiseProtocol protocol, NoiseRole role, HandshakeSettings settings) {
        return new HandshakeState(protocol, role, settings);
    }

    public static HandshakeState initiator(NoiseProtocol protocol, HandshakeSettings settings) {
        return initialize(protocol, NoiseRole.INITIATOR, settings);
    }

    public static HandshakeState responder(NoiseProtocol protocol, HandshakeSettings settings) {
        return initialize(protocol, NoiseRole.RESPONDER, settings);
    }

    private void checkKeys(HandshakePattern pattern, HandshakeSettings settings) {
        boolean needsStatic = pattern.usesLocalStatic(role);
        if (needsStatic && s == null) {
            throw new NoiseException(NoiseReason.MISSING_KEY, protocol.name() + " needs the " + role
                    + "'s static key pair");
        }
        if (!needsStatic && s != null) {
            throw new NoiseException(NoiseReason.KEY_NOT_IN_PATTERN, protocol.name() + " never uses the " + role
                    + "'s static key");
        }
        boolean peerKnown = pattern.preMessage(role.peer()).contains(Token.S);
        if (peerKnown && rs == null) {
            throw new NoiseException(NoiseReason.MISSING_KEY, protocol.name() + " needs the " + role.peer()
                    + "'s static public key up front");
        }
        if (!peerKnown && rs != null) {
            // A key given here would not be checked: patterns that carry the peer's static key in-band are
            // pinned by comparing remoteStatic() after the handshake.
            throw new NoiseException(NoiseReason.KEY_NOT_IN_PATTERN, protocol.name() + " learns the " + role.peer()
                    + "'s static key in-band; compare remoteStatic() after the handshake instead");
        }
        if (rs != null && rs.length != DH_LENGTH) {
            throw new NoiseException(NoiseReason.BAD_KEY_LENGTH, "remote static key of " + rs.length + " bytes");
        }
        if (settings.psks().size() != pattern.pskCount()) {
            throw new NoiseException(settings.psks().size() < pattern.pskCount()
                    ? NoiseReason.MISSING_KEY : NoiseReason.KEY_NOT_IN_PATTERN,
                    protocol.name() + " takes " + pattern.pskCount() + " PSKs, got " + settings.psks().size());
        }
        for (byte[] psk : settings.psks()) {
            if (psk.length != HandshakeSettings.PSK_LENGTH) {
                throw new NoiseException(NoiseReason.BAD_KEY_LENGTH, "a PSK is 32 bytes, got " + psk.length);
            }
        }
    }

    public NoiseProtocol protocol() {
        return protocol;
    }

    public NoiseRole role() {
        return role;
    }

    /** Whose turn it is: true if the next handshake message is this side's to write. */
    public boolean isMyTurn() {
        return phase == Phase.RUNNING && protocol.pattern().messages().get(next).sender() == role;
    }

    public boolean isComplete() {
        return phase == Phase.COMPLETE || phase == Phase.SPLIT;
    }

    /** The index of the next handshake message (0 for the first). */
    public int messageIndex() {
        return next;
    }

    /** The peer's static public key: pinned up front or learned in the handshake; empty if the pattern has none. */
    public Optional<byte[]> remoteStatic() {
        return Optional.ofNullable(rs).map(byte[]::clone);
    }

    /**
     * The handshake hash h after the last message: a channel binding both sides share (section 11.2), e.g. what
     * the relay's AgentInfo signs and its short authentication string is cut from.
     */
    public byte[] handshakeHash() {
        if (!isComplete()) {
            throw new NoiseException(NoiseReason.HANDSHAKE_INCOMPLETE,
                    "the handshake hash is final after the last message");
        }
        return symmetric.handshakeHash();
    }

    /** WriteMessage: the next handshake message carrying {@code payload}. */
    public byte[] writeMessage(byte[] payload) {
        MessagePattern message = expect(role, "write");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Token t : message.tokens()) {
                switch (t) {
                    case E -> {
                        e = ephemerals.next();
                        byte[] pub = e.publicKey();
                        out.writeBytes(pub);
                        mixEphemeral(pub);
                    }
                    case S -> out.writeBytes(symmetric.encryptAndHash(s.publicKey()));
                    case PSK -> symmetric.mixKeyAndHash(psks.removeFirst());
                    default -> dh(t);
                }
            }
            out.writeBytes(symmetric.encryptAndHash(payload));
            byte[] bytes = out.toByteArray();
            if (bytes.length > MAX_MESSAGE_LENGTH) {
                throw new NoiseException(NoiseReason.MESSAGE_TOO_LONG,
                        "handshake message " + next + " would be " + bytes.length + " bytes");
            }
            advance();
            return bytes;
        } catch (NoiseException | IllegalStateException ex) {
            phase = Phase.FAILED;
            throw ex;
        }
    }

    /** ReadMessage: the payload of the peer's next handshake message, or a {@link NoiseException} with the reason. */
    public byte[] readMessage(byte[] message) {
        MessagePattern pattern = expect(role.peer(), "read");
        try {
            if (message.length > MAX_MESSAGE_LENGTH) {
                throw new NoiseException(NoiseReason.MESSAGE_TOO_LONG,
                        "handshake message " + next + " of " + message.length + " bytes");
            }
            int at = 0;
            for (Token t : pattern.tokens()) {
                switch (t) {
                    case E -> {
                        re = take(message, at, DH_LENGTH, t);
                        at += DH_LENGTH;
                        mixEphemeral(re);
                    }
                    case S -> {
                        int length = DH_LENGTH + (symmetric.hasKey() ? CipherState.TAG_LENGTH : 0);
                        rs = symmetric.decryptAndHash(take(message, at, length, t));
                        at += length;
                    }
                    case PSK -> symmetric.mixKeyAndHash(psks.removeFirst());
                    default -> dh(t);
                }
            }
            byte[] rest = Arrays.copyOfRange(message, at, message.length);
            if (symmetric.hasKey() && rest.length < CipherState.TAG_LENGTH) {
                throw new NoiseException(NoiseReason.MESSAGE_TOO_SHORT, "handshake message " + next
                        + " has " + rest.length + " bytes for its payload, less than the 16-byte tag");
            }
            byte[] payload = symmetric.decryptAndHash(rest);
            advance();
            return payload;
        } catch (NoiseException ex) {
            phase = Phase.FAILED;
            throw ex;
        }
    }

    /**
     * Split(): the transport for this side. The handshake state is spent afterwards; its keys live on only in the
     * transport's cipher states.
     */
    public TransportSession split() {
        if (phase != Phase.COMPLETE) {
            throw new NoiseException(phase == Phase.RUNNING ? NoiseReason.HANDSHAKE_INCOMPLETE
                    : phase == Phase.SPLIT ? NoiseReason.HANDSHAKE_COMPLETE : NoiseReason.HANDSHAKE_FAILED,
                    "split() needs a completed handshake that was not split yet");
        }
        SymmetricState.CipherPair pair = symmetric.split();
        phase = Phase.SPLIT;
        boolean oneWay = protocol.pattern().oneWay();
        return role == NoiseRole.INITIATOR
                ? new TransportSession(pair.initiatorToResponder(), oneWay ? null : pair.responderToInitiator(),
                        symmetric.handshakeHash())
                : new TransportSession(oneWay ? null : pair.responderToInitiator(), pair.initiatorToResponder(),
                        symmetric.handshakeHash());
    }

    private MessagePattern expect(NoiseRole sender, String action) {
        switch (phase) {
            case FAILED -> throw new NoiseException(NoiseReason.HANDSHAKE_FAILED,
                    "the handshake refused an earlier message and cannot continue");
            case COMPLETE, SPLIT -> throw new NoiseException(NoiseReason.HANDSHAKE_COMPLETE,
                    "no handshake message left to " + action);
            default -> { }
        }
        MessagePattern message = protocol.pattern().messages().get(next);
        if (message.sender() != sender) {
            // Not a failure of the handshake: the caller asked for the wrong step; the state is untouched.
            throw new NoiseException(NoiseReason.OUT_OF_ORDER, "handshake message " + next + " (" + message
                    + ") is the " + message.sender() + "'s, so the " + role + " cannot " + action + " it");
        }
        return message;
    }

    private void advance() {
        next++;
        if (next == protocol.pattern().messages().size()) {
            phase = Phase.COMPLETE;
        }
    }

    /** "e": the public key enters h and, with a PSK in the pattern, the cipher key too (section 9.2). */
    private void mixEphemeral(byte[] publicKey) {
        symmetric.mixHash(publicKey);
        if (protocol.pattern().hasPsk()) {
            symmetric.mixKey(publicKey);
        }
    }

    private void dh(Token t) {
        boolean initiator = role == NoiseRole.INITIATOR;
        switch (t) {
            case EE -> mixDh(e, re, t);
            case ES -> mixDh(initiator ? e : s, initiator ? rs : re, t);
            case SE -> mixDh(initiator ? s : e, initiator ? re : rs, t);
            case SS -> mixDh(s, rs, t);
            default -> throw new IllegalStateException("not a DH token: " + t);
        }
    }

    private void mixDh(X25519KeyPair local, byte[] remote, Token t) {
        byte[] shared = local.agree(remote).orElseThrow(() -> new NoiseException(NoiseReason.BAD_PUBLIC_KEY,
                "X25519 refused the peer's key in token " + t.text() + " (small order)"));
        symmetric.mixKey(shared);
        Arrays.fill(shared, (byte) 0);
    }

    private byte[] take(byte[] message, int at, int length, Token t) {
        if (message.length - at < length) {
            throw new NoiseException(NoiseReason.MESSAGE_TOO_SHORT, "handshake message " + next + " ends before token "
                    + t.text() + " (" + length + " bytes at offset " + at + ", message has " + message.length + ")");
        }
        return Arrays.copyOfRange(message, at, at + length);
    }
}
