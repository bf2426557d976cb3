package org.trustlab.model.term;

/** A principal's name. Names of agents are public: the attacker can say any of them. */
public final class Agent implements Term {
    private final String name;
    private final long hash;

    public Agent(String name) {
        this.name = name;
        this.hash = Hashing.tagged(Hashing.AGENT, Hashing.of(name));
    }

    public String name() {
        return name;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Agent a && a.hash == hash && a.name.equals(name));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
