package org.trustlab.linearizability;

import clojure.lang.IPersistentMap;
import clojure.lang.Keyword;
import clojure.lang.PersistentArrayMap;
import clojure.lang.PersistentHashMap;
import clojure.lang.PersistentHashSet;
import clojure.lang.PersistentVector;
import clojure.lang.RT;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Jepsen operation: an invocation or a completion by a process. Values are EDN data: numbers, strings,
 * keywords ({@link #keyword}), vectors, sets, maps; Java lists, sets and maps are taken as their EDN kin.
 *
 * @param key the object the operation is on, when a history holds independent objects (partitioned by it), or null
 * @param time Jepsen's relative time in nanoseconds, or null
 * @param index the operation's position as Jepsen numbered it, or null
 * @param line the source line it was read from, 0 when it was not read from a file
 * @param column the column it starts at on that line, 0 when it was not read from a file
 */
public record Op(Type type, Object process, String f, Object value, Object key, Long time, Long index,
                 Object error, int line, int column) {

    /** Jepsen's operation types. */
    public enum Type {
        INVOKE, OK, FAIL, INFO;

        Keyword keyword() {
            return Keyword.intern(name().toLowerCase(Locale.ROOT));
        }
    }

    private static final Keyword TYPE = Keyword.intern("type");
    private static final Keyword PROCESS = Keyword.intern("process");
    private static final Keyword F = Keyword.intern("f");
    private static final Keyword VALUE = Keyword.intern("value");
    private static final Keyword KEY = Keyword.intern("key");
    private static final Keyword TIME = Keyword.intern("time");
    private static final Keyword INDEX = Keyword.intern("index");
    private static final Keyword ERROR = Keyword.intern("error");
    private static final Keyword LINE = Keyword.intern("line");
    private static final Keyword COLUMN = Keyword.intern("column");

    public static Op invoke(Object process, String f, Object value) {
        return new Op(Type.INVOKE, process, f, value, null, null, null, null, 0, 0);
    }

    public static Op ok(Object process, String f, Object value) {
        return new Op(Type.OK, process, f, value, null, null, null, null, 0, 0);
    }

    public static Op fail(Object process, String f, Object value) {
        return new Op(Type.FAIL, process, f, value, null, null, null, null, 0, 0);
    }

    public static Op info(Object process, String f, Object value) {
        return new Op(Type.INFO, process, f, value, null, null, null, null, 0, 0);
    }

    public Op withKey(Object k) {
        return new Op(type, process, f, value, k, time, index, error, line, column);
    }

    /** An EDN keyword value, such as {@code :granted}. */
    public static Object keyword(String name) {
        return Keyword.intern(name);
    }

    /** The operation as Knossos reads it: a Clojure map, with its source line as metadata. */
    IPersistentMap toEdn() {
        List<Object> kvs = new ArrayList<>(16);
        kvs.add(PROCESS);
        kvs.add(edn(process));
        kvs.add(TYPE);
        kvs.add(type.keyword());
        kvs.add(F);
        kvs.add(Keyword.intern(f));
        kvs.add(VALUE);
        kvs.add(edn(value));
        optional(kvs, KEY, key);
        optional(kvs, TIME, time);
        optional(kvs, INDEX, index);
        optional(kvs, ERROR, error);
        IPersistentMap m = PersistentArrayMap.createAsIfByAssoc(kvs.toArray());
        return line == 0 ? m : (IPersistentMap) ((clojure.lang.IObj) m).withMeta(
                PersistentArrayMap.createAsIfByAssoc(new Object[] {LINE, (long) line, COLUMN, (long) column}));
    }

    private static void optional(List<Object> kvs, Keyword k, Object v) {
        if (v != null) {
            kvs.add(k);
            kvs.add(edn(v));
        }
    }

    /** Reads back an operation map (one that passed the history reader's checks). */
    static Op fromEdn(Map<?, ?> m) {
        IPersistentMap meta = m instanceof clojure.lang.IMeta im ? im.meta() : null;
        Object f = m.get(F);
        return new Op(Type.valueOf(((Keyword) m.get(TYPE)).getName().toUpperCase(Locale.ROOT)), m.get(PROCESS),
                f instanceof Keyword k ? k.getName() : String.valueOf(f), m.get(VALUE), m.get(KEY),
                number(m.get(TIME)), number(m.get(INDEX)), m.get(ERROR),
                meta == null ? 0 : intOf(meta.valAt(LINE)), meta == null ? 0 : intOf(meta.valAt(COLUMN)));
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    /** Java data as the EDN data a history reader would have produced (ints become longs, lists vectors). */
    static Object edn(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof List<?> l && !(v instanceof clojure.lang.IPersistentCollection)) {
            return PersistentVector.create(l.stream().map(Op::edn).toList());
        }
        if (v instanceof Set<?> s && !(v instanceof clojure.lang.IPersistentCollection)) {
            return PersistentHashSet.create(s.stream().map(Op::edn).toList());
        }
        if (v instanceof Map<?, ?> m && !(v instanceof clojure.lang.IPersistentCollection)) {
            List<Object> kvs = new ArrayList<>();
            m.forEach((k, x) -> {
                kvs.add(edn(k));
                kvs.add(edn(x));
            });
            return PersistentHashMap.create(kvs.toArray());
        }
        return v;
    }

    /** The operation as one EDN map, as it would be written to a history file. */
    @Override
    public String toString() {
        return RT.printString(toEdn());
    }
}
