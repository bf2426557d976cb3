package org.trustlab.simulator.trace;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * The fields of a {@link TraceEvent}: an immutable map sorted by key in natural (String) order, held as two
 * parallel arrays. A TreeMap wrapped unmodifiable cost one copy when the simulator built an event's fields and
 * another in the event's constructor, and every lookup by the invariant checkers went through two indirections and
 * a tree walk; events hold a handful of fields, so a binary search over an array is cheaper on every count.
 *
 * <p>It behaves as an unmodifiable {@code TreeMap} with natural ordering: iteration in key order, null keys
 * rejected, null values allowed, {@code equals}/{@code hashCode}/{@code toString} as any {@link Map}.
 */
public final class TraceFields extends AbstractMap<String, String> implements SortedMap<String, String> {
    private static final String[] NONE = new String[0];
    private static final TraceFields EMPTY = new TraceFields(NONE, NONE);

    private final String[] keys;
    private final String[] values;
    private Set<Map.Entry<String, String>> entries;

    /** Takes ownership of the arrays: keys strictly ascending, both of one length. */
    private TraceFields(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Alternating keys and values; a repeated key keeps its last value (as successive {@code put}s would). */
    public static TraceFields of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        int n = keyValues.length / 2;
        if (n == 0) {
            return EMPTY;
        }
        // Straight into arrays of the final size, sorted by insertion: events have a handful of fields.
        String[] keys = new String[n];
        String[] values = new String[n];
        int size = 0;
        for (int i = 0; i < keyValues.length; i += 2) {
            size = insert(keys, values, size, keyValues[i], keyValues[i + 1]);
        }
        return size == n ? new TraceFields(keys, values)
                : new TraceFields(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
    }

    /**
     * Puts (key, value) into the sorted {@code keys[0, size)} (and its values), which has room for one more;
     * returns the new size. A key already there gets the new value.
     */
    private static int insert(String[] keys, String[] values, int size, String key, String value) {
        Objects.requireNonNull(key, "key");
        int j = size;
        int c = 1;
        while (j > 0 && (c = keys[j - 1].compareTo(key)) > 0) {
            j--;
        }
        if (c == 0) {
            values[j - 1] = value;
            return size;
        }
        // A plain loop: System.arraycopy's call overhead dominates at these lengths.
        for (int i = size; i > j; i--) {
            keys[i] = keys[i - 1];
            values[i] = values[i - 1];
        }
        keys[j] = key;
        values[j] = value;
        return size + 1;
    }

    /** The same map when it already is one (it is immutable), else a sorted copy. */
    public static TraceFields copyOf(Map<String, String> fields) {
        if (fields instanceof TraceFields t) {
            return t;
        }
        return builder(fields).build();
    }

    /** A builder starting from {@code base}'s entries, for callers that add a few keys to a role's fields. */
    public static Builder builder(Map<String, String> base) {
        Builder b = new Builder(base.size() + 4);
        if (base instanceof TraceFields t) {
            b.append(t.keys, t.values);
        } else {
            // put appends without searching while keys come in order, as a sorted map's do.
            for (Map.Entry<String, String> e : base.entrySet()) {
                b.put(e.getKey(), e.getValue());
            }
        }
        return b;
    }

    /** Collects entries in sorted arrays; {@link #put} replaces the value of a key already there. */
    public static final class Builder {
        private String[] keys;
        private String[] values;
        private int size;

        private Builder(int capacity) {
            keys = new String[Math.max(capacity, 4)];
            values = new String[keys.length];
        }

        public Builder put(String key, String value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            size = insert(keys, values, size, key, value);
            return this;
        }

        private void append(String[] k, String[] v) {
            System.arraycopy(k, 0, keys, 0, k.length);
            System.arraycopy(v, 0, values, 0, v.length);
            size = k.length;
        }

        public TraceFields build() {
            if (size == 0) {
                return EMPTY;
            }
            return new TraceFields(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }
    }

    // ----- fast access for the encoder ----------------------------------------------------------------------

    String keyAt(int i) {
        return keys[i];
    }

    String valueAt(int i) {
        return values[i];
    }

    // ----- Map ----------------------------------------------------------------------------------------------

    private int indexOf(Object key) {
        // As TreeMap with natural ordering: NullPointerException for null, ClassCastException for a non-String.
        String k = (String) Objects.requireNonNull(key);
        if (keys.length > LINEAR) {
            return Arrays.binarySearch(keys, k);
        }
        // Few keys, usually the same literals the checkers ask with: equals (identity or length first) beats
        // the character-by-character compareTo of a binary search.
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(k)) {
                return i;
            }
        }
        return -1;
    }

    /** Up to this many keys, lookups scan. */
    private static final int LINEAR = 8;

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
        return entries;
    }

    // ----- SortedMap ----------------------------------------------------------------------------------------

    /** Null: natural ordering. */
    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public String firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public String lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }

    /** Keys in {@code [fromKey, toKey)}; a copy, which is a view as good as any of an immutable map. */
    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
        return range(0, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
        return range(lowerBound(fromKey), keys.length);
    }

    /** The index of the first key not less than {@code key}. */
    private int lowerBound(String key) {
        int i = Arrays.binarySearch(keys, Objects.requireNonNull(key));
        return i >= 0 ? i : -i - 1;
    }

    private TraceFields range(int from, int to) {
        if (from == 0 && to == keys.length) {
            return this;
        }
        if (from >= to) {
            return EMPTY;
        }
        return new TraceFields(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
    }
}
