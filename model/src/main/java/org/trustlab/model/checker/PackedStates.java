package org.trustlab.model.checker;

import java.util.Arrays;

/**
 * States of a BFS level as numbers: per state its clock, the interned numbers of its knowledge, claim history
 * and run states, and its fingerprint, in flat arrays (about 40 bytes a state for five runs, and no objects).
 * A level waiting to be expanded then costs the garbage collector nothing to keep; its states are rebuilt from
 * the interner one at a time as they are expanded.
 */
final class PackedStates {
    private final int stride;
    private int[] data;
    private long[] fingerprints;
    private int size;

    PackedStates(int runs, int capacity) {
        this.stride = 3 + runs;
        this.data = new int[Math.max(1, capacity) * stride];
        this.fingerprints = new long[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    long fingerprint(int i) {
        return fingerprints[i];
    }

    /** Appends {@code s}, whose parts must be interned (a state from {@link Successor#state()}). */
    void add(State s) {
        if (s.knowledgeId() < 0 || s.eventsId() < 0) {
            throw new IllegalStateException("a state with parts the interner has not numbered");
        }
        int at = reserve();
        data[at] = s.time();
        data[at + 1] = s.knowledgeId();
        data[at + 2] = s.eventsId();
        for (int r = 0; r < s.runCount(); r++) {
            int id = s.run(r).id();
            if (id < 0) {
                throw new IllegalStateException("a run state the interner has not numbered");
            }
            data[at + 3 + r] = id;
        }
        fingerprints[size++] = s.fingerprint();
    }

    /** Appends the {@code i}th state of {@code from}. */
    void add(PackedStates from, int i) {
        int at = reserve();
        System.arraycopy(from.data, i * stride, data, at, stride);
        fingerprints[size++] = from.fingerprints[i];
    }

    /** The {@code i}th state, rebuilt from the interner's canonical parts. */
    State get(int i, Interner interner) {
        int at = i * stride;
        RunState[] runs = new RunState[stride - 3];
        for (int r = 0; r < runs.length; r++) {
            runs[r] = interner.runState(data[at + 3 + r]);
        }
        int k = data[at + 1];
        int e = data[at + 2];
        return new State(data[at], runs, interner.knowledge(k), interner.events(e), fingerprints[i], k, e);
    }

    /** Bytes held by the arrays. */
    long bytes() {
        return (long) data.length * Integer.BYTES + (long) fingerprints.length * Long.BYTES;
    }

    private int reserve() {
        if (size == fingerprints.length) {
            int n = size + (size >> 1) + 16;
            data = Arrays.copyOf(data, n * stride);
            fingerprints = Arrays.copyOf(fingerprints, n);
        }
        return size * stride;
    }
}
