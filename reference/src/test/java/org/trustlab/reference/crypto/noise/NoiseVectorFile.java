package org.trustlab.reference.crypto.noise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.kat.NoiseVector;

/** The reader of the vector line format in src/test/resources/noise (see the header of that file). */
final class NoiseVectorFile {
    private NoiseVectorFile() {}

    static final String CACOPHONY = "noise/cacophony-25519-chachapoly-sha256.txt";
    static final String SNOW = "noise/snow-25519-chachapoly-sha256.txt";

    static List<NoiseVector> load(String resource) throws IOException {
        String text;
        try (InputStream in = NoiseVectorFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<NoiseVector> out = new ArrayList<>();
        Map<String, String> fields = null;
        List<NoiseVector.Message> messages = null;
        String name = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            String where = resource + ":" + (i + 1);
            if (parts[0].equals("protocol_name")) {
                if (name != null) {
                    out.add(new NoiseVector(name, fields, messages));
                }
                name = parts[1];
                fields = new LinkedHashMap<>();
                messages = new ArrayList<>();
            } else if (fields == null) {
                throw new IOException(where + ": a field before the first protocol_name");
            } else if (parts[0].equals("message") && parts.length == 3) {
                messages.add(new NoiseVector.Message(Bytes.fromHex(parts[1]), Bytes.fromHex(parts[2])));
            } else if (parts.length == 2) {
                fields.put(parts[0], parts[1]);
            } else {
                throw new IOException(where + ": expected 'field value' or 'message payload ciphertext'");
            }
        }
        if (name != null) {
            out.add(new NoiseVector(name, fields, messages));
        }
        return out;
    }
}
