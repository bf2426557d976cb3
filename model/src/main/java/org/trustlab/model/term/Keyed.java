package org.trustlab.model.term;

/** A cryptographic constructor of a key and a body: signatures, encryptions, MACs. */
public abstract sealed class Keyed implements Term permits Sign, AEnc, SEnc, Mac {
    private final String function;
    private final Term key;
    private final Term body;
    private final long hash;

    Keyed(int tag, String function, Term key, Term body) {
        this.function = function;
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.hash = Hashing.tagged(tag, key.hash64(), body.hash64());
    }

    public final Term key() {
        return key;
    }

    public final Term body() {
        return body;
    }

    @Override
    public final long hash64() {
        return hash;
    }

    @Override
    public final boolean ground() {
        return key.ground() && body.ground();
    }

    @Override
    public final boolean equals(Object o) {
        return o == this || (o instanceof Keyed k && k.getClass() == getClass() && k.hash == hash
                && k.key.equals(key) && k.body.equals(body));
    }

    @Override
    public final int hashCode() {
        return (int) hash;
    }

    @Override
    public final String toString() {
        return function + "(" + key + ", " + body + ")";
    }
}
