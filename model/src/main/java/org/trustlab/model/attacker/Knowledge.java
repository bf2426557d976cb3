package org.trustlab.model.attacker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.trustlab.model.term.AEnc;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Hash;
import org.trustlab.model.term.Keyed;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.PublicKey;
import org.trustlab.model.term.SEnc;
import org.trustlab.model.term.SharedKey;
import org.trustlab.model.term.Sign;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Tuple;
import org.trustlab.model.term.Var;

/**
 * What the Dolev-Yao attacker knows, kept closed under analysis: tuples are split, ciphertexts whose key is
 * derivable are opened, signatures give up their bodies. What is stored are the analysed terms the attacker
 * cannot rebuild from smaller parts by itself — secret atoms (nonces, symmetric and private keys) and opaque
 * constructions (ciphertexts it cannot open, signatures, hashes, MACs). Tuples are never stored: a tuple is
 * derivable exactly when its fields are.
 *
 * <p>{@link #derives(Term)} is synthesis: a term is derivable when it is public, stored, or built by a
 * constructor the attacker can apply to derivable arguments (composition over the analysed set, one recursive
 * pass, no enumeration). Immutable: {@link #learn(Term)} returns a new set, so states can share knowledge.
 * Terms are held sorted by structural hash, which fixes every iteration order independently of thread timing.
 */
public final class Knowledge {
    private static final Knowledge EMPTY = new Knowledge(new Term[0], new long[0]);

    private final Term[] terms;
    private final long[] hashes;
    /** {@link #hashCode()}, computed on first use (0: not yet; a race computes the same value twice). */
    private int hashCode;

    private Knowledge(Term[] terms, long[] hashes) {
        this.terms = terms;
        this.hashes = hashes;
    }

    public static Knowledge empty() {
        return EMPTY;
    }

    public static Knowledge of(List<? extends Term> initial) {
        return EMPTY.learnAll(initial);
    }

    public int size() {
        return terms.length;
    }

    public Term term(int i) {
        return terms[i];
    }

    /** The stored terms, in structural-hash order. */
    public List<Term> terms() {
        return Collections.unmodifiableList(Arrays.asList(terms));
    }

    public boolean contains(Term t) {
        return indexOf(terms, hashes, terms.length, t) >= 0;
    }

    /** Can the attacker produce {@code t} (ground) from what it knows? */
    public boolean derives(Term t) {
        return derives(terms, hashes, terms.length, t);
    }

    /**
     * {@link #derives(Term)} of {@code p} instantiated under {@code env} (all its variables bound), without
     * building the instance: the matcher asks this for every candidate delivery.
     */
    public boolean derives(Pattern p, Term[] env) {
        switch (p.kind()) {
            case GROUND:
                return derives(p.term());
            case VAR:
                return derives(env[p.slot()]);
            case PK:
                return true;
            case SK:
            case SHARED:
                return containsInstance(p, env);
            case TUPLE:
                for (int i = 0; i < p.arity(); i++) {
                    if (!derives(p.kid(i), env)) {
                        return false;
                    }
                }
                return true;
            case HASH:
                return containsInstance(p, env) || derives(p.kid(0), env);
            default:
                // SIGN, AENC, SENC, MAC: stored, or built from a derivable key and body.
                return containsInstance(p, env) || (derives(p.kid(0), env) && derives(p.kid(1), env));
        }
    }

    /**
     * Whether the attacker can build {@code t} by applying its top constructor to derivable arguments (as
     * opposed to only having it stored). Atoms are never built.
     */
    public boolean composes(Term t) {
        if (t instanceof Hash h) {
            return derives(h.body());
        }
        if (t instanceof Keyed k) {
            return derives(k.key()) && derives(k.body());
        }
        if (t instanceof Tuple || t instanceof PublicKey) {
            return derives(t);
        }
        return false;
    }

    private boolean containsInstance(Pattern p, Term[] env) {
        long h = p.hashUnder(env);
        int i = Arrays.binarySearch(hashes, h);
        if (i < 0) {
            return false;
        }
        while (i > 0 && hashes[i - 1] == h) {
            i--;
        }
        for (; i < hashes.length && hashes[i] == h; i++) {
            // Every variable of p is bound, so unify only compares.
            if (p.unify(terms[i], env)) {
                return true;
            }
        }
        return false;
    }

    /** The attacker observes {@code m}; returns this set when nothing new is learned. */
    public Knowledge learn(Term m) {
        if (derives(m)) {
            return this;
        }
        Builder b = new Builder(this);
        b.learn(m);
        return b.build();
    }

    public Knowledge learnAll(List<? extends Term> ms) {
        Builder b = null;
        for (Term m : ms) {
            if (b == null) {
                if (derives(m)) {
                    continue;
                }
                b = new Builder(this);
            }
            b.learn(m);
        }
        return b == null ? this : b.build();
    }

