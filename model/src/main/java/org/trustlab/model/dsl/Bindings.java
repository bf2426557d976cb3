package org.trustlab.model.dsl;

import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/** What a guard or a computed binding may read: the run's variables, the clock, and the facts held so far. */
public interface Bindings {
    /** The value bound to {@code v}; throws if it is unbound (a model bug, not an attack). */
    Term get(Var v);

    /** The tick count of a time variable. */
    int ticks(Var v);

    /** The current abstract time (every party reads the same clock; skew is modelled by expiry windows). */
    int now();

    boolean honest(Term agent);

    /** Whether some run has emitted {@code fact(label, actor, data)} so far. */
    boolean hasFact(String label, Term actor, Term data);

    /**
     * The data of every {@code fact(label, actor, ...)} emitted so far, oldest first: a store whose entries are
     * overwritten (a relay's slot table) reads its current value as the newest fact for a key.
     */
    java.util.List<Term> facts(String label, Term actor);
}
