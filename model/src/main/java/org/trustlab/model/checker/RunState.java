package org.trustlab.model.checker;

import org.trustlab.model.term.Hashing;
import org.trustlab.model.term.Term;

/** Where one run is (the index of its next action) and what its variables hold. Immutable, shared by states. */
public final class RunState {
    private final int pc;
    private final Term[] vals;
    private final long bound;
    private final long hash;

    RunState(int pc, Term[] vals, long bound) {
        this.pc = pc;
        this.vals = vals;
        this.bound = bound;
        long h = Hashing.mix(pc + 1L);
        for (Term v : vals) {
            h = Hashing.combine(h, v == null ? 0L : v.hash64());
        }
        this.hash = h;
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

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof RunState r && r.hash == hash && r.pc == pc && r.bound == bound
                && java.util.Arrays.equals(r.vals, vals));
    }

    @Override
    public int hashCode() {
        return (int) (hash ^ (hash >>> 32));
    }
}
