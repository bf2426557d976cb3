package org.trustlab.model.term;

/** A signature sign(sk(A), body). Signatures do not hide: whoever sees one learns its body (the verifier needs it). Only the holder of the private key makes one. */
public final class Sign extends Keyed {
    public Sign(Term key, Term body) {
        super(Hashing.SIGN, "sign", key, body);
    }
}
