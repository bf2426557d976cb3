package org.trustlab.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.DeterministicRandom;

/** TraceFields stands in for an unmodifiable natural-order TreeMap; it must behave as one wherever it is read. */
class TraceFieldsTest {

    @Test
    void behavesAsASortedTreeMap() {
        DeterministicRandom rng = new DeterministicRandom(7, "trace-fields-test");
        for (int i = 0; i < 2_000; i++) {
            TreeMap<String, String> expected = new TreeMap<>();
            LinkedHashMap<String, String> insertion = new LinkedHashMap<>();
            TraceFields.Builder b = TraceFields.builder(Map.of());
            int n = rng.nextInt(10);
            for (int j = 0; j < n; j++) {
                String k = key(rng);
                String v = rng.nextInt(10) == 0 ? null : "v" + rng.nextInt(100);
                expected.put(k, v);
                insertion.put(k, v);
                b.put(k, v);
            }
            for (TraceFields f : List.of(b.build(), TraceFields.copyOf(insertion), TraceFields.copyOf(expected),
                    TraceFields.copyOf(new HashMap<>(insertion)))) {
                assertThat(f).isEqualTo(expected);
                assertThat(expected).isEqualTo(f);
                assertThat(f.hashCode()).isEqualTo(expected.hashCode());
                assertThat(f.toString()).isEqualTo(expected.toString());
                assertThat(List.copyOf(f.entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
                assertThat(List.copyOf(f.keySet())).isEqualTo(List.copyOf(expected.keySet()));
                for (int j = 0; j < 10; j++) {
                    String k = key(rng);
                    assertThat(f.get(k)).isEqualTo(expected.get(k));
                    assertThat(f.containsKey(k)).isEqualTo(expected.containsKey(k));
                    String k2 = key(rng);
                    String lo = k.compareTo(k2) <= 0 ? k : k2;
                    String hi = k.compareTo(k2) <= 0 ? k2 : k;
                    assertThat(f.headMap(k)).isEqualTo(expected.headMap(k));
                    assertThat(f.tailMap(k)).isEqualTo(expected.tailMap(k));
                    assertThat(f.subMap(lo, hi)).isEqualTo(expected.subMap(lo, hi));
                }
                if (!expected.isEmpty()) {
                    assertThat(f.firstKey()).isEqualTo(expected.firstKey());
                    assertThat(f.lastKey()).isEqualTo(expected.lastKey());
                }
            }
        }
    }

    @Test
    void isImmutableAndRejectsNullKeys() {
        TraceFields f = TraceFields.of("b", "2", "a", "1", "b", "3");
        assertThat(f).containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
        assertThat(f.comparator()).isNull();
        assertThat(TraceFields.copyOf(f)).isSameAs(f);
        assertThatThrownBy(() -> f.put("c", "4")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(f::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TraceFields.of(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TraceFields.of().firstKey()).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void eventsKeepTheMapTheyAreGivenAndCopyOthers() {
        TraceFields f = TraceFields.of("local-time", "t");
        assertThat(new TraceEvent(0, 0, "n", TraceEvent.Kind.NOTE, "x", f).fields()).isSameAs(f);
        TreeMap<String, String> tree = new TreeMap<>(Map.of("z", "1", "a", "2"));
        TraceEvent e = new TraceEvent(0, 0, "n", TraceEvent.Kind.NOTE, "x", tree);
        tree.put("m", "3");
        assertThat(e.fields()).isInstanceOf(TraceFields.class).containsOnlyKeys("a", "z");
        assertThat(new TraceEvent(0, 0, "n", TraceEvent.Kind.NOTE, "x", (Map<String, String>) Map.of("k", "v"))
                .field("k")).isEqualTo("v");
    }

    private static String key(DeterministicRandom rng) {
        return Character.toString('a' + rng.nextInt(6)) + (rng.nextInt(2) == 0 ? "" : "-" + rng.nextInt(3));
    }
}
