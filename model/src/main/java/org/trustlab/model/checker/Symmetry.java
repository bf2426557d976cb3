package org.trustlab.model.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.model.dsl.Action;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Hashing;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.Sort;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;

/**
 * Symmetry reduction. Runs of the same role with the same parameters are interchangeable: swapping two of them
 * and renaming the fresh values each generated (run i's nonce {@code N#i}) gives a state that satisfies the same
 * properties and has the same futures up to the same renaming. The fingerprint is therefore computed on a
 * canonical representative: within each group of interchangeable runs, runs are sorted by a hash that ignores
 * which member generated a fresh value, and fresh values are renamed after their run's new position.
 *
 * <p>Cheap because run variables only ever hold atoms (patterns bind typed atoms), so renaming is a lookup per
 * variable. Sound whatever the tie-breaking: two states get the same canonical fingerprint only if one is a
 * renaming of the other; ties merely leave some symmetric states apart. Requires guards not to depend on run
 * numbers or fresh-value names, which the DSL gives them no way to do.
 */
final class Symmetry {
    private final int[][] groups;
    private final int[] groupOf;
    /** Per run, the structural hashes of the fresh atoms it generates, by fresh index. */
    private final long[][] freshHashes;
    /**
     * Fresh atom hash -> (owner run << 16 | fresh index), as sorted primitive arrays: the lookup runs for every
     * variable of every state, where a boxed map's {@code Long.equals} took 40% of the checker's time.
     */
    private final long[] freshKeys;
    private final int[] freshOwners;
    private final boolean active;

    Symmetry(Model model) {
        List<Run> runs = model.runs();
        int n = runs.size();
        Map<Run, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byKind.computeIfAbsent(runs.get(i), r -> new ArrayList<>()).add(i);
        }
        groupOf = new int[n];
        List<int[]> gs = new ArrayList<>();
        boolean any = false;
        for (List<Integer> members : byKind.values()) {
            int id = gs.size();
            gs.add(members.stream().mapToInt(Integer::intValue).toArray());
            members.forEach(m -> groupOf[m] = id);
            any |= members.size() > 1;
        }
        groups = gs.toArray(new int[0][]);
        // Renaming looks only at a variable's own value; a message variable holds composite terms with fresh
        // values inside, which it would leave unrenamed, so such models are fingerprinted without reduction.
        boolean messages = runs.stream().map(Run::role).anyMatch(r -> {
            for (int i = 0; i < r.slotCount(); i++) {
                if (r.slotVar(i).sort() == Sort.MSG) {
                    return true;
                }
            }
            return false;
        });
        active = any && !messages;
        freshHashes = new long[n][];
        Map<Long, Integer> owners = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            Role role = runs.get(i).role();
            List<Long> hs = new ArrayList<>();
            for (Action a : role.actions()) {
                if (a instanceof Action.Fresh f) {
                    owners.put(freshAtom(f, i).hash64(), (i << 16) | hs.size());
                    hs.add(freshAtom(f, i).hash64());
                }
            }
            freshHashes[i] = hs.stream().mapToLong(Long::longValue).toArray();
        }
        freshKeys = owners.keySet().stream().mapToLong(Long::longValue).toArray();
        freshOwners = owners.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The owner code of a fresh atom, or -1 for any other value (only nonces and keys are fresh). */
    private int owner(Term v) {
        if (!(v instanceof Nonce || v instanceof SymKey)) {
            return -1;
        }
        int i = Arrays.binarySearch(freshKeys, v.hash64());
        return i < 0 ? -1 : freshOwners[i];
    }

    /** The fresh atom run {@code run} binds at action {@code f}: the name Semantics gives it. */
    static Term freshAtom(Action.Fresh f, int run) {
        String name = f.var().name() + "#" + (run + 1);
        return f.var().sort() == Sort.NONCE ? new Nonce(name) : new SymKey(name);
    }

    long fingerprint(int time, RunState[] runs) {
        if (!active) {
            return State.fingerprint(time, runs);
        }
        if (inOrder(runs)) {
            // Every run stays where it is, so every fresh value keeps its name: the plain fingerprint.
            return State.fingerprint(time, runs);
        }
        int n = runs.length;
        // 1. Order each group by a hash blind to which member generated which fresh value (cached per run
        // state); ties keep the run order. Insertion sort: groups are a handful of runs.
        int[] origAt = new int[n];
        int[] posOf = new int[n];
        long moved = 0;
        for (int[] g : groups) {
            for (int j = 0; j < g.length; j++) {
                int m = g[j];
                long km = runs[m].symmetryKey();
                int k = j;
                while (k > 0 && runs[origAt[g[k - 1]]].symmetryKey() > km) {
                    origAt[g[k]] = origAt[g[k - 1]];
                    k--;
                }
                origAt[g[k]] = m;
            }
            for (int j = 0; j < g.length; j++) {
                posOf[origAt[g[j]]] = g[j];
                if (origAt[g[j]] != g[j]) {
                    moved |= bit(origAt[g[j]]);
                }
            }
        }
        // 2. Hash the runs in their new positions, fresh values renamed after their owner's new position; a run
        // holding no fresh value of a moved run hashes as it is.
        long h = Hashing.mix(time + 0x51L);
        for (int p = 0; p < n; p++) {
            RunState r = runs[origAt[p]];
            h = Hashing.combine(h, (r.freshOwners() & moved) == 0 ? r.hash() : renamedHash(r, posOf));
        }
        return h == 0 ? 1 : h;
    }

    /** Whether every group is already in canonical order (the sort below would move no run). */
    private boolean inOrder(RunState[] runs) {
        for (int[] g : groups) {
            for (int j = 1; j < g.length; j++) {
                if (runs[g[j - 1]].symmetryKey() > runs[g[j]].symmetryKey()) {
                    return false;
                }
            }
        }
        return true;
    }

    private long renamedHash(RunState r, int[] posOf) {
        long rh = Hashing.mix(r.pc() + 1L);
        for (Term v : r.vals()) {
            long vh;
            int owner;
            if (v == null) {
                vh = 0L;
            } else if ((owner = owner(v)) >= 0) {
                vh = freshHashes[posOf[owner >>> 16]][owner & 0xFFFF];
            } else {
                vh = v.hash64();
            }
            rh = Hashing.combine(rh, vh);
        }
        return rh;
    }

    /** A bit per run, all bits from the 64th run on (then such runs count as always moved: only slower). */
    private static long bit(int run) {
        return run < 63 ? 1L << run : -1L;
    }

    /** The runs owning a fresh value among {@code vals}, as {@link #bit} masks. */
    long freshOwners(Term[] vals) {
        if (!active) {
            return 0L;
        }
        long m = 0;
        for (Term v : vals) {
            int owner = v == null ? -1 : owner(v);
            if (owner >= 0) {
                m |= bit(owner >>> 16);
            }
        }
        return m;
    }

    /** The sort key of run {@code run}'s state: blind to which member of a group generated a fresh value. */
    long abstractHash(int run, int pc, Term[] vals) {
        if (!active) {
            return 0L;
        }
        long h = Hashing.mix(pc + 1L);
        for (Term v : vals) {
            long vh;
            int owner;
            if (v == null) {
                vh = 0L;
            } else if ((owner = owner(v)) >= 0) {
                int o = owner >>> 16;
                // Own fresh value, or a fresh value of a run in group g: not which member of g.
                vh = Hashing.tagged(99, owner & 0xFFFF, o == run ? -1 : groupOf[o]);
            } else {
                vh = v.hash64();
            }
            h = Hashing.combine(h, vh);
        }
        return h;
    }
}
