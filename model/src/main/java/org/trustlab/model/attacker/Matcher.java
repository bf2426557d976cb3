package org.trustlab.model.attacker;

import java.util.List;
import org.trustlab.model.term.AEnc;
import org.trustlab.model.term.Hash;
import org.trustlab.model.term.Mac;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.SEnc;
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
 * (agents, names, times) and over the learned atoms of its sort for secret ones (nonces, keys). Together the two
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

    private final Knowledge knowledge;
    private final Universe universe;

    public Matcher(Knowledge knowledge, Universe universe) {
        this.knowledge = knowledge;
        this.universe = universe;
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
            case PK:
            case TUPLE:
                // Public functions the attacker applies itself; never stored.
                matchSeq(p, 0, env, bound, sink);
                return;
            case SIGN:
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, Sign.class);
                return;
            case AENC:
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, AEnc.class);
                return;
            case SENC:
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, SEnc.class);
                return;
            case MAC:
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, Mac.class);
                return;
            case HASH:
                matchSeq(p, 0, env, bound, sink);
                replayStored(p, env, bound, sink, Hash.class);
                return;
            default:
                throw new IllegalStateException(p.kind().name());
        }
    }

    private void bindVar(Pattern p, Term[] env, long bound, Sink sink) {
        Var v = p.var();
        long bit = 1L << p.slot();
        if (v.sort().isPublic()) {
            for (Term c : universe.values(v)) {
                Term[] e = env.clone();
                e[p.slot()] = c;
                sink.accept(e, bound | bit);
            }
            return;
        }
        for (int i = 0; i < knowledge.size(); i++) {
            Term c = knowledge.term(i);
            if (v.admits(c)) {
                Term[] e = env.clone();
                e[p.slot()] = c;
                sink.accept(e, bound | bit);
            }
        }
    }

    private void matchSeq(Pattern p, int i, Term[] env, long bound, Sink sink) {
        if (i == p.arity()) {
            sink.accept(env, bound);
            return;
        }
        match(p.kid(i), env, bound, (e, b) -> matchSeq(p, i + 1, e, b, sink));
    }

    private void replayStored(Pattern p, Term[] env, long bound, Sink sink, Class<? extends Term> type) {
        for (int i = 0; i < knowledge.size(); i++) {
            Term t = knowledge.term(i);
            if (type.isInstance(t) && !knowledge.composes(t)) {
                Term[] e = env.clone();
                if (p.unify(t, e)) {
                    sink.accept(e, bound | p.mask());
                }
            }
        }
    }
}
