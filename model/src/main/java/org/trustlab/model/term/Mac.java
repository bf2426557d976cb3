package org.trustlab.model.term;

/** A message authentication code mac(k, body): made by whoever knows k, never opened. */
public final class Mac extends Keyed {
    public Mac(Term key, Term body) {
        super(Hashing.MAC, "mac", key, body);
    }
}
