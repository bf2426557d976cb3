package org.trustlab.model.term;

/** A one-way hash: built from a known body, never opened. */
public final class Hash implements Term {
    private final Term body;
    private final long hash;

    public Hash(Term body) {
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.hash = Hashing.tagged(Hashing.HASH, body.hash64());
    }

    public Term body() {
        return body;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return body.ground();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Hash x && x.hash == hash && x.body.equals(body));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "h(" + body + ")";
    }
}
