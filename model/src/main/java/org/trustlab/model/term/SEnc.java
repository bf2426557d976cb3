package org.trustlab.model.term;

/** Symmetric encryption senc(k, body): made and opened by whoever knows k. */
public final class SEnc implements Term {
    private final Term key;
    private final Term body;
    private final long hash;

    public SEnc(Term key, Term body) {
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.hash = Hashing.tagged(Hashing.SENC, key.hash64(), body.hash64());
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
        return o == this || (o instanceof SEnc x && x.hash == hash && x.key.equals(key) && x.body.equals(body));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "senc(" + key + ", " + body + ")";
    }
}
