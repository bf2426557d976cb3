package org.trustlab.model.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.SharedKey;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Var;

/**
 * A protocol model instantiated for checking: the runs (sessions) to explore, the agents (honest ones follow
 * their roles; dishonest ones are the attacker, who holds their private keys), the public universe pattern
 * variables range over, the attacker's initial knowledge, the abstract-time bound, and the properties.
 *
 * <p>The network is the attacker: every send goes to its knowledge, every receive is fed by it. There is no
 * separate network role; a relay (ByteSync's session server, Spacedrive's transport) is at best as strong as
 * this attacker, so a property that holds here holds with a malicious relay.
 */
public final class Model {
    /** The attacker's own nonce. */
    public static final Nonce ATTACKER_NONCE = new Nonce("N_att");
    /** The attacker's own symmetric key. */
    public static final SymKey ATTACKER_KEY = new SymKey("K_att");

    private final String name;
    private final List<Run> runs;
    private final List<Agent> agents;
    private final Set<Agent> honest;
    private final Map<String, List<Name>> names;
    private final List<Timestamp> timestamps;
    private final int maxTime;
    private final List<Term> attackerKnowledge;
    private final Map<Integer, List<Term>> leaks;
    private final Map<Agent, Integer> compromisedAt;
    private final List<Property> properties;
    private final Map<String, String> findings;

    private Model(Builder b) {
        this.name = b.name;
        this.runs = List.copyOf(b.runs);
        this.agents = List.copyOf(b.agents);
        this.honest = Collections.unmodifiableSet(new LinkedHashSet<>(b.honest));
        Map<String, List<Name>> n = new LinkedHashMap<>();
        b.names.forEach((k, v) -> n.put(k, List.copyOf(v)));
        this.names = Collections.unmodifiableMap(n);
        int count = b.maxTimestamp + 1;
        // Virtual: trace validation uses millisecond clocks, where a materialised list would be huge.
        this.timestamps = new java.util.AbstractList<>() {
            @Override
            public Timestamp get(int i) {
                return Timestamp.of(java.util.Objects.checkIndex(i, count));
            }

            @Override
            public int size() {
                return count;
            }
        };
        this.maxTime = b.maxTime;
        // The attacker holds the private keys of the agents it controls, and a nonce and a key of its own to put
        // where an honest party would put a fresh value.
        List<Term> k = new ArrayList<>(b.attackerKnowledge);
        k.add(ATTACKER_NONCE);
        k.add(ATTACKER_KEY);
        for (Agent a : agents) {
            if (!honest.contains(a)) {
                k.add(new PrivateKey(a));
                // And every long-term key it shares, in either order.
                for (Agent other : agents) {
                    k.add(new SharedKey(a, other));
                    if (!a.equals(other)) {
                        k.add(new SharedKey(other, a));
                    }
                }
            }
        }
        this.attackerKnowledge = List.copyOf(k);
        Map<Integer, List<Term>> l = new java.util.TreeMap<>();
        Map<Agent, Integer> c = new LinkedHashMap<>();
        b.leaks.forEach((at, ts) -> {
            l.put(at, List.copyOf(ts));
            for (Term t : ts) {
                if (t instanceof PrivateKey pk && pk.owner() instanceof Agent a && honest.contains(a)) {
                    c.merge(a, at, Math::min);
                }
            }
        });
        this.leaks = Collections.unmodifiableMap(l);
        this.compromisedAt = Collections.unmodifiableMap(c);
        this.properties = List.copyOf(b.properties);
        this.findings = Collections.unmodifiableMap(new LinkedHashMap<>(b.findings));
    }

