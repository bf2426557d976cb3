package org.trustlab.model.attacker;

import java.util.function.ToIntFunction;
import org.trustlab.model.term.AEnc;
import org.trustlab.model.term.Hash;
import org.trustlab.model.term.Hashing;
import org.trustlab.model.term.Mac;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.PublicKey;
import org.trustlab.model.term.SEnc;
import org.trustlab.model.term.SharedKey;
import org.trustlab.model.term.Sign;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Tuple;
import org.trustlab.model.term.Var;

/**
 * A term with variables, compiled for matching: each variable is a slot in a run's environment
 * ({@code Term[]}), each node knows which slots occur below it (a bit mask), so a node whose variables are all
 * bound is checked once as a ground term. Up to 64 variables per role.
 */
public final class Pattern {
    public enum Kind { GROUND, VAR, PK, SK, SHARED, SIGN, AENC, SENC, HASH, MAC, TUPLE }

    private final Kind kind;
    private final Term term;
    private final Var var;
    private final int slot;
    private final Pattern[] kids;
    private final long mask;

    private Pattern(Kind kind, Term term, Var var, int slot, Pattern[] kids) {
        this.kind = kind;
        this.term = term;
        this.var = var;
        this.slot = slot;
        this.kids = kids;
        long m = slot >= 0 ? 1L << slot : 0L;
        for (Pattern k : kids) {
            m |= k.mask;
        }
        this.mask = m;
    }

    public static Pattern compile(Term t, ToIntFunction<Var> slotOf) {
        if (t.ground()) {
            return new Pattern(Kind.GROUND, t, null, -1, new Pattern[0]);
        }
        if (t instanceof Var v) {
            int slot = slotOf.applyAsInt(v);
            if (slot < 0 || slot >= 64) {
                throw new IllegalArgumentException("variable slot out of range: " + v);
            }
            return new Pattern(Kind.VAR, t, v, slot, new Pattern[0]);
        }
        if (t instanceof PublicKey k) {
            return node(Kind.PK, t, slotOf, k.owner());
        }
        if (t instanceof PrivateKey k) {
            return node(Kind.SK, t, slotOf, k.owner());
        }
        if (t instanceof SharedKey k) {
            return node(Kind.SHARED, t, slotOf, k.first(), k.second());
        }
        if (t instanceof Sign s) {
            return node(Kind.SIGN, t, slotOf, s.key(), s.body());
        }
        if (t instanceof AEnc e) {
            return node(Kind.AENC, t, slotOf, e.key(), e.body());
        }
        if (t instanceof SEnc e) {
            return node(Kind.SENC, t, slotOf, e.key(), e.body());
        }
        if (t instanceof Mac m) {
            return node(Kind.MAC, t, slotOf, m.key(), m.body());
        }
        if (t instanceof Hash h) {
            return node(Kind.HASH, t, slotOf, h.body());
        }
        if (t instanceof Tuple tu) {
            return node(Kind.TUPLE, t, slotOf, tu.items().toArray(new Term[0]));
        }
        throw new IllegalArgumentException("cannot compile " + t);
    }

    private static Pattern node(Kind kind, Term t, ToIntFunction<Var> slotOf, Term... parts) {
        Pattern[] kids = new Pattern[parts.length];
        for (int i = 0; i < parts.length; i++) {
            kids[i] = compile(parts[i], slotOf);
        }
        return new Pattern(kind, t, null, -1, kids);
    }

    public Kind kind() {
        return kind;
    }

    /** The source term (with its variables). */
    public Term term() {
        return term;
    }

    public Var var() {
        return var;
    }

    public int slot() {
        return slot;
    }

    public int arity() {
        return kids.length;
    }

    public Pattern kid(int i) {
        return kids[i];
    }

    /** Slots of the variables that occur in this pattern. */
    public long mask() {
        return mask;
    }

