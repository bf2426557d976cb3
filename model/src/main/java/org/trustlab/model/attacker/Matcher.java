package org.trustlab.model.attacker;

import java.util.List;
import org.trustlab.model.term.AEnc;
import org.trustlab.model.term.Hash;
import org.trustlab.model.term.Mac;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.SEnc;
import org.trustlab.model.term.SharedKey;
import org.trustlab.model.term.Sort;
import org.trustlab.model.term.Sign;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * The attacker's choice of what to deliver to a waiting role: every substitution of the pattern's unbound
 * variables under which the instantiated pattern is derivable from the attacker's knowledge.
 *
 * <p>Branching stays finite without enumerating messages: a composite pattern is either built by the attacker
 * (each argument matched in turn, which needs the constructor's key to be derivable) or is a stored opaque term
 * the attacker replays (syntactic matching); a lone variable ranges over the model's universe for public sorts
 * (agents, names, times) and over the learned atoms of its sort for secret ones (nonces, keys; a message variable
 * over every stored term and {@link #JUNK}). Together the two
 * cases cover every derivable instance, because a derivable term is either stored or composed from derivable
 * arguments. They are also disjoint — a stored term is replayed only when the attacker could not build it — so
 * no substitution is produced twice.
 */
public final class Matcher {
    /** Values of public-sort variables: the model's agents, names of a kind, timestamps. */
    public interface Universe {
        List<? extends Term> values(Var v);
    }

    /** Receives one substitution; {@code env} must not be modified by the receiver. */
    public interface Sink {
        void accept(Term[] env, long bound);
    }

    /**
     * Prunes partial substitutions early: called whenever variables get bound ({@code before} and {@code after}
     * are the bound-slot masks), false drops the branch. The receiving role's checks on what it received, so
     * that a delivery it will refuse anyway is not completed.
     */
    public interface Filter {
        boolean admits(Term[] env, long before, long after);

        Filter NONE = (env, before, after) -> true;
    }

    /**
     * What a message variable ({@link Sort#MSG}) binds besides the stored terms: a public value standing for any
     * message the attacker composes. A forwarding role does not look inside what it forwards and every send goes
     * to the attacker, so the attacker gains nothing from choosing among composed messages there; it can deliver
     * any of them directly to whoever would open the forwarded copy. Bounded this way, message variables keep the
     * branching finite.
     */
    public static final Term JUNK = new org.trustlab.model.term.Name("msg", "junk");

    private static final java.util.Map<Pattern.Kind, Class<? extends Term>> STORED = java.util.Map.of(
            Pattern.Kind.SIGN, Sign.class, Pattern.Kind.AENC, AEnc.class, Pattern.Kind.SENC, SEnc.class,
            Pattern.Kind.MAC, Mac.class, Pattern.Kind.HASH, Hash.class);

    private final Knowledge knowledge;
    private final Universe universe;
    private final Filter filter;

    public Matcher(Knowledge knowledge, Universe universe) {
        this(knowledge, universe, Filter.NONE);
    }

    public Matcher(Knowledge knowledge, Universe universe, Filter filter) {
        this.knowledge = knowledge;
        this.universe = universe;
        this.filter = filter;
    }

    /** Every way to make {@code p} derivable by binding its unbound variables; {@code bound} marks bound slots. */
    public void match(Pattern p, Term[] env, long bound, Sink sink) {
        if ((p.mask() & ~bound) == 0) {
            if (knowledge.derives(p, env)) {
                sink.accept(env, bound);
            }
            return;
        }
        switch (p.kind()) {
            case VAR:
                bindVar(p, env, bound, sink);
                return;
            case SK:
                // Private keys are not built, only learned.
                replayStored(p, env, bound, sink, PrivateKey.class);
                return;
            case SHARED:
                // Nor are long-term shared keys.
                replayStored(p, env, bound, sink, SharedKey.class);
                return;
            case PK:
            case TUPLE:
                // Public functions the attacker applies itself; never stored.
                matchSeq(p, 0, env, bound, sink);
                return;
            case SIGN:
            case AENC:
            case SENC:
            case MAC:
            case HASH:
                // Built by the attacker, or one it has seen replayed.
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, STORED.get(p.kind()));
                return;
            default:
                throw new IllegalStateException(p.kind().name());
        }
    }

    private void bindVar(Pattern p, Term[] env, long bound, Sink sink) {
        Var v = p.var();
        long bit = 1L << p.slot();
        if (v.sort().isPublic()) {
            List<? extends Term> values = universe.values(v);
            for (int i = 0; i < values.size(); i++) {
                Term c = values.get(i);
                Term[] e = env.clone();
                e[p.slot()] = c;
                if (filter.admits(e, bound, bound | bit)) {
                    sink.accept(e, bound | bit);
                }
            }
            return;
        }
        for (int i = 0; i < knowledge.size(); i++) {
            Term c = knowledge.term(i);
            if (v.admits(c)) {
                Term[] e = env.clone();
                e[p.slot()] = c;
                if (filter.admits(e, bound, bound | bit)) {
                    sink.accept(e, bound | bit);
                }
            }
        }
        if (v.sort() == Sort.MSG) {
            // A forwarded message also may be junk the attacker made up.
            Term[] e = env.clone();
            e[p.slot()] = JUNK;
            if (filter.admits(e, bound, bound | bit)) {
                sink.accept(e, bound | bit);
            }
        }
    }

    private void matchSeq(Pattern p, int i, Term[] env, long bound, Sink sink) {
        matchArgs(p, 0L, env, bound, sink);
    }

    /**
     * Matches the arguments not yet in {@code done}, most constraining first: arguments already fully bound (a
     * derivability check), then cryptographic ones (a signature or ciphertext binds its variables from the few
     * stored terms that unify), then tuples, then lone variables and public keys (which enumerate a universe).
     * Only the order of the search changes, not the set of substitutions found.
     */
    private void matchArgs(Pattern p, long done, Term[] env, long bound, Sink sink) {
        int pick = -1;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < p.arity(); i++) {
            if ((done & (1L << i)) != 0) {
                continue;
            }
            Pattern k = p.kid(i);
            int rank = rank(k, bound);
            if (rank < best) {
                best = rank;
                pick = i;
                if (rank == 0) {
                    break;
                }
            }
        }
        if (pick < 0) {
            sink.accept(env, bound);
            return;
        }
        long nowDone = done | (1L << pick);
        match(p.kid(pick), env, bound, (e, b) -> matchArgs(p, nowDone, e, b, sink));
    }

    private static int rank(Pattern k, long bound) {
        if ((k.mask() & ~bound) == 0) {
            return 0;
        }
        switch (k.kind()) {
            case VAR:
            case PK:
                return 3;
            case TUPLE:
                return 2;
            default:
                return 1;
        }
    }

    private void replayStored(Pattern p, Term[] env, long bound, Sink sink, Class<? extends Term> type) {
        for (int i = 0; i < knowledge.size(); i++) {
            Term t = knowledge.term(i);
            if (type.isInstance(t) && !knowledge.composes(t)) {
                Term[] e = env.clone();
                if (p.unify(t, e) && filter.admits(e, bound, bound | p.mask())) {
                    sink.accept(e, bound | p.mask());
                }
            }
        }
    }
}
