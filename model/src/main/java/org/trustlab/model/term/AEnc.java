package org.trustlab.model.term;

/** Asymmetric encryption aenc(pk(A), body): anyone can make it, only the holder of sk(A) opens it. */
public final class AEnc implements Term {
    private final Term key;
    private final Term body;
    private final long hash;

    public AEnc(Term key, Term body) {
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.hash = Hashing.tagged(Hashing.AENC, key.hash64(), body.hash64());
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
        return o == this || (o instanceof AEnc x && x.hash == hash && x.key.equals(key) && x.body.equals(body));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "aenc(" + key + ", " + body + ")";
    }
}
