package org.trustlab.model.checker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.trustlab.model.attacker.Knowledge;

/**
 * The run steps computed so far, by context (attacker knowledge, clock, facts claimed) and then by run and run
 * state. A state's successors look up their context once and then index an array per run by the run state's
 * interned id, so the memo costs one hash lookup per state instead of one per run.
 *
 * <p>Contexts compare knowledge and facts by identity: both are interned, and an equal but distinct instance
 * only misses (the steps are computed again), it never gets another context's steps. Step lists are immutable
 * and their fields final, so a worker that reads one through a race sees it whole; a worker that misses one
 * another worker stored computes it again, equal.
 */
final class StepMemo {
    private final int runs;
    private final ConcurrentHashMap<Key, Context> contexts = new ConcurrentHashMap<>();

    StepMemo(int runs) {
        this.runs = runs;
    }

    Context context(Knowledge knowledge, int time, Semantics.Facts facts) {
        Key key = new Key(knowledge, time, facts);
        Context c = contexts.get(key);
        if (c == null) {
            Context fresh = new Context(runs);
            c = contexts.putIfAbsent(key, fresh);
            if (c == null) {
                c = fresh;
            }
        }
        return c;
    }

    /** Steps by run and run-state id, within one context. */
    static final class Context {
        private List<RunStep>[][] steps;

        @SuppressWarnings("unchecked")
        private Context(int runs) {
            steps = new List[runs][16];
        }

        /** The steps of {@code run} from the run state with interned id {@code id}, or null when not known yet. */
        List<RunStep> get(int run, int id) {
            List<RunStep>[] byState = steps[run];
            return id < byState.length ? byState[id] : null;
        }

        synchronized void put(int run, int id, List<RunStep> s) {
            List<RunStep>[] byState = steps[run];
            if (id >= byState.length) {
                byState = Arrays.copyOf(byState, Math.max(id + 1, byState.length * 2));
                steps[run] = byState;
            }
            byState[id] = s;
        }
    }

    private record Key(Knowledge knowledge, int time, Semantics.Facts facts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.knowledge == knowledge && k.facts == facts && k.time == time;
        }

        @Override
        public int hashCode() {
            return (knowledge.hashCode() * 31 + facts.hashCode()) * 31 + time;
        }
    }
}
