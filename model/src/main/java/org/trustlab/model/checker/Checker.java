package org.trustlab.model.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;

/**
 * Explicit-state breadth-first model checker. Level-synchronous: the states of one BFS level are cut into
 * chunks that the workers expand in parallel (reading the visited set, which nobody writes meanwhile); then
 * one thread merges the chunks' new states in chunk order into the visited set and the next level. That merge
 * order is the sequential BFS order, so the distinct states, their numbering and every counterexample are the
 * same for any number of threads.
 *
 * <p>Each state gets an index in discovery order; the trail stores, per index, its parent's index and which
 * successor of the parent it was. A counterexample is rebuilt by replaying those ordinals from the initial state,
 * so no state beyond the current level is kept. BFS makes every counterexample a shortest one, and among those
 * of that length the first in this deterministic order.
 */
public final class Checker {
    private static final int ORDINAL_BITS = 23;
    private static final long ORDINAL_MASK = (1L << ORDINAL_BITS) - 1;

    private final Model model;
    private final CheckOptions options;
    private final Semantics semantics;
    private final PropertyCheck propertyCheck;
    private final List<Property> properties;

    public Checker(Model model, CheckOptions options) {
        this(new Semantics(model), options);
    }

    Checker(Semantics semantics, CheckOptions options) {
        Model model = semantics.model();
        this.model = model;
        this.options = options;
        this.semantics = semantics;
        this.propertyCheck = new PropertyCheck(model);
        this.properties = model.properties();
    }

    public static CheckResult check(Model model, CheckOptions options) {
        return new Checker(model, options).run();
    }

