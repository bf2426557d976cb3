package org.trustlab.model.term;

/** A fresh random value. Secret until it is sent in a form the attacker can open. */
public final class Nonce extends NamedAtom {
    public Nonce(String name) {
        super(Hashing.NONCE, name);
    }
}