    /**
     * Why the source design fails the property named, when it does by construction (a FINDING of the profile),
     * else null. The checker still searches for its counterexample and prints it, but does not fail the model.
     */
    public String finding(String property) {
        return findings.get(property);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Run> runs() {
        return runs;
    }

    public List<Agent> agents() {
        return agents;
    }

    /**
     * Whether {@code agent} is honest for good: neither the attacker's nor ever compromised (its private key is
     * never leaked). Secrecy is promised only between such agents: a key leaked later opens what was sealed to
     * it before, so nothing sealed to it is a secret.
     */
    public boolean honest(Term agent) {
        return agent instanceof Agent a && honest.contains(a) && !compromisedAt.containsKey(a);
    }

    /**
     * The tick from which the attacker holds {@code agent}'s private key: 0 for a dishonest agent, the leak's
     * time for a compromised one, {@link Integer#MAX_VALUE} for one never compromised. Authentication is
     * promised to a party only for what it accepts before its peer is compromised.
     */
    public int compromisedAt(Term agent) {
        if (!(agent instanceof Agent a) || !honest.contains(a)) {
            return 0;
        }
        Integer at = compromisedAt.get(a);
        return at == null ? Integer.MAX_VALUE : at;
    }

    /** The terms the attacker learns when the clock reaches {@code time} (leaked later; none at time 0). */
    public List<Term> leaks(int time) {
        return leaks.getOrDefault(time, List.of());
    }

    /** Clock ticks allowed: time runs from 0 to {@code maxTime}. */
    public int maxTime() {
        return maxTime;
    }

    public List<Term> attackerKnowledge() {
        return attackerKnowledge;
    }

    public List<Property> properties() {
        return properties;
    }

    /** The values a variable of a public sort ranges over. */
    public List<? extends Term> universe(Var v) {
        switch (v.sort()) {
            case AGENT:
                return agents;
            case TIME:
                return timestamps;
            case NAME:
                return names.getOrDefault(v.nameKind(), List.of());
            default:
                throw new IllegalArgumentException("no universe for secret sort " + v);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a model. */
    public static final class Builder {
        private final String name;
        private final List<Run> runs = new ArrayList<>();
        private final List<Agent> agents = new ArrayList<>();
        private final List<Agent> honest = new ArrayList<>();
        private final Map<String, List<Name>> names = new LinkedHashMap<>();
        private int maxTimestamp;
        private int maxTime;
        private final List<Term> attackerKnowledge = new ArrayList<>();
        private final Map<Integer, List<Term>> leaks = new LinkedHashMap<>();
        private final List<Property> properties = new ArrayList<>();
        private final Map<String, String> findings = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder honest(List<Agent> as) {
            return honest(as.toArray(new Agent[0]));
        }

        public Builder dishonest(List<Agent> as) {
            return dishonest(as.toArray(new Agent[0]));
        }

        public Builder honest(Agent... as) {
            for (Agent a : as) {
                agents.add(a);
                honest.add(a);
            }
            return this;
        }

        /** Agents controlled by the attacker: it holds their private keys and plays them as it likes. */
        public Builder dishonest(Agent... as) {
            agents.addAll(List.of(as));
            return this;
        }

        /** Public names of a kind (session ids, purposes) that name variables range over. */
        public Builder names(List<Name> ns) {
            return names(ns.toArray(new Name[0]));
        }

        public Builder names(Name... ns) {
            for (Name n : ns) {
                names.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n);
            }
            return this;
        }

        /** Time advances by ticks up to {@code maxTime}; timestamp variables range over 0..maxTimestamp. */
        public Builder time(int maxTime, int maxTimestamp) {
            if (maxTime < 0 || maxTimestamp < maxTime) {
                throw new IllegalArgumentException("need 0 <= maxTime <= maxTimestamp");
            }
            this.maxTime = maxTime;
            this.maxTimestamp = maxTimestamp;
            return this;
        }

        public Builder attackerKnows(List<? extends Term> ts) {
            return attackerKnows(ts.toArray(new Term[0]));
        }

        public Builder attackerKnows(Term... ts) {
            for (Term t : ts) {
                if (!t.ground()) {
                    throw new IllegalArgumentException("initial knowledge must be ground: " + t);
                }
                attackerKnowledge.add(t);
            }
            return this;
        }

        /**
         * The attacker learns {@code ts} when the clock reaches tick {@code at} (at least 1): a key leaked or a
         * device compromised later. A leaked private key makes its owner compromised from then on.
         */
        public Builder leak(int at, Term... ts) {
            if (at < 1) {
                throw new IllegalArgumentException("a leak happens at tick 1 or later; use attackerKnows for 0");
            }
            for (Term t : ts) {
                if (!t.ground()) {
                    throw new IllegalArgumentException("leaked knowledge must be ground: " + t);
                }
                leaks.computeIfAbsent(at, k -> new ArrayList<>()).add(t);
            }
            return this;
        }

        public Builder run(Run r) {
            if (!r.complete()) {
                throw new IllegalArgumentException("run of " + r.role().name() + " misses parameters: " + r);
            }
            runs.add(r);
            return this;
        }

        public Builder property(Property p) {
            properties.add(p);
            return this;
        }

        /** The property named fails by the source design's construction, for {@code reason}: a FINDING. */
        public Builder finding(String property, String reason) {
            findings.put(property, reason);
            return this;
        }

        public Model build() {
            if (runs.isEmpty()) {
                throw new IllegalStateException(name + " has no runs");
            }
            for (String f : findings.keySet()) {
                if (properties.stream().noneMatch(p -> p.name().equals(f))) {
                    throw new IllegalStateException(name + " declares a finding on unknown property " + f);
                }
            }
            for (int at : leaks.keySet()) {
                if (at > maxTime) {
                    throw new IllegalStateException(name + " leaks at t" + at + ", after its last tick t" + maxTime);
                }
            }
            return new Model(this);
        }
    }
}
