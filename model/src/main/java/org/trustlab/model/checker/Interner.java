package org.trustlab.model.checker;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.dsl.Event;

/**
 * One canonical instance per distinct run state, attacker knowledge and claim history, each numbered densely,
 * so that a state is a handful of numbers (see {@link PackedStates}) and the states of a BFS level share their
 * parts instead of each holding copies. The level being built is what survives young collections; without
 * sharing, the garbage collector's copying of those copies cost more CPU than the search itself. Equality is by
 * content, so which thread interns a value first changes object identity and numbering only, never a value the
 * checker reads or an order it follows.
 */
final class Interner {
    private final Numbered<RunState, RunState> runStates = new Numbered<>((r, id) -> r.id(id));
    private final Numbered<Knowledge, Knowledge> knowledge = new Numbered<>(null);
    private final Numbered<Events, Event[]> events = new Numbered<>(null);
    private final ConcurrentHashMap<Semantics.Facts, Semantics.Facts> facts = new ConcurrentHashMap<>();

    /** The canonical instance equal to {@code r}, which carries its number ({@link RunState#id()}). */
    RunState runState(RunState r) {
        return r.id() >= 0 ? r : runStates.get(runStates.id(r, r));
    }

    RunState runState(int id) {
        return runStates.get(id);
    }

    int knowledgeId(Knowledge k) {
        return knowledge.id(k, k);
    }

    Knowledge knowledge(int id) {
        return knowledge.get(id);
    }

    int eventsId(Event[] e) {
        return events.id(new Events(e), e);
    }

    Event[] events(int id) {
        return events.get(id);
    }

    Semantics.Facts facts(Semantics.Facts f) {
        // get first: it takes no lock, and most values are already there.
        Semantics.Facts known = facts.get(f);
        if (known == null) {
            known = facts.putIfAbsent(f, f);
        }
        return known == null ? f : known;
    }

    /**
     * Canonical instances numbered 0, 1, 2, ... in the order they were first interned. The numbers index arrays
     * (the step memo, packed states); no verdict, count or order depends on them.
     */
    private static final class Numbered<K, T> {
        private final ConcurrentHashMap<K, Integer> ids = new ConcurrentHashMap<>();
        private final ObjIntConsumer<T> onNumbered;
        private volatile Object[] byId = new Object[64];
        private int size;

        Numbered(ObjIntConsumer<T> onNumbered) {
            this.onNumbered = onNumbered;
        }

        int id(K key, T value) {
            Integer id = ids.get(key);
            if (id != null) {
                return id;
            }
            synchronized (this) {
                id = ids.get(key);
                if (id != null) {
                    return id;
                }
                int n = size++;
                if (onNumbered != null) {
                    onNumbered.accept(value, n);
                }
                Object[] t = byId;
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                }
                t[n] = value;
                // Published (volatile write) before the number can be found in the map.
                byId = t;
                ids.put(key, n);
                return n;
            }
        }

        @SuppressWarnings("unchecked")
        T get(int id) {
            return (T) byId[id];
        }
    }

    /** A claim history as a map key: by content. */
    private record Events(Event[] events) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Events other && Arrays.equals(events, other.events);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(events);
        }
    }
}
