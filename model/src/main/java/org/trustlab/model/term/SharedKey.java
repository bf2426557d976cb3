package org.trustlab.model.term;

/**
 * A long-term symmetric key shared by two agents, {@code k(A,S)} in textbook notation (Otway-Rees' and
 * Needham-Schroeder's keys with the server, a direct pairing's secret). Ordered as written: {@code k(A,S)} and
 * {@code k(S,A)} are different keys, as a model names them. The attacker holds it when one of the two is
 * dishonest or when it is leaked; it never builds one.
 */
public final class SharedKey implements Term {
    private final Term first;
    private final Term second;
    private final long hash;

    public SharedKey(Term first, Term second) {
        this.first = java.util.Objects.requireNonNull(first, "first");
        this.second = java.util.Objects.requireNonNull(second, "second");
        this.hash = Hashing.tagged(Hashing.SHARED_KEY, first.hash64(), second.hash64());
    }

    public Term first() {
        return first;
    }

    public Term second() {
        return second;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return first.ground() && second.ground();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof SharedKey k && k.hash == hash && k.first.equals(first)
                && k.second.equals(second));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "k(" + first + ", " + second + ")";
    }
}
