package org.trustlab.model.checker;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.dsl.Event;

/**
 * One canonical instance per distinct run state, attacker knowledge and claim history, so that the states of a
 * BFS level share their parts instead of each holding copies. The level being built is what survives young
 * collections; without sharing, the garbage collector's copying of those copies cost more CPU than the search
 * itself. Equality is by content, so which thread interns a value first changes object identity only, never a
 * value the checker reads.
 */
final class Interner {
    private final ConcurrentHashMap<RunState, RunState> runStates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Knowledge, Knowledge> knowledge = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Events, Event[]> events = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Semantics.Facts, Semantics.Facts> facts = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger runStateIds = new java.util.concurrent.atomic.AtomicInteger();

    RunState runState(RunState r) {
        RunState known = runStates.get(r);
        if (known != null) {
            return known;
        }
        // Numbered before it is published: whoever finds it in the table sees its id.
        r.id(runStateIds.getAndIncrement());
        known = runStates.putIfAbsent(r, r);
        return known == null ? r : known;
    }

    Knowledge knowledge(Knowledge k) {
        return intern(knowledge, k);
    }

    private static <T> T intern(ConcurrentHashMap<T, T> table, T value) {
        // get first: it takes no lock, and most values are already there.
        T known = table.get(value);
        if (known == null) {
            known = table.putIfAbsent(value, value);
        }
        return known == null ? value : known;
    }

    Semantics.Facts facts(Semantics.Facts f) {
        return intern(facts, f);
    }

    Event[] events(Event[] e) {
        if (e.length == 0) {
            return e;
        }
        Events key = new Events(e);
        Event[] known = events.get(key);
        if (known == null) {
            known = events.putIfAbsent(key, e);
        }
        return known == null ? e : known;
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
