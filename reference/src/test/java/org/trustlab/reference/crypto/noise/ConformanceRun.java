package org.trustlab.reference.crypto.noise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * One handshake between the reference (one role) and the Node peer (the other), then transport messages both
 * ways and a rekey. Beside the real Java side runs a shadow: the reference playing the Node peer's role with the
 * same keys and ephemerals, so every message the Node peer writes is compared byte for byte with what the
 * reference would have written, and the first difference is reported with the handshake message it is in.
 */
final class ConformanceRun {
    /** The inputs of both roles; the Node peer gets its role's, the shadow the same. */
    record Keys(byte[] prologue, byte[] initiatorStatic, byte[] responderStatic, byte[] psk,
                List<byte[]> initiatorEphemerals, List<byte[]> responderEphemerals) {
        static Keys draw(long seed) {
            DeterministicRandom r = new DeterministicRandom(seed, "noise-conformance");
            return new Keys("trustlab conformance".getBytes(StandardCharsets.US_ASCII), r.bytes(32), r.bytes(32),
                    r.bytes(32), List.of(r.bytes(32), r.bytes(32)), List.of(r.bytes(32), r.bytes(32)));
        }

        Keys withPrologue(byte[] other) {
            return new Keys(other, initiatorStatic, responderStatic, psk, initiatorEphemerals, responderEphemerals);
        }

        Keys withPsk(byte[] other) {
            return new Keys(prologue, initiatorStatic, responderStatic, other, initiatorEphemerals,
                    responderEphemerals);
        }

        Keys withResponderEphemerals(List<byte[]> other) {
            return new Keys(prologue, initiatorStatic, responderStatic, psk, initiatorEphemerals, other);
        }

        Keys withInitiatorStatic(byte[] other) {
            return new Keys(prologue, other, responderStatic, psk, initiatorEphemerals, responderEphemerals);
        }

        byte[] staticOf(NoiseRole role) {
            return role == NoiseRole.INITIATOR ? initiatorStatic : responderStatic;
        }

        List<byte[]> ephemeralsOf(NoiseRole role) {
            return role == NoiseRole.INITIATOR ? initiatorEphemerals : responderEphemerals;
        }
    }

    private final NodePeer node;
    private final NoiseProtocol protocol;
    private final NoiseRole javaRole;
    /** The last message the Node peer wrote, hex, once it matched the shadow's. */
    private String lastNodeMessage = "";

    /** "split" (the specification's directions) or "split-as-library" (noise-protocol's own tx / rx). */
    private final String splitCommand;

    ConformanceRun(NodePeer node, NoiseProtocol protocol, NoiseRole javaRole, String splitCommand) {
        this.node = node;
        this.protocol = protocol;
        this.javaRole = javaRole;
        this.splitCommand = splitCommand;
    }

    /**
     * Runs with {@code javaKeys} on the Java side, {@code nodeKeys} for the Node peer and {@code shadowKeys} for
     * the reference's shadow of it (the same as nodeKeys except where a test makes the two sides part on purpose).
     */
    Optional<String> run(Keys javaKeys, Keys nodeKeys, Keys shadowKeys) throws IOException {
        NoiseRole nodeRole = javaRole.peer();
        HandshakeState java = HandshakeState.initialize(protocol, javaRole, settings(javaKeys, javaRole));
        HandshakeState shadow = HandshakeState.initialize(protocol, nodeRole, settings(shadowKeys, nodeRole));
        expect(node.call(startLine(nodeKeys, nodeRole)), "ok");
        List<MessagePattern> messages = protocol.pattern().messages();
        for (int i = 0; i < messages.size(); i++) {
            String where = "handshake message " + i + " (" + messages.get(i) + ")";
            byte[] payload = ("handshake payload " + i).getBytes(StandardCharsets.US_ASCII);
            if (messages.get(i).sender() == javaRole) {
                byte[] m = java.writeMessage(payload);
                String reply = node.call("read " + hex(m));
                if (!reply.equals("payload " + hex(payload))) {
                    return Optional.of(where + ", written by the reference: the Node peer answered '" + reply + "'");
                }
                try {
                    shadow.readMessage(m);
                } catch (NoiseException e) {
                    return Optional.of(where + ", written by the reference: the Node peer read it, the reference's"
                            + " shadow of the Node peer refused it: " + e.getMessage());
                }
            } else {
                Optional<String> diff = compareNodeMessage(where, shadow.writeMessage(payload),
                        node.call("write " + hex(payload)));
                if (diff.isPresent()) {
                    return diff;
                }
                try {
                    java.readMessage(unhex(lastNodeMessage));
                } catch (NoiseException e) {
                    return Optional.of(where + ", written by the Node peer: the reference refused it: "
                            + e.getMessage());
                }
            }
        }
        String hash = node.call("hash");
        if (!hash.equals("hash " + hex(java.handshakeHash()))) {
            return Optional.of("handshake hash: Node '" + hash + "', reference " + hex(java.handshakeHash()));
        }
        expect(node.call(splitCommand), "ok");
        return transport(java.split(), shadow.split());
    }

