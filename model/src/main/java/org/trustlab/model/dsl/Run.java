package org.trustlab.model.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/** One session of a role in the scenario the checker explores, with its parameters fixed. */
public record Run(Role role, Map<Var, Term> params) {
    public Run {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        for (Map.Entry<Var, Term> e : params.entrySet()) {
            if (!role.params().contains(e.getKey())) {
                throw new IllegalArgumentException(role.name() + " has no parameter " + e.getKey());
            }
            if (!e.getValue().ground() || !e.getKey().admits(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " cannot be " + e.getValue());
            }
        }
    }

    public static Run of(Role role, Term self) {
        return new Run(role, Map.of(role.self(), self));
    }

    public Run with(Var param, Term value) {
        Map<Var, Term> m = new LinkedHashMap<>(params);
        m.put(param, value);
        return new Run(role, m);
    }

    public Term self() {
        return params.get(role.self());
    }

    /** Whether every parameter of the role has a value. */
    public boolean complete() {
        return params.keySet().containsAll(role.params());
    }
}
