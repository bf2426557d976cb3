package org.trustlab.model.term;

/** A symmetric key (a session key, a pairing secret). Secret until learned. */
public final class SymKey extends NamedAtom {
    public SymKey(String name) {
        super(Hashing.SYMKEY, name);
    }
}
