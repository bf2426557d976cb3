package org.trustlab.model.term;

import java.util.Arrays;
import java.util.List;

/** A concatenation of fields. Transparent to the attacker: whoever has a tuple has its fields and vice versa. */
public final class Tuple implements Term {
    private final Term[] items;
    private final long hash;
    private final boolean ground;

    public Tuple(Term... items) {
        this(items.clone(), true);
    }

    private Tuple(Term[] items, boolean owned) {
        if (items.length < 2) {
            throw new IllegalArgumentException("a tuple has at least two fields");
        }
        this.items = items;
        long h = Hashing.seed(Hashing.TUPLE);
        boolean g = true;
        for (Term t : items) {
            h = Hashing.combine(h, t.hash64());
            g &= t.ground();
        }
        this.hash = h;
        this.ground = g;
    }

    /** Takes ownership of {@code items} (no copy): for callers that built the array and drop it. */
    public static Tuple owning(Term[] items) {
        return new Tuple(items, true);
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
