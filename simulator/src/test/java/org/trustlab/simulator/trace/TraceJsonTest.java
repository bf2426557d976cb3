package org.trustlab.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The hand-written encoder must give Jackson's bytes exactly: trace hashes depend on every one of them. */
class TraceJsonTest {

    @Test
    void everyAsciiCharacterIsEncodedAsJacksonDoes() {
        TraceJson json = new TraceJson();
        for (char c = 0; c < 0x80; c++) {
            String s = "a" + c + "b" + c;
            assertSame(json, event(s, "type" + c, s, "v" + c));
        }
    }

    @Test
    void randomEventsMatchJackson() {
        TraceJson json = new TraceJson();
        DeterministicRandom rng = new DeterministicRandom(7, "trace-json-test");
        for (int i = 0; i < 5_000; i++) {
            TreeMap<String, String> f = new TreeMap<>();
            int fields = rng.nextInt(6);
            for (int j = 0; j < fields; j++) {
                f.put(randomString(rng), randomString(rng));
            }
            TraceEvent e = new TraceEvent(rng.nextLong(), rng.nextLong(), randomString(rng),
                    TraceEvent.Kind.values()[rng.nextInt(TraceEvent.Kind.values().length)], randomString(rng), f);
            assertThat(json.line(e)).isEqualTo(json.jacksonLine(e));
        }
    }

    @Test
    void numbersAtTheirEdgesAreWrittenAsJacksonDoes() {
        TraceJson json = new TraceJson();
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, 999_999_999, 1_000_000_000, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_000_000_000_000L};
        for (long seq : edges) {
            for (long t : edges) {
                assertSame(json, new TraceEvent(seq, t, "n", TraceEvent.Kind.TIMER, "poll",
                        TraceFields.of("local-time", "2025-01-01T00:00:00Z")));
            }
        }
    }

    @Test
    void fieldsGivenAsAnyMapAreSortedAsATreeMapWouldBe() {
        TraceJson json = new TraceJson();
        java.util.LinkedHashMap<String, String> f = new java.util.LinkedHashMap<>();
        f.put("to", "b");
        f.put("from", "a");
        f.put("Zulu", "upper case sorts first");
        f.put("msg-id", "m1");
        TraceEvent e = new TraceEvent(3, 4, "n", TraceEvent.Kind.SEND, "t", f);
        assertThat(new String(json.line(e), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"seq\":3,\"t\":4,\"node\":\"n\",\"kind\":\"SEND\",\"type\":\"t\",\"fields\":{\"Zulu\":"
                + "\"upper case sorts first\",\"from\":\"a\",\"msg-id\":\"m1\",\"to\":\"b\"}}\n");
        assertSame(json, e);
    }

    /** Mostly ASCII (the fast path), sometimes Latin-1, other planes and surrogate pairs (the Jackson path). */
    private static String randomString(DeterministicRandom rng) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(40);
        for (int i = 0; i < n; i++) {
            int kind = rng.nextInt(20);
            if (kind == 0) {
                b.append((char) (0x80 + rng.nextInt(0x780)));
            } else if (kind == 1) {
                b.appendCodePoint(0x10000 + rng.nextInt(0x1000));
            } else if (kind < 4) {
                b.append((char) rng.nextInt(0x20));
            } else {
                b.append((char) (0x20 + rng.nextInt(0x60)));
            }
        }
        return b.toString();
    }

    private static TraceEvent event(String node, String type, String key, String value) {
        TreeMap<String, String> f = new TreeMap<>();
        f.put(key, value);
        f.put("local-time", "2024-01-01T00:00:00Z");
        return new TraceEvent(42, 1_000_000_007L, node, TraceEvent.Kind.NOTE, type, f);
    }

    private static void assertSame(TraceJson json, TraceEvent e) {
        assertThat(new String(json.line(e), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(json.jacksonLine(e), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
