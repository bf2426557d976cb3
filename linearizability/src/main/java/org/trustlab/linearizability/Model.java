package org.trustlab.linearizability;

import clojure.lang.IFn;
import java.util.List;

/**
 * A sequential specification by its CLI name ({@link #names()}) with its initial state: nil unless given, as in
 * Knossos (for {@code kv} the empty string, for {@code multi-register} and {@code nonce-store} the empty map,
 * for {@code mutex} free).
 */
public record Model(String name, Object initial) {

    public Model {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", names()));
        }
        initial = Op.edn(initial);
    }

    public static Model named(String name) {
        return new Model(name, null);
    }

    public Model withInitial(Object value) {
        return new Model(name, value);
    }

    /** The initial value written as EDN, e.g. {@code 0} or {@code {:x 0 :y 0}}. */
    public Model withInitialEdn(String edn) {
        return withInitial(Edn.read(edn));
    }

    @SuppressWarnings("unchecked")
    public static List<String> names() {
        return (List<String>) Clj.fn("trustlab.lin.models", "names").invoke();
    }

    Object build() {
        IFn model = Clj.fn("trustlab.lin.models", "model");
        return model.invoke(name, initial);
    }
}