    /** Equal sets of stored terms (the checker shares one instance among the states that hold equal sets). */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Knowledge k && Arrays.equals(k.hashes, hashes) && Arrays.equals(k.terms, terms));
    }

    @Override
    public int hashCode() {
        int h = hashCode;
        if (h == 0) {
            h = Arrays.hashCode(hashes) | 1;
            hashCode = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(terms);
    }

    static boolean derives(Term[] terms, long[] hashes, int size, Term t) {
        if (t instanceof Agent || t instanceof Name || t instanceof Timestamp || t instanceof PublicKey) {
            return true;
        }
        if (t instanceof Nonce || t instanceof SymKey || t instanceof PrivateKey || t instanceof SharedKey) {
            return indexOf(terms, hashes, size, t) >= 0;
        }
        if (t instanceof Tuple tu) {
            for (int i = 0; i < tu.arity(); i++) {
                if (!derives(terms, hashes, size, tu.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (t instanceof Var) {
            throw new IllegalArgumentException("derivability of a pattern with variables: " + t);
        }
        if (indexOf(terms, hashes, size, t) >= 0) {
            return true;
        }
        if (t instanceof Hash h) {
            return derives(terms, hashes, size, h.body());
        }
        if (t instanceof Keyed k) {
            // Sign, AEnc, SEnc, Mac: built from a derivable key and body.
            return derives(terms, hashes, size, k.key()) && derives(terms, hashes, size, k.body());
        }
        throw new IllegalStateException("unknown term " + t);
    }

    static int indexOf(Term[] terms, long[] hashes, int size, Term t) {
        long h = t.hash64();
        int i = Arrays.binarySearch(hashes, 0, size, h);
        if (i < 0) {
            return -1;
        }
        while (i > 0 && hashes[i - 1] == h) {
            i--;
        }
        for (; i < size && hashes[i] == h; i++) {
            if (terms[i].equals(t)) {
                return i;
            }
        }
        return -1;
    }

    /** Mutable working copy used while one observation is analysed. */
    private static final class Builder {
        private Term[] terms;
        private long[] hashes;
        private int size;
        private final ArrayDeque<Term> work = new ArrayDeque<>();

        Builder(Knowledge from) {
            int n = from.terms.length;
            terms = Arrays.copyOf(from.terms, n + 8);
            hashes = Arrays.copyOf(from.hashes, n + 8);
            size = n;
        }

        void learn(Term m) {
            work.push(m);
            while (!work.isEmpty()) {
                Term t = work.pop();
                if (derives(terms, hashes, size, t)) {
                    continue;
                }
                if (t instanceof Tuple tu) {
                    for (int i = tu.arity() - 1; i >= 0; i--) {
                        work.push(tu.get(i));
                    }
                } else if (t instanceof Sign s) {
                    insert(t);
                    work.push(s.body());
                } else if (t instanceof AEnc || t instanceof SEnc) {
                    // An openable ciphertext is rebuilt from its body whenever needed, so only its body is kept.
                    if (opens(t)) {
                        work.push(body(t));
                    } else {
                        insert(t);
                    }
                } else {
                    // Nonces, symmetric, shared and private keys, hashes, MACs: stored as they are. A new key may open
                    // ciphertexts stored earlier.
                    insert(t);
                    if (t instanceof SymKey || t instanceof PrivateKey || t instanceof SharedKey) {
                        reopen();
                    }
                }
            }
        }

        private void reopen() {
            List<Term> bodies = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Term c = terms[i];
                if ((c instanceof AEnc || c instanceof SEnc) && opens(c)
                        && !derives(terms, hashes, size, body(c))) {
                    bodies.add(body(c));
                }
            }
            bodies.forEach(work::push);
        }

        private boolean opens(Term c) {
            if (c instanceof AEnc e) {
                return e.key() instanceof PublicKey pk && derives(terms, hashes, size, new PrivateKey(pk.owner()));
            }
            return derives(terms, hashes, size, ((SEnc) c).key());
        }

        private static Term body(Term c) {
            return c instanceof AEnc e ? e.body() : ((SEnc) c).body();
        }

        private void insert(Term t) {
            long h = t.hash64();
            int i = Arrays.binarySearch(hashes, 0, size, h);
            int at = i < 0 ? -i - 1 : i;
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2 + 4);
                hashes = Arrays.copyOf(hashes, size * 2 + 4);
            }
            System.arraycopy(terms, at, terms, at + 1, size - at);
            System.arraycopy(hashes, at, hashes, at + 1, size - at);
            terms[at] = t;
            hashes[at] = h;
            size++;
        }

        Knowledge build() {
            return new Knowledge(Arrays.copyOf(terms, size), Arrays.copyOf(hashes, size));
        }
    }
}
