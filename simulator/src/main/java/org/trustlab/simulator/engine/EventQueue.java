package org.trustlab.simulator.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A min-heap of events ordered by (time, insertion sequence): events at the same virtual time fire in the order
 * they were scheduled, which is what makes a run a function of its inputs.
 *
 * <p>Layout, for the engine's throughput and 1M-pending memory targets: a 4-ary heap whose keys live interleaved in
 * one {@code long[]} ({@code time, seq, time, seq, ...}) beside an {@code Object[]} of payloads. No wrapper object
 * per event, no comparator calls, and the four children of a node have their keys in one 64-byte stretch, so a
 * sift-down step costs about one cache miss instead of several.
 *
 * @param <E> the event payload
 */
public final class EventQueue<E> {
    private static final int INITIAL_CAPACITY = 64;

    /** {@code keys[2i]} is the time and {@code keys[2i+1]} the sequence number of heap slot {@code i}. */
    private long[] keys;
    private Object[] payloads;
    private int size;
    private long nextSeq;

    public EventQueue() {
        this(INITIAL_CAPACITY);
    }

    public EventQueue(int capacity) {
        int c = Math.max(4, capacity);
        keys = new long[2 * c];
        payloads = new Object[c];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds an event; returns its sequence number (the tie-breaker). */
    public long add(long time, E payload) {
        if (size == payloads.length) {
            grow();
        }
        long seq = nextSeq++;
        int i = size++;
        long[] k = keys;
        Object[] p = payloads;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = k[2 * parent];
            if (pt < time || (pt == time && k[2 * parent + 1] < seq)) {
                break;
            }
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * parent + 1];
            p[i] = p[parent];
            i = parent;
        }
        k[2 * i] = time;
        k[2 * i + 1] = seq;
        p[i] = payload;
        return seq;
    }

    /** The time of the earliest event; the queue must not be empty. */
    public long peekTime() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        return keys[0];
    }

    /** Removes and returns the earliest event; read its time with {@link #peekTime()} first. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        E top = (E) payloads[0];
        int last = --size;
        long t = keys[2 * last];
        long s = keys[2 * last + 1];
        Object p = payloads[last];
        payloads[last] = null;
        if (last > 0) {
            siftDown(t, s, p, last);
        }
        return top;
    }

    private void siftDown(long t, long s, Object p, int n) {
        long[] k = keys;
        Object[] ps = payloads;
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = k[2 * first];
            long bs = k[2 * first + 1];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = k[2 * c];
                if (ct < bt || (ct == bt && k[2 * c + 1] < bs)) {
                    best = c;
                    bt = ct;
                    bs = k[2 * c + 1];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            k[2 * i] = bt;
            k[2 * i + 1] = bs;
            ps[i] = ps[best];
            i = best;
        }
        k[2 * i] = t;
        k[2 * i + 1] = s;
        ps[i] = p;
    }

    private void grow() {
        int c = payloads.length + (payloads.length >>> 1) + 1;
        keys = Arrays.copyOf(keys, 2 * c);
        payloads = Arrays.copyOf(payloads, c);
    }
}
