package org.trustlab.simulator.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    /** The line {@link #encode} built, in {@code out[0, length)}. */
    private byte[] out = new byte[256];
    private int length;

    /** One line, newline included. Not thread-safe: one instance per recorder. */
    public byte[] line(TraceEvent e) {
        int n = encode(e);
        return Arrays.copyOf(out, n);
    }

    /**
     * Encodes one line (newline included) into this instance's buffer, {@link #bytes()}{@code [0, n)}, and returns
     * n; the buffer is overwritten by the next call. The recorder hashes it from there without a copy.
     */
    int encode(TraceEvent e) {
        if (!fast(e)) {
            byte[] b = jacksonLine(e);
            ensure(b.length);
            System.arraycopy(b, 0, out, 0, b.length);
            return b.length;
        }
        return length;
    }

    /** The fast path; false (leaving the buffer to be overwritten) at the first non-ASCII character. */
    private boolean fast(TraceEvent e) {
        length = 0;
        raw("{\"seq\":");
        number(e.seq());
        raw(",\"t\":");
        number(e.timeNanos());
        raw(",\"node\":");
        if (!string(e.node())) {
            return false;
        }
        raw(",\"kind\":\"");
        raw(e.kind().name());
        raw("\",\"type\":");
        if (!string(e.type())) {
            return false;
        }
        raw(",\"fields\":{");
        // Events always hold TraceFields (the constructor sees to it): index its arrays, no iterator or entries.
        TraceFields f = (TraceFields) e.fields();
        for (int i = 0, n = f.size(); i < n; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            if (!string(f.keyAt(i))) {
                return false;
            }
            put((byte) ':');
            if (!string(f.valueAt(i))) {
                return false;
            }
        }
        raw("}}\n");
        return true;
    }

    /**
     * A long in decimal, as Long.toString writes it, without making the string: digits are counted by comparison
     * and written two at a time from a table (a division by 10 per digit cost more than the string did).
     */
    private void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(Long.toString(v));
                return;
            }
            put((byte) '-');
            v = -v;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && v >= bound; bound *= 10) {
            digits++;
        }
        ensure(length + digits);
        byte[] b = out;
        int p = length + digits;
        length = p;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
            v = q;
        }
        int r = (int) v;
        if (r >= 10) {
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
        } else {
            b[--p] = (byte) ('0' + r);
        }
    }

    /** "00", "01" .. "99": the two digits of n at [2n, 2n + 1]. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    byte[] bytes() {
        return out;
    }

    /*
     * The fast path writes pure-ASCII events itself, exactly as Jackson's UTF8JsonGenerator does with its default
     * settings (escapes for '"', '\\' and control characters only: \b \t \n \f \r, else \\u00XX in upper-case hex;
     * '/' and DEL as they are). Jackson per line was the largest single cost of recording a trace. Anything
     * non-ASCII (multi-byte UTF-8, surrogates and Jackson's handling of broken ones) still goes through Jackson, so
     * the bytes cannot differ; TraceJsonTest checks the fast path against Jackson.
     */
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Writes s as a JSON string; false, having written part of it, when s is not pure ASCII. */
    private boolean string(String s) {
        int n = s.length();
        ensure(length + 6 * n + 2);
        byte[] b = out;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                if (c >= 0x80) {
                    return false;
                }
                b[p++] = (byte) c;
                continue;
            }
            b[p++] = '\\';
            switch (c) {
                case '"':
                    b[p++] = '"';
                    break;
                case '\\':
                    b[p++] = '\\';
                    break;
                case '\b':
                    b[p++] = 'b';
                    break;
                case '\t':
                    b[p++] = 't';
                    break;
                case '\n':
                    b[p++] = 'n';
                    break;
                case '\f':
                    b[p++] = 'f';
                    break;
                case '\r':
                    b[p++] = 'r';
                    break;
                default:
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
            }
        }
        b[p++] = '"';
        length = p;
        return true;
    }

    /** ASCII text that needs no escaping. */
    private void raw(String s) {
        int n = s.length();
        ensure(length + n);
        for (int i = 0; i < n; i++) {
            out[length + i] = (byte) s.charAt(i);
        }
        length += n;
    }

    private void put(byte b) {
        ensure(length + 1);
        out[length++] = b;
    }

    private void ensure(int capacity) {
        if (capacity > out.length) {
            out = Arrays.copyOf(out, Math.max(capacity, 2 * out.length));
        }
    }

    /** The reference encoding, through Jackson (package-private for the test that holds the fast path to it). */
    byte[] jacksonLine(TraceEvent e) {
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
