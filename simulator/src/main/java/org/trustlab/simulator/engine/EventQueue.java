package org.trustlab.simulator.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A min-heap of events ordered by (time, insertion sequence): events at the same virtual time fire in the order
 * they were scheduled, which is what makes a run a function of its inputs.
 *
 * <p>Layout, for the engine's throughput and 1M-pending memory targets: a 4-ary heap of 16-byte keys in one
 * {@code long[]}: the time, then the insertion sequence number shifted left by {@link #HANDLE_BITS} with the
 * payload's handle in the low bits. The sequence part decides ties and the handle never does (sequence numbers are
 * unique), so comparing the packed word is comparing (time, seq). Payloads sit still in a slot table, indexed by
 * handle, from insertion to removal. A sift step therefore reads one group of four keys and moves two longs: no
 * wrapper object per event, no comparator call, no parallel array to chase, and no reference store per level
 * (under G1 a reference stored into a large old-generation array costs a card-table check and a fence, which was
 * most of the cost of a sift at 100,000 pending events).
 *
 * <p>Heap slot {@code i} keeps its key at {@code keys[2 * (i + PAD)]}: with the array's 16-byte header, the four
 * children {@code 4i+1 .. 4i+4} of a node then start on a 64-byte boundary of a large (region-aligned) array, so a
 * sift-down step reads one cache line of keys instead of two.
 *
 * <p>The packed sequence has {@code 63 - HANDLE_BITS} bits. Should a queue ever exhaust them, the pending events
 * are renumbered 0, 1, 2, ... in their (time, seq) order, which changes no order between them or with later ones.
 *
 * @param <E> the event payload
 */
public final class EventQueue<E> {
    private static final int INITIAL_CAPACITY = 64;
    /** Unused leading slots that align each group of four siblings; see the class comment. */
    private static final int PAD = 2;
    /** Up to 2^26 (67 million) pending events, far more than a heap that must hold their payloads fits. */
    static final int HANDLE_BITS = 26;
    private static final long HANDLE_MASK = (1L << HANDLE_BITS) - 1;
    private static final int MAX_CAPACITY = 1 << HANDLE_BITS;

    /** {@code keys[2(i+PAD)]} is the time and {@code keys[2(i+PAD)+1]} the packed seq and handle of heap slot i. */
    private long[] keys;
    /** Payloads by handle; null when the handle is free. */
    private Object[] slots;
    /** A stack of free handles below {@link #allocated}; reusing the latest freed keeps the slot table warm. */
    private int[] free;
    private int freeTop;
    /** Handles {@code [0, allocated)} are either in the heap or on the free stack. */
    private int allocated;
    private int size;
    /** The next packed sequence number; renumbered when it reaches {@link #seqLimit}. */
    private long nextSeq;
    private final long seqLimit;
    /** Events ever added: the sequence number {@link #add} reports, which renumbering does not touch. */
    private long added;

    public EventQueue() {
        this(INITIAL_CAPACITY);
    }

    public EventQueue(int capacity) {
        this(capacity, 1L << (63 - HANDLE_BITS));
    }

    /** A queue whose packed sequence numbers run out at {@code seqLimit}, so tests can reach the renumbering. */
    EventQueue(int capacity, long seqLimit) {
        int c = Math.min(MAX_CAPACITY, Math.max(4, capacity));
        keys = new long[2 * (c + PAD)];
        slots = new Object[c];
        free = new int[c];
        this.seqLimit = seqLimit;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds an event; returns its sequence number (the tie-breaker: the number of events added before it). */
    public long add(long time, E payload) {
        if (size == slots.length) {
            grow();
        }
        if (nextSeq == seqLimit) {
            renumber();
        }
        int h = freeTop > 0 ? free[--freeTop] : allocated++;
        slots[h] = payload;
        siftUp(time, (nextSeq++ << HANDLE_BITS) | h);
        return added++;
    }

    private void siftUp(long time, long sh) {
        long[] k = keys;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            int pk = 2 * (parent + PAD);
            long pt = k[pk];
            if (pt < time || (pt == time && k[pk + 1] < sh)) {
                break;
            }
            int ik = 2 * (i + PAD);
            k[ik] = pt;
            k[ik + 1] = k[pk + 1];
            i = parent;
        }
        int ik = 2 * (i + PAD);
        k[ik] = time;
        k[ik + 1] = sh;
    }

    /** The time of the earliest event; the queue must not be empty. */
    public long peekTime() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        return keys[2 * PAD];
    }

    /** Removes and returns the earliest event; read its time with {@link #peekTime()} first. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        int h = (int) (keys[2 * PAD + 1] & HANDLE_MASK);
        E top = (E) slots[h];
        slots[h] = null;
        free[freeTop++] = h;
        removeTop();
        return top;
    }

    private void removeTop() {
        int last = --size;
        if (last > 0) {
            int lk = 2 * (last + PAD);
            siftDown(keys[lk], keys[lk + 1], last);
        }
    }

    private void siftDown(long t, long s, int n) {
        long[] k = keys;
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int fk = 2 * (first + PAD);
            int bk = fk;
            long bt = k[fk];
            long bs = k[fk + 1];
            int end = 2 * (Math.min(first + 4, n) + PAD);
            for (int ck = fk + 2; ck < end; ck += 2) {
                long ct = k[ck];
                if (ct < bt || (ct == bt && k[ck + 1] < bs)) {
                    bk = ck;
                    bt = ct;
                    bs = k[ck + 1];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            int ik = 2 * (i + PAD);
            k[ik] = bt;
            k[ik + 1] = bs;
            i = bk / 2 - PAD;
        }
        int ik = 2 * (i + PAD);
        k[ik] = t;
        k[ik + 1] = s;
    }

    /** Gives the pending events the packed sequence numbers 0, 1, 2, ... in the order they will fire. */
    private void renumber() {
        int n = size;
        long[] times = new long[n];
        int[] hs = new int[n];
        for (int j = 0; j < n; j++) {
            times[j] = keys[2 * PAD];
            hs[j] = (int) (keys[2 * PAD + 1] & HANDLE_MASK);
            removeTop();
        }
        nextSeq = 0;
        for (int j = 0; j < n; j++) {
            siftUp(times[j], (nextSeq++ << HANDLE_BITS) | hs[j]);
        }
    }

    private void grow() {
        if (slots.length == MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY + " pending events");
        }
        int c = (int) Math.min(MAX_CAPACITY, slots.length + (slots.length >>> 1) + 1L);
        keys = Arrays.copyOf(keys, 2 * (c + PAD));
        slots = Arrays.copyOf(slots, c);
        free = Arrays.copyOf(free, c);
    }
}
