package org.trustlab.model.term;

/** A one-way hash: built from a known body, never opened. */
public final class Hash extends Unary {
    public Hash(Term body) {
        super(Hashing.HASH, "h", body);
    }

    public Term body() {
        return arg();
    }
}
