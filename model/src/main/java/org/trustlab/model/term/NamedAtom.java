package org.trustlab.model.term;

/** An atom identified by its name within its class: an agent, a nonce, a symmetric key. */
public abstract sealed class NamedAtom implements Term permits Agent, Nonce, SymKey {
    private final String name;
    private final long hash;

    NamedAtom(int tag, String name) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.hash = Hashing.tagged(tag, Hashing.of(name));
    }

    public final String name() {
        return name;
    }

    @Override
    public final long hash64() {
        return hash;
    }

    @Override
    public final boolean ground() {
        return true;
    }

    @Override
    public final boolean equals(Object o) {
        return o == this || (o instanceof NamedAtom a && a.getClass() == getClass() && a.hash == hash
                && a.name.equals(name));
    }

    @Override
    public final int hashCode() {
        return (int) hash;
    }

    @Override
    public final String toString() {
        return name;
    }
}
