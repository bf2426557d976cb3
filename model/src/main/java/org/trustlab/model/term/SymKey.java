package org.trustlab.model.term;

/** A symmetric key (a session key, a pairing secret). Secret until learned. */
public final class SymKey implements Term {
    private final String name;
    private final long hash;

    public SymKey(String name) {
        this.name = name;
        this.hash = Hashing.tagged(Hashing.SYMKEY, Hashing.of(name));
    }

    public String name() {
        return name;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof SymKey k && k.hash == hash && k.name.equals(name));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