    public CheckResult run() {
        ExecutorService pool = options.threads() > 1
                ? Executors.newFixedThreadPool(options.threads(), r -> {
                    Thread t = new Thread(r, "trustlab-checker");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        try {
            return search(pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private CheckResult search(ExecutorService pool) {
        State init = semantics.initial();
        FingerprintSet visited = new FingerprintSet(64);
        LongList trail = new LongList();
        visited.add(init.fingerprint());
        trail.add(-1);
        Found[] found = new Found[properties.size()];
        int[] reachedAt = new int[properties.size()];
        Arrays.fill(reachedAt, -1);
        Interner interner = semantics.interner();
        int runCount = init.runCount();
        PackedStates frontier = new PackedStates(runCount, 1);
        frontier.add(init);
        long base = 0;
        long explored = 1;
        int depth = 0;
        String limit = null;
        while (frontier.size() > 0) {
            if (options.maxDepth() > 0 && depth >= options.maxDepth()) {
                limit = "depth";
                break;
            }
            if (options.maxStates() > 0 && visited.size() >= options.maxStates()) {
                limit = "states";
                break;
            }
            String stop = stopReason();
            if (stop != null) {
                limit = stop;
                break;
            }
            boolean[] settled = new boolean[found.length];
            for (int p = 0; p < found.length; p++) {
                settled[p] = found[p] != null || reachedAt[p] >= 0;
            }
            Chunk[] chunks = expand(frontier, base, visited, settled, pool, interner);
            if (chunks == null) {
                // Cancelled or out of memory in the middle of a level: the level is dropped, what was reached
                // before it stands.
                String why = stopReason();
                limit = why == null ? "cancelled" : why;
                break;
            }
            int candidates = 0;
            for (Chunk c : chunks) {
                candidates += c.states.size();
            }
            PackedStates next = new PackedStates(runCount, candidates);
            boolean full = false;
            for (Chunk c : chunks) {
                explored += c.generated;
                for (Found f : c.found) {
                    if (properties.get(f.property) instanceof Property.Reachable) {
                        if (reachedAt[f.property] < 0) {
                            reachedAt[f.property] = depth + 1;
                        }
                    } else if (found[f.property] == null) {
                        found[f.property] = f;
                    }
                }
                for (int i = 0; i < c.states.size() && !full; i++) {
                    if (visited.add(c.states.fingerprint(i))) {
                        trail.add(c.links.get(i));
                        next.add(c.states, i);
                        // The state limit also bounds memory, so it holds within a level too.
                        full = options.maxStates() > 0 && visited.size() >= options.maxStates();
                    }
                }
            }
            if (full) {
                limit = "states";
            }
            base += frontier.size();
            frontier = next;
            if (next.size() > 0) {
                depth++;
            }
            if (full) {
                break;
            }
            if (stopNow(found) && frontier.size() > 0) {
                limit = "failure";
                break;
            }
        }
        boolean cut = limit != null;
        List<PropertyResult> results = new ArrayList<>();
        for (int p = 0; p < properties.size(); p++) {
            Property prop = properties.get(p);
            if (prop instanceof Property.Reachable) {
                results.add(reachedAt[p] >= 0
                        ? PropertyResult.reached(prop.name(), prop.statement(), reachedAt[p])
                        : PropertyResult.unreached(prop.name(), prop.statement(), cut
                                ? "no honest " + ((Property.Reachable) prop).label() + " commit within the "
                                        + depth + " levels searched"
                                : "no honest " + ((Property.Reachable) prop).label() + " commit in the whole "
                                        + "state space: the model never completes"));
                continue;
            }
            Counterexample cx = found[p] == null ? null : counterexample(prop, found[p], trail);
            PropertyResult pr = new PropertyResult(prop.name(), prop.statement(), cx == null, cx);
            String finding = model.finding(prop.name());
            results.add(cx != null && finding != null ? pr.asFinding(finding) : pr);
        }
        return new CheckResult(model.name(), explored, visited.size(), depth, !cut, results, visited.bytes(),
                trail.bytes(), limit);
    }

    /** {@code cancelled} or {@code memory} when the search must end now, else null. */
    private String stopReason() {
        if (options.cancelled().getAsBoolean()) {
            return "cancelled";
        }
        if (options.maxHeapShare() > 0) {
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used > options.maxHeapShare() * rt.maxMemory()) {
                return "memory";
            }
        }
        return null;
    }

    private boolean stopNow(Found[] found) {
        if (options.stopWhenFailed().isEmpty()) {
            return false;
        }
        boolean any = false;
        boolean allNamed = true;
        for (String name : options.stopWhenFailed()) {
            if (!name.equals(CheckOptions.ANY) && properties.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(model.name() + " has no property " + name);
            }
        }
        for (int p = 0; p < found.length; p++) {
            any |= found[p] != null;
            if (found[p] == null && options.stopWhenFailed().contains(properties.get(p).name())) {
                allNamed = false;
            }
        }
        return options.stopWhenFailed().contains(CheckOptions.ANY) ? any : allNamed;
    }

    private Chunk[] expand(PackedStates frontier, long base, FingerprintSet visited, boolean[] settled,
            ExecutorService pool, Interner interner) {
        int workers = pool == null ? 1 : options.threads();
        int chunkSize = Math.max(16, Math.min(1024, frontier.size() / (workers * 8) + 1));
        int n = (frontier.size() + chunkSize - 1) / chunkSize;
        Chunk[] chunks = new Chunk[n];
        AtomicInteger nextChunk = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable worker = () -> {
            int c;
            while ((c = nextChunk.getAndIncrement()) < n) {
                if (abandoned.get() || (c % 8 == 7 && stopReason() != null)) {
                    abandoned.set(true);
                    return;
                }
                int from = c * chunkSize;
                int to = Math.min(frontier.size(), from + chunkSize);
                chunks[c] = expandChunk(frontier, from, to, base, visited, settled, interner);
            }
        };
        if (pool == null || n == 1) {
            worker.run();
            return abandoned.get() ? null : chunks;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            fs.add(pool.submit(worker));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("model check interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        return abandoned.get() ? null : chunks;
    }

    private Chunk expandChunk(PackedStates frontier, int from, int to, long base, FingerprintSet visited,
            boolean[] settled, Interner interner) {
        Chunk chunk = new Chunk(semantics.model().runs().size(), to - from);
        Expansion x = new Expansion(chunk, visited, settled);
        for (int i = from; i < to; i++) {
            x.parentState = frontier.get(i, interner);
            x.parent = base + i;
            x.ordinal = 0;
            semantics.successors(x.parentState, x);
        }
        return chunk;
    }

    /** Judges the successors of one state after another, in order, into a chunk (one per chunk, not per state). */
    private final class Expansion implements java.util.function.Consumer<Successor> {
        private final Chunk chunk;
        private final FingerprintSet visited;
        private final boolean[] settled;
        State parentState;
        long parent;
        int ordinal;

        Expansion(Chunk chunk, FingerprintSet visited, boolean[] settled) {
            this.chunk = chunk;
            this.visited = visited;
            this.settled = settled;
        }

        @Override
        public void accept(Successor succ) {
            int ord = ordinal++;
            chunk.generated++;
            boolean newState = !visited.contains(succ.fingerprint());
            if (!newState && !succ.emitted()) {
                return;
            }
            for (int p = 0; p < properties.size(); p++) {
                if (settled[p] || chunk.failed(p)) {
                    continue;
                }
                if (properties.get(p) instanceof Property.Reachable r) {
                    if (propertyCheck.reaches(r, succ)) {
                        chunk.add(new Found(p, parent, ord, null));
                    }
                    continue;
                }
                String v = propertyCheck.violation(properties.get(p), parentState, succ, newState);
                if (v != null) {
                    chunk.add(new Found(p, parent, ord, v));
                }
            }
            if (newState) {
                chunk.states.add(succ.state());
                chunk.links.add(link(parent, ord));
            }
        }
    }

    private static long link(long parent, int ordinal) {
        if (ordinal > ORDINAL_MASK) {
            throw new IllegalStateException("more than " + ORDINAL_MASK + " successors of one state");
        }
        return (parent << ORDINAL_BITS) | ordinal;
    }

    private Counterexample counterexample(Property prop, Found f, LongList trail) {
        List<Integer> ordinals = new ArrayList<>();
        ordinals.add(f.ordinal);
        for (long idx = f.parent; idx != 0; ) {
            long l = trail.get(idx);
            ordinals.add((int) (l & ORDINAL_MASK));
            idx = l >>> ORDINAL_BITS;
        }
        java.util.Collections.reverse(ordinals);
        StepWriter w = new StepWriter(semantics);
        State s = semantics.initial();
        for (int ord : ordinals) {
            Successor succ = semantics.successors(s).get(ord);
            w.write(s, succ);
            s = succ.state();
        }
        return new Counterexample(prop.name(), f.violation, ordinals.size(), w.steps());
    }

    /** A violation found while expanding: property index, the transition (parent index, ordinal), the message. */
    private record Found(int property, long parent, int ordinal, String violation) {
    }

    /** The output of expanding one chunk of a level. */
    private final class Chunk {
        long generated;
        final PackedStates states;
        final LongList links = new LongList();
        final List<Found> found = new ArrayList<>();
        private final boolean[] failed = new boolean[properties.size()];

        /** For the states of {@code runs} runs grown from {@code parents} states. */
        Chunk(int runs, int parents) {
            states = new PackedStates(runs, parents);
        }

        /** A chunk keeps only its first violation per property: later ones cannot be shorter. */
        boolean failed(int p) {
            return failed[p];
        }

        void add(Found f) {
            failed[f.property] = true;
            found.add(f);
        }
    }

    /** A growable long array. */
    static final class LongList {
        private long[] a = new long[256];
        private int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size + (size >> 1));
            }
            a[size++] = v;
        }

        long get(long i) {
            return a[(int) i];
        }

        int size() {
            return size;
        }

        long bytes() {
            return (long) a.length * Long.BYTES;
        }
    }
}
