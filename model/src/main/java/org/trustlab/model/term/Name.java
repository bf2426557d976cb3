package org.trustlab.model.term;

/**
 * A public constant of a given kind: a session id, a purpose ({@code auto-join}), a message tag. The attacker
 * knows every name; the kind keeps pattern variables typed (a session variable never binds a purpose).
 */
public final class Name implements Term {
    private final String kind;
    private final String value;
    private final long hash;

    public Name(String kind, String value) {
        this.kind = kind;
        this.value = value;
        this.hash = Hashing.tagged(Hashing.NAME, Hashing.of(kind), Hashing.of(value));
    }

    public String kind() {
        return kind;
    }

    public String value() {
        return value;
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
        return o == this
                || (o instanceof Name n && n.hash == hash && n.kind.equals(kind) && n.value.equals(value));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return value;
    }
}