    /** The ground term this pattern denotes under {@code env}; every variable in it must be bound. */
    public Term instantiate(Term[] env) {
        switch (kind) {
            case GROUND:
                return term;
            case VAR: {
                Term v = env[slot];
                if (v == null) {
                    throw new IllegalStateException("unbound variable " + var);
                }
                return v;
            }
            case PK:
                return new PublicKey(kids[0].instantiate(env));
            case SK:
                return new PrivateKey(kids[0].instantiate(env));
            case SHARED:
                return new SharedKey(kids[0].instantiate(env), kids[1].instantiate(env));
            case SIGN:
                return new Sign(kids[0].instantiate(env), kids[1].instantiate(env));
            case AENC:
                return new AEnc(kids[0].instantiate(env), kids[1].instantiate(env));
            case SENC:
                return new SEnc(kids[0].instantiate(env), kids[1].instantiate(env));
            case MAC:
                return new Mac(kids[0].instantiate(env), kids[1].instantiate(env));
            case HASH:
                return new Hash(kids[0].instantiate(env));
            case TUPLE: {
                Term[] items = new Term[kids.length];
                for (int i = 0; i < items.length; i++) {
                    items[i] = kids[i].instantiate(env);
                }
                return Tuple.owning(items);
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** The hash of {@link #instantiate(Term[])}'s result, computed without building it. */
    public long hashUnder(Term[] env) {
        switch (kind) {
            case GROUND:
                return term.hash64();
            case VAR:
                return env[slot].hash64();
            case PK:
                return Hashing.tagged(Hashing.PUBLIC_KEY, kids[0].hashUnder(env));
            case SK:
                return Hashing.tagged(Hashing.PRIVATE_KEY, kids[0].hashUnder(env));
            case SHARED:
                return Hashing.tagged(Hashing.SHARED_KEY, kids[0].hashUnder(env), kids[1].hashUnder(env));
            case SIGN:
                return Hashing.tagged(Hashing.SIGN, kids[0].hashUnder(env), kids[1].hashUnder(env));
            case AENC:
                return Hashing.tagged(Hashing.AENC, kids[0].hashUnder(env), kids[1].hashUnder(env));
            case SENC:
                return Hashing.tagged(Hashing.SENC, kids[0].hashUnder(env), kids[1].hashUnder(env));
            case MAC:
                return Hashing.tagged(Hashing.MAC, kids[0].hashUnder(env), kids[1].hashUnder(env));
            case HASH:
                return Hashing.tagged(Hashing.HASH, kids[0].hashUnder(env));
            case TUPLE: {
                long h = Hashing.seed(Hashing.TUPLE);
                for (Pattern k : kids) {
                    h = Hashing.combine(h, k.hashUnder(env));
                }
                return h;
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Syntactic matching of this pattern against a ground term, binding unbound variables in {@code env} (which
     * the caller owns). At most one way to match, since the term is ground. False leaves {@code env} partly
     * written; callers pass a scratch copy.
     */
    public boolean unify(Term t, Term[] env) {
        switch (kind) {
            case GROUND:
                return term.equals(t);
            case VAR: {
                Term v = env[slot];
                if (v != null) {
                    return v.equals(t);
                }
                if (!var.admits(t)) {
                    return false;
                }
                env[slot] = t;
                return true;
            }
            case PK:
                return t instanceof PublicKey k && kids[0].unify(k.owner(), env);
            case SK:
                return t instanceof PrivateKey k && kids[0].unify(k.owner(), env);
            case SHARED:
                return t instanceof SharedKey k && kids[0].unify(k.first(), env) && kids[1].unify(k.second(), env);
            case SIGN:
                return t instanceof Sign s && kids[0].unify(s.key(), env) && kids[1].unify(s.body(), env);
            case AENC:
                return t instanceof AEnc e && kids[0].unify(e.key(), env) && kids[1].unify(e.body(), env);
            case SENC:
                return t instanceof SEnc e && kids[0].unify(e.key(), env) && kids[1].unify(e.body(), env);
            case MAC:
                return t instanceof Mac m && kids[0].unify(m.key(), env) && kids[1].unify(m.body(), env);
            case HASH:
                return t instanceof Hash h && kids[0].unify(h.body(), env);
            case TUPLE: {
                if (!(t instanceof Tuple tu) || tu.arity() != kids.length) {
                    return false;
                }
                for (int i = 0; i < kids.length; i++) {
                    if (!kids[i].unify(tu.get(i), env)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    @Override
    public String toString() {
        return term.toString();
    }
}
