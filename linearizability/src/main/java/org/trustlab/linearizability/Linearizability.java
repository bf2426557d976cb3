package org.trustlab.linearizability;

import clojure.lang.IPersistentMap;
import clojure.lang.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Jepsen history for linearizability against a model, Knossos-style (Wing &amp; Gong's search with
 * Lowe's memoization, partitioned by {@code :key}). The search itself is Clojure ({@code trustlab/lin/*.clj}).
 *
 * <pre>{@code
 * List<Op> h = List.of(Op.invoke(0, "write", 1), Op.ok(0, "write", 1), Op.invoke(1, "read", null), Op.ok(1, "read", 1));
 * Result r = Linearizability.check(h, Model.named("cas-register").withInitial(0), Options.defaults());
 * }</pre>
 */
public final class Linearizability {
    private static final Keyword VALID = Keyword.intern("valid?");
    private static final Keyword UNKNOWN = Keyword.intern("unknown");

    private Linearizability() {}

    /**
     * The verdict on {@code history}. Throws {@link HistoryException} when the history is malformed (a completion
     * without an invocation, a process invoking while its last invocation is open), naming the op's position.
     */
    public static Result check(List<Op> history, Model model, Options options) throws HistoryException {
        Object edn = Histories.edn(history);
        Map<Keyword, Object> opts = Map.of(Keyword.intern("time-limit-nanos"), options.timeLimit().toNanos(),
                Keyword.intern("budget-bytes"), options.memoryBudgetBytes(), Keyword.intern("jobs"),
                (long) options.jobs());
        IPersistentMap r = (IPersistentMap) Histories.call(() -> Clj.fn("trustlab.lin.core", "check")
                .invoke(edn, model.build(), clojure.lang.PersistentArrayMap.create(opts)));
        Result.Stats stats = new Result.Stats(num(r, "configs"), (int) num(r, "partitions"), (int) num(r, "calls"));
        Object valid = r.valAt(VALID);
        if (Boolean.TRUE.equals(valid)) {
            return new Result.Valid(stats);
        }
        if (UNKNOWN.equals(valid)) {
            return new Result.Unknown((String) r.valAt(Keyword.intern("reason")), stats);
        }
        return new Result.Invalid(window((IPersistentMap) r.valAt(Keyword.intern("window"))), stats);
    }

    private static long num(IPersistentMap m, String k) {
        return ((Number) m.valAt(Keyword.intern(k), 0L)).longValue();
    }

    private static Result.Window window(IPersistentMap w) {
        return new Result.Window(w.valAt(Keyword.intern("key")), call(w.valAt(Keyword.intern("stuck"))),
                calls(w.valAt(Keyword.intern("pending"))), (int) num(w, "linearized"),
                calls(w.valAt(Keyword.intern("last-linearized"))),
                java.util.Collections.unmodifiableList(new ArrayList<Object>((List<?>) w.valAt(Keyword.intern("states")))));
    }

    private static List<Result.Call> calls(Object v) {
        List<Result.Call> out = new ArrayList<>();
        for (Object c : (List<?>) v) {
            out.add(call(c));
        }
        return out;
    }

    private static Result.Call call(Object v) {
        IPersistentMap c = (IPersistentMap) v;
        Object completion = c.valAt(Keyword.intern("completion"));
        return new Result.Call(Op.fromEdn((Map<?, ?>) c.valAt(Keyword.intern("invoke"))),
                completion == null ? null : Op.fromEdn((Map<?, ?>) completion),
                ((Number) c.valAt(Keyword.intern("index"))).intValue());
    }
}