    private Optional<String> compareNodeMessage(String where, byte[] expected, String reply) {
        if (!reply.startsWith("message ")) {
            return Optional.of(where + ": the Node peer could not write it: '" + reply + "'");
        }
        lastNodeMessage = reply.substring("message ".length());
        if (!lastNodeMessage.equals(hex(expected))) {
            return Optional.of(where + " first differs: the Node peer wrote " + lastNodeMessage
                    + ", the reference writes " + hex(expected));
        }
        return Optional.empty();
    }

    private Optional<String> transport(TransportSession java, TransportSession shadow) throws IOException {
        byte[] kib = new byte[1024];
        Arrays.fill(kib, (byte) 0xa5);
        List<byte[]> payloads = new ArrayList<>(List.of(new byte[0], "ping".getBytes(StandardCharsets.US_ASCII), kib));
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < payloads.size(); k++) {
                String where = "transport message " + k + " of round " + round;
                byte[] p = payloads.get(k);
                byte[] c = java.encrypt(p);
                shadow.decrypt(c);
                String reply = node.call("decrypt " + hex(c));
                if (!reply.equals("payload " + hex(p))) {
                    return Optional.of(where + " (reference to Node): the Node peer answered '" + reply + "'");
                }
                Optional<String> diff = compareNodeMessage(where + " (Node to reference)", shadow.encrypt(p),
                        node.call("encrypt " + hex(p)));
                if (diff.isPresent()) {
                    return diff;
                }
                try {
                    if (!Arrays.equals(java.decrypt(unhex(lastNodeMessage)), p)) {
                        return Optional.of(where + " (Node to reference) decrypted to other bytes");
                    }
                } catch (NoiseException e) {
                    return Optional.of(where + " (Node to reference): the reference refused it: " + e.getMessage());
                }
            }
            // Rekey both directions between the rounds (section 11.3), each side at the same point of its stream.
            java.rekeySend();
            shadow.rekeyReceive();
            expect(node.call("rekey-receive"), "ok");
            java.rekeyReceive();
            shadow.rekeySend();
            expect(node.call("rekey-send"), "ok");
        }
        return Optional.empty();
    }

    private HandshakeSettings settings(Keys keys, NoiseRole role) {
        HandshakePattern pattern = protocol.pattern();
        HandshakeSettings s = HandshakeSettings.of(EphemeralKeys.fixed(keys.ephemeralsOf(role).stream()
                .map(X25519KeyPair::fromPrivate).toArray(X25519KeyPair[]::new))).prologue(keys.prologue());
        if (pattern.usesLocalStatic(role)) {
            s = s.localStatic(X25519KeyPair.fromPrivate(keys.staticOf(role)));
        }
        if (pattern.preMessage(role.peer()).contains(Token.S)) {
            s = s.remoteStatic(X25519KeyPair.fromPrivate(keys.staticOf(role.peer())).publicKey());
        }
        for (int i = 0; i < pattern.pskCount(); i++) {
            s = s.psk(keys.psk());
        }
        return s;
    }

    private String startLine(Keys keys, NoiseRole role) {
        HandshakePattern pattern = protocol.pattern();
        String s = pattern.usesLocalStatic(role) ? hex(keys.staticOf(role)) : "-";
        String rs = pattern.preMessage(role.peer()).contains(Token.S)
                ? hex(X25519KeyPair.fromPrivate(keys.staticOf(role.peer())).publicKey()) : "-";
        String psk = pattern.hasPsk() ? hex(keys.psk()) : "-";
        List<String> ephemerals = keys.ephemeralsOf(role).stream().map(ConformanceRun::hex).toList();
        return String.join(" ", "start", protocol.name(), role == NoiseRole.INITIATOR ? "initiator" : "responder",
                hex(keys.prologue()), s, rs, psk, String.join(",", ephemerals));
    }

    private static void expect(String reply, String wanted) throws IOException {
        if (!reply.equals(wanted)) {
            throw new IOException("the Node peer answered '" + reply + "' where '" + wanted + "' was due");
        }
    }

    static String hex(byte[] bytes) {
        return bytes.length == 0 ? "-" : Bytes.hex(bytes);
    }

    static byte[] unhex(String hex) {
        return hex.equals("-") ? new byte[0] : Bytes.fromHex(hex);
    }
}
