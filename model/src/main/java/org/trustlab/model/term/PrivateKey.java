package org.trustlab.model.term;

/** An agent's private key, sk(A): known to the attacker only for dishonest (or compromised) agents. */
public final class PrivateKey implements Term {
    private final Term owner;
    private final long hash;

    public PrivateKey(Term owner) {
        this.owner = java.util.Objects.requireNonNull(owner, "owner");
        this.hash = Hashing.tagged(Hashing.PRIVATE_KEY, owner.hash64());
    }

    public Term owner() {
        return owner;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return owner.ground();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof PrivateKey x && x.hash == hash && x.owner.equals(owner));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "sk(" + owner + ")";
    }
}
