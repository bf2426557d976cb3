package org.trustlab.model.checker;

/**
 * The visited set: 64-bit state fingerprints in one open-addressing {@code long[]} with linear probing, as TLC
 * keeps them. Slots are addressed by the fingerprint's high 32 bits scaled to the capacity (no power-of-two
 * constraint), so the table can grow by 1.5x and stay between 53% and 80% full: 10 to 15 bytes per state.
 * Two states with the same fingerprint are taken to be the same; with n states the chance of any such
 * collision is about n^2 / 2^65 (below 10^-7 for ten million states).
 *
 * <p>Not thread-safe for writers: the checker reads it from all workers while a BFS level is expanded, and
 * writes it from one thread between levels.
 */
final class FingerprintSet {
    private static final double MAX_LOAD = 0.8;

    private long[] table;
    private int size;
    private int limit;

    FingerprintSet(int initialCapacity) {
        table = new long[Math.max(16, initialCapacity)];
        limit = (int) (table.length * MAX_LOAD);
    }

    /** Adds a fingerprint (never 0); true when it was not present. */
    boolean add(long fp) {
        if (size >= limit) {
            grow();
        }
        long[] t = table;
        int i = slot(fp, t.length);
        while (true) {
            long v = t[i];
            if (v == 0) {
                t[i] = fp;
                size++;
                return true;
            }
            if (v == fp) {
                return false;
            }
            if (++i == t.length) {
                i = 0;
            }
        }
    }

    boolean contains(long fp) {
        long[] t = table;
        int i = slot(fp, t.length);
        while (true) {
            long v = t[i];
            if (v == fp) {
                return true;
            }
            if (v == 0) {
                return false;
            }
            if (++i == t.length) {
                i = 0;
            }
        }
    }

    int size() {
        return size;
    }

    /** Bytes held by the table. */
    long bytes() {
        return (long) table.length * Long.BYTES;
    }

    private static int slot(long fp, int capacity) {
        return (int) (((fp >>> 32) * capacity) >>> 32);
    }

    private void grow() {
        long n = table.length + (table.length >> 1);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("visited set full at " + size + " states");
        }
        long[] old = table;
        long[] t = new long[(int) n];
        for (long fp : old) {
            if (fp != 0) {
                int i = slot(fp, t.length);
                while (t[i] != 0) {
                    if (++i == t.length) {
                        i = 0;
                    }
                }
                t[i] = fp;
            }
        }
        table = t;
        limit = (int) (t.length * MAX_LOAD);
    }
}
