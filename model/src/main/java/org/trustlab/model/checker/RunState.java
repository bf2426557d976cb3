package org.trustlab.model.checker;

import org.trustlab.model.term.Hashing;
import org.trustlab.model.term.Term;

/** Where one run is (the index of its next action) and what its variables hold. Immutable, shared by states. */
public final class RunState {
    private final int pc;
    private final Term[] vals;
    private final long bound;
    private final long hash;
    /** Symmetry's sort key for this run state at its run index, and the runs whose fresh values it holds. */
    private final long symmetryKey;
    private final long freshOwners;
    /** A dense number the interner gives the canonical instance (-1: not interned); indexes the step memo. */
    private int id = -1;

    /** {@code symmetry} may be null (no reduction); {@code run} is the index of the run this state belongs to. */
    RunState(int pc, Term[] vals, long bound, Symmetry symmetry, int run) {
        this.pc = pc;
        this.vals = vals;
        this.bound = bound;
        long h = Hashing.mix(pc + 1L);
        for (Term v : vals) {
            h = Hashing.combine(h, v == null ? 0L : v.hash64());
        }
        this.hash = h;
        // Computed once here, where the run index is known, rather than for every run of every successor.
        this.symmetryKey = symmetry == null ? 0L : symmetry.abstractHash(run, pc, vals);
        this.freshOwners = symmetry == null ? 0L : symmetry.freshOwners(vals);
    }

    public int pc() {
        return pc;
    }

    public Term value(int slot) {
        return vals[slot];
    }

    Term[] vals() {
        return vals;
    }

    long bound() {
        return bound;
    }

    long hash() {
        return hash;
    }

    int id() {
        return id;
    }

    void id(int id) {
        this.id = id;
    }

    long symmetryKey() {
        return symmetryKey;
    }

    long freshOwners() {
        return freshOwners;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof RunState r && r.hash == hash && r.symmetryKey == symmetryKey && r.pc == pc && r.bound == bound
                && java.util.Arrays.equals(r.vals, vals));
    }

    @Override
    public int hashCode() {
        return (int) (hash ^ (hash >>> 32));
    }
}
