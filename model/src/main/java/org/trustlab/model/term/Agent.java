package org.trustlab.model.term;

/** A principal's name. Names of agents are public: the attacker can say any of them. */
public final class Agent extends NamedAtom {
    public Agent(String name) {
        super(Hashing.AGENT, name);
    }
}
