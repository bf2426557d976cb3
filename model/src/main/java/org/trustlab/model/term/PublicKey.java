package org.trustlab.model.term;

/** An agent's public key, pk(A): a public function of the agent's name, so every public key is known. */
public final class PublicKey extends Unary {
    public PublicKey(Term owner) {
        super(Hashing.PUBLIC_KEY, "pk", owner);
    }

    public Term owner() {
        return arg();
    }
}
