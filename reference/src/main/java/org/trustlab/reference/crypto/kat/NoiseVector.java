package org.trustlab.reference.crypto.kat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trustlab.reference.crypto.Bytes;

/**
 * One Noise test vector in the fields of the community format (the cacophony and snow vector files): per side
 * ({@code init_}, {@code resp_}) prologue, static and ephemeral private keys, remote static public key and PSKs, as
 * hex; the handshake hash; and the messages in order, handshake first, then transport.
 */
public record NoiseVector(String protocolName, Map<String, String> fields, List<Message> messages) {
    public NoiseVector {
        fields = Map.copyOf(fields);
        messages = List.copyOf(messages);
    }

    public record Message(byte[] payload, byte[] ciphertext) {}

    /** A field as bytes, or null where the vector has none (e.g. no static key in NN). */
    public byte[] bytes(String field) {
        String hex = fields.get(field);
        return hex == null ? null : Bytes.fromHex(hex);
    }

    /** A comma-separated list of PSKs, in the order the pattern uses them. */
    public List<byte[]> psks(String field) {
        String list = fields.get(field);
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(Bytes::fromHex).toList();
    }
}
