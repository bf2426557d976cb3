package org.trustlab.simulator.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Lines form of a trace event, byte for byte: {@code {"seq":..,"t":..,"node":..,"kind":..,"type":..,
 * "fields":{..sorted..}}} and a newline. The key order is fixed and the fields are sorted, so the same events
 * always give the same bytes and the SHA-256 of a trace file identifies the run.
 */
public final class TraceJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

    /** One line, newline included. Not thread-safe: one instance per recorder. */
    public byte[] line(TraceEvent e) {
        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeNumberField("t", e.timeNanos());
            g.writeStringField("node", e.node());
            g.writeStringField("kind", e.kind().name());
            g.writeStringField("type", e.type());
            g.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    /** Parses one line; throws {@link IllegalArgumentException} on a line that is not a trace event. */
    public static TraceEvent parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (IOException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage(), ex);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a trace line must be a JSON object");
        }
        TreeMap<String, String> fields = new TreeMap<>();
        JsonNode f = n.path("fields");
        if (!f.isObject()) {
            throw new IllegalArgumentException("'fields' must be an object");
        }
        for (Map.Entry<String, JsonNode> entry : f.properties()) {
            fields.put(entry.getKey(), entry.getValue().asText());
        }
        try {
            return new TraceEvent(required(n, "seq").asLong(), required(n, "t").asLong(),
                    required(n, "node").asText(), TraceEvent.Kind.valueOf(required(n, "kind").asText()),
                    required(n, "type").asText(), fields);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("bad trace event: " + ex.getMessage(), ex);
        }
    }

    private static JsonNode required(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }
}
