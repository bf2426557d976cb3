package org.trustlab.model.term;

/** A message authentication code mac(k, body): made by whoever knows k, never opened. */
public final class Mac implements Term {
    private final Term key;
    private final Term body;
    private final long hash;

    public Mac(Term key, Term body) {
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.hash = Hashing.tagged(Hashing.MAC, key.hash64(), body.hash64());
    }

    public Term key() {
        return key;
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
        return key.ground() && body.ground();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Mac x && x.hash == hash && x.key.equals(key) && x.body.equals(body));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "mac(" + key + ", " + body + ")";
    }
}
