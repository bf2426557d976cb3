package org.trustlab.model.term;

/** Symmetric encryption senc(k, body): made and opened by whoever knows k. */
public final class SEnc extends Keyed {
    public SEnc(Term key, Term body) {
        super(Hashing.SENC, "senc", key, body);
    }
}
