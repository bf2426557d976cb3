package org.trustlab.model.term;

/** Asymmetric encryption aenc(pk(A), body): anyone can make it, only the holder of sk(A) opens it. */
public final class AEnc extends Keyed {
    public AEnc(Term key, Term body) {
        super(Hashing.AENC, "aenc", key, body);
    }
}
