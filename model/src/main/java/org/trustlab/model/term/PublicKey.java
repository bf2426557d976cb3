package org.trustlab.model.term;

/** An agent's public key, pk(A): a public function of the agent's name, so every public key is known. */
public final class PublicKey implements Term {
    private final Term owner;
    private final long hash;

    public PublicKey(Term owner) {
        this.owner = java.util.Objects.requireNonNull(owner, "owner");
        this.hash = Hashing.tagged(Hashing.PUBLIC_KEY, owner.hash64());
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
        return o == this || (o instanceof PublicKey x && x.hash == hash && x.owner.equals(owner));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "pk(" + owner + ")";
    }
}
