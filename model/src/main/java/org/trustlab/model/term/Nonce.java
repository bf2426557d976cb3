package org.trustlab.model.term;

/** A fresh random value. Secret until it is sent in a form the attacker can open. */
public final class Nonce implements Term {
    private final String name;
    private final long hash;

    public Nonce(String name) {
        this.name = name;
        this.hash = Hashing.tagged(Hashing.NONCE, Hashing.of(name));
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
        return o == this || (o instanceof Nonce n && n.hash == hash && n.name.equals(name));
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
