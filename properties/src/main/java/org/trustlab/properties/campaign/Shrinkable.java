package org.trustlab.properties.campaign;

import clojure.lang.IFn;
import java.util.Iterator;
import java.util.Map;

/**
 * A generated scenario together with its test.check rose tree: {@link #value()} is the scenario as plain data
 * (maps, lists, strings, numbers), {@link #children()} the lazily built, smaller variants test.check's shrinking
 * proposes, best first. Nothing is realised until asked for, so an unshrunk run costs only its root.
 */
public final class Shrinkable {
    private static final String CORE = "trustlab.campaign.core";

    private final Object rose;
    private Map<String, Object> value;

    Shrinkable(Object rose) {
        this.rose = rose;
    }

    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> value() {
        if (value == null) {
            value = (Map<String, Object>) Fns.ROOT.invoke(rose);
        }
        return value;
    }

    public Iterable<Shrinkable> children() {
        return () -> {
            Iterator<?> it = ((Iterable<?>) Fns.CHILDREN.invoke(rose)).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Shrinkable next() {
                    return new Shrinkable(it.next());
                }
            };
        };
    }

    /** Resolved on first use, after the namespace has been required. */
    private static final class Fns {
        static final IFn ROOT = Clj.fn(CORE, "root-data");
        static final IFn CHILDREN = Clj.fn(CORE, "children");
    }
}
