package org.trustlab.simulator.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A min-heap of events ordered by (time, insertion sequence): events at the same virtual time fire in the order
 * they were scheduled, which is what makes a run a function of its inputs. The heap is three parallel arrays
 * (times, sequence numbers, payloads) rather than a {@code PriorityQueue} of boxed entries: no wrapper object
 * per event and no comparator calls, which is what the engine's throughput and 1M-pending memory targets need.
 *
 * @param <E> the event payload
 */
public final class EventQueue<E> {
    private static final int INITIAL_CAPACITY = 64;

    private long[] times;
    private long[] seqs;
    private Object[] payloads;
    private int size;
    private long nextSeq;

    public EventQueue() {
        this(INITIAL_CAPACITY);
    }

    public EventQueue(int capacity) {
        int c = Math.max(2, capacity);
        times = new long[c];
        seqs = new long[c];
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
        if (size == times.length) {
            grow();
        }
        long seq = nextSeq++;
        int i = size++;
        // sift up
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, times[parent], seqs[parent])) {
                break;
            }
            times[i] = times[parent];
            seqs[i] = seqs[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        payloads[i] = payload;
        return seq;
    }

    /** The time of the earliest event; the queue must not be empty. */
    public long peekTime() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        return times[0];
    }

    /** Removes and returns the earliest event; read its time with {@link #peekTime()} first. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        E top = (E) payloads[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Object p = payloads[last];
        payloads[last] = null;
        if (last > 0) {
            siftDown(t, s, p, last);
        }
        return top;
    }

    private void siftDown(long t, long s, Object p, int n) {
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < n && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, s)) {
                break;
            }
            times[i] = times[child];
            seqs[i] = seqs[child];
            payloads[i] = payloads[child];
            i = child;
        }
        times[i] = t;
        seqs[i] = s;
        payloads[i] = p;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void grow() {
        int c = times.length + (times.length >>> 1) + 1;
        times = Arrays.copyOf(times, c);
        seqs = Arrays.copyOf(seqs, c);
        payloads = Arrays.copyOf(payloads, c);
    }
}
