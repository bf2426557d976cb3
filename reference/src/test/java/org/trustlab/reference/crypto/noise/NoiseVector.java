package org.trustlab.reference.crypto.noise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.reference.crypto.Bytes;

/** One published Noise vector (cacophony's fields) and the reader of the line format in src/test/resources/noise. */
record NoiseVector(String protocolName, Map<String, String> fields, List<Message> messages) {
    record Message(byte[] payload, byte[] ciphertext) {}

    static final String CACOPHONY = "noise/cacophony-25519-chachapoly-sha256.txt";

    byte[] bytes(String field) {
        String hex = fields.get(field);
        return hex == null ? null : Bytes.fromHex(hex);
    }

    List<byte[]> psks(String field) {
        String list = fields.get(field);
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(Bytes::fromHex).toList();
    }

    static List<NoiseVector> load(String resource) throws IOException {
        String text;
        try (InputStream in = NoiseVector.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<NoiseVector> out = new ArrayList<>();
        Map<String, String> fields = null;
        List<Message> messages = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            String where = resource + ":" + (i + 1);
            if (parts[0].equals("protocol_name")) {
                fields = new LinkedHashMap<>();
                messages = new ArrayList<>();
                out.add(new NoiseVector(parts[1], fields, messages));
            } else if (fields == null) {
                throw new IOException(where + ": a field before the first protocol_name");
            } else if (parts[0].equals("message") && parts.length == 3) {
                messages.add(new Message(Bytes.fromHex(parts[1]), Bytes.fromHex(parts[2])));
            } else if (parts.length == 2) {
                fields.put(parts[0], parts[1]);
            } else {
                throw new IOException(where + ": expected 'field value' or 'message payload ciphertext'");
            }
        }
        return out;
    }
}
