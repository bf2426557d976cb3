package org.trustlab.model.term;

/** An agent's private key, sk(A): known to the attacker only for dishonest (or compromised) agents. */
public final class PrivateKey extends Unary {
    public PrivateKey(Term owner) {
        super(Hashing.PRIVATE_KEY, "sk", owner);
    }

    public Term owner() {
        return arg();
    }
}
