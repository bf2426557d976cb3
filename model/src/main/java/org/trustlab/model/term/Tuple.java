package org.trustlab.model.term;

import java.util.Arrays;
import java.util.List;

/** A concatenation of fields. Transparent to the attacker: whoever has a tuple has its fields and vice versa. */
public final class Tuple implements Term {
    private final Term[] items;
    private final long hash;
    private final boolean ground;

    public Tuple(Term... items) {
        if (items.length < 2) {
            throw new IllegalArgumentException("a tuple has at least two fields");
        }
        this.items = items.clone();
        long[] parts = new long[this.items.length];
        boolean g = true;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = this.items[i].hash64();
            g &= this.items[i].ground();
        }
        this.hash = Hashing.tagged(13, parts);
        this.ground = g;
    }

    public int arity() {
        return items.length;
    }

    public Term get(int i) {
        return items[i];
    }

    public List<Term> items() {
        return List.of(items);
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return ground;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Tuple t && t.hash == hash && Arrays.equals(t.items, items));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<");
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(items[i]);
        }
        return sb.append('>').toString();
    }
}
