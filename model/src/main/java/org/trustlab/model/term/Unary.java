package org.trustlab.model.term;

/** A constructor of one argument: a public key pk(A), a private key sk(A), a hash h(x). */
public abstract sealed class Unary implements Term permits PublicKey, PrivateKey, Hash {
    private final String function;
    private final Term arg;
    private final long hash;

    Unary(int tag, String function, Term arg) {
        this.function = function;
        this.arg = java.util.Objects.requireNonNull(arg, "arg");
        this.hash = Hashing.tagged(tag, arg.hash64());
    }

    final Term arg() {
        return arg;
    }

    @Override
    public final long hash64() {
        return hash;
    }

    @Override
    public final boolean ground() {
        return arg.ground();
    }

    @Override
    public final boolean equals(Object o) {
        return o == this || (o instanceof Unary u && u.getClass() == getClass() && u.hash == hash
                && u.arg.equals(arg));
    }

    @Override
    public final int hashCode() {
        return (int) hash;
    }

    @Override
    public final String toString() {
        return function + "(" + arg + ")";
    }
}
