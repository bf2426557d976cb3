package org.trustlab.properties.campaign;

import clojure.lang.IFn;
import java.util.Map;

/**
 * A test.check generator of whole scenarios for one protocol, defined in Clojure as a var holding a generator
 * (e.g. {@code trustlab.campaign.autojoin/scenario}). {@link #generate} is a pure function of (seed, size): the
 * same arguments give the same scenario and the same shrink tree on every thread and in every JVM.
 */
public final class ScenarioGenerator {
    private static final String CORE = "trustlab.campaign.core";

    private final String namespace;
    private final String name;
    private final Object generator;
    private final IFn tree;

    private ScenarioGenerator(String namespace, String name, Map<String, Object> context) {
        this.namespace = namespace;
        this.name = name;
        this.generator = Clj.fn(namespace, name).invoke(context);
        this.tree = Clj.fn(CORE, "tree");
    }

    /**
     * Loads {@code namespace} and takes the generator returned by calling {@code name} with {@code context}: what
     * the simulator offers the attacker ({@code forgery-menu}: the binding's forgeries, {@code ops}: every scripted
     * attacker op), so generators draw from the simulator's own vocabulary rather than a copy of it.
     */
    public static ScenarioGenerator of(String namespace, String name, Map<String, Object> context) {
        return new ScenarioGenerator(namespace, name, context);
    }

    public Shrinkable generate(long seed, int size) {
        return new Shrinkable(tree.invoke(generator, seed, size));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
