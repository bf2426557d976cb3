package org.trustlab.model.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.term.AEnc;
import org.trustlab.model.term.Hash;
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
 * A protocol role as a state machine over symbolic messages, written step by step:
 *
 * <pre>{@code
 * Role responder = Role.named("Responder", B)
 *     .recv("msg1", aenc(pk(B), tuple(NA, A)))
 *     .fresh(NB)
 *     .running("auth-B", B, A, tuple(NA, NB))
 *     .send("msg2", aenc(pk(A), tuple(NA, NB)))
 *     .recv("msg3", aenc(pk(B), NB))
 *     .commit("auth-A", B, A, tuple(NA, NB))
 *     .build();
 * }</pre>
 *
 * The first argument of {@link #named} lists the parameters a run fixes when it is created (its own identity,
 * and anything else the scenario decides); every other variable is bound by a step. {@link #build()} checks that
 * nothing is sent or claimed before it is bound.
 */
public final class Role {
    private final String name;
    private final Var self;
    private final List<Var> params;
    private final List<Var> slots;
    private final Map<Var, Integer> slotOf;
    private final List<Action> actions;
    private final int lastEffect;
    private final List<List<Action.Require>> earlyChecks;

    private Role(String name, Var self, List<Var> params, List<Var> slots, Map<Var, Integer> slotOf,
            List<Action> actions) {
        this.name = name;
        this.self = self;
        this.params = params;
        this.slots = slots;
        this.slotOf = slotOf;
        this.actions = actions;
        int last = -1;
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Send || actions.get(i) instanceof Action.Claim) {
                last = i;
            }
        }
        this.lastEffect = last;
        List<List<Action.Require>> early = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            List<Action.Require> checks = new ArrayList<>();
            if (actions.get(i) instanceof Action.Recv) {
                for (int j = i + 1; j < actions.size() && actions.get(j) instanceof Action.Require q; j++) {
                    if (q.reads() != -1) {
                        checks.add(q);
                    }
                }
            }
            early.add(List.copyOf(checks));
        }
        this.earlyChecks = List.copyOf(early);
    }

    /**
     * The checks with declared reads that directly follow the receive at {@code pc} (nothing in between could
     * change what they read), applied while the delivery is chosen.
     */
    public List<Action.Require> earlyChecks(int pc) {
        return earlyChecks.get(pc);
    }

    /**
     * Whether some step from {@code pc} on sends or claims. A run past its last send and claim can change
     * nothing anyone observes (what it receives then only binds its own variables), so the checker stops it.
     */
    public boolean effectiveFrom(int pc) {
        return pc <= lastEffect;
    }

    /** Starts a role; {@code self} is the identity of the agent playing it, {@code params} further parameters. */
    public static Builder named(String name, Var self, Var... params) {
        return new Builder(name, self, params);
    }

    public String name() {
        return name;
    }

    public Var self() {
        return self;
    }

    /** Parameters a run must bind at creation, {@link #self()} first. */
    public List<Var> params() {
        return params;
    }

    public int slotCount() {
        return slots.size();
    }

    public Var slotVar(int slot) {
        return slots.get(slot);
    }

    /** The slot of {@code v}, or -1 when this role does not use it. */
    public int slotOf(Var v) {
        Integer s = slotOf.get(v);
        return s == null ? -1 : s;
    }

    public List<Action> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a role's steps in order. */
    public static final class Builder {
        private final String name;
        private final Var self;
        private final List<Var> params = new ArrayList<>();
        private final List<Var> slots = new ArrayList<>();
        private final Map<Var, Integer> slotOf = new LinkedHashMap<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<Var> boundSoFar = new ArrayList<>();

        private Builder(String name, Var self, Var... params) {
            this.name = name;
            this.self = self;
            this.params.add(self);
            this.params.addAll(List.of(params));
            for (Var p : this.params) {
                slot(p);
                boundSoFar.add(p);
            }
        }

        /** Send {@code message} (named as the source protocol names it) to the network. */
        public Builder send(String message, Term pattern) {
            requireBound(pattern, "send " + message);
            actions.add(new Action.Send(message, compile(pattern)));
            return this;
        }

        /** Wait for {@code message}; unbound variables in the pattern are bound by what the attacker delivers. */
        public Builder recv(String message, Term pattern) {
            actions.add(new Action.Recv(message, compile(pattern)));
            collectVars(pattern, boundSoFar);
            return this;
        }

        public Builder fresh(Var v) {
            requireUnbound(v);
            if (v.sort().isPublic()) {
                throw new IllegalArgumentException("only nonces and keys are fresh: " + v);
            }
            actions.add(new Action.Fresh(v, slot(v)));
            boundSoFar.add(v);
            return this;
        }

        /** Bind {@code v} to a computed value, e.g. {@code let(EXP, b -> time(b.now() + validity))}. */
        public Builder let(Var v, Function<Bindings, Term> value) {
            requireUnbound(v);
            actions.add(new Action.Let(v, slot(v), value));
            boundSoFar.add(v);
            return this;
        }

        /** Bind a time variable to the current time. */
        public Builder now(Var v) {
            return let(v, b -> org.trustlab.model.term.Timestamp.of(b.now()));
        }

        /**
         * A check the role makes here, named after the rejection it implements. Listing the variables the guard
         * reads ({@code reads}) lets the checker apply it while choosing deliveries (much less branching); the
         * guard must then read no other variable.
         */
        public Builder require(String check, Guard guard, Var... reads) {
            long mask = reads.length == 0 ? -1 : 0;
            for (Var v : reads) {
                Integer s = slotOf.get(v);
                if (s == null) {
                    throw new IllegalArgumentException(name + ": check " + check + " reads unknown " + v);
                }
                mask |= 1L << s;
            }
            actions.add(new Action.Require(check, guard, mask));
            return this;
        }

        /** Choose a value of a public sort for {@code v} among those {@code allowed} accepts. */
        public Builder choose(Var v, Guard allowed) {
            requireUnbound(v);
            if (!v.sort().isPublic()) {
                throw new IllegalArgumentException("choices range over public sorts: " + v);
            }
            actions.add(new Action.Choose(v, slot(v), allowed));
            boundSoFar.add(v);
            return this;
        }

        public Builder running(String label, Term actor, Term peer, Term data) {
            Var at = Var.time("@" + label + "@" + actions.size());
            return claim(ClaimKind.RUNNING, label, actor, peer, data, slot(at));
        }

        public Builder commit(String label, Term actor, Term peer, Term data) {
            return claim(ClaimKind.COMMIT, label, actor, peer, data, -1);
        }

        /** {@code secret} stays unknown to the attacker as long as {@code actor} and {@code peer} are honest. */
        public Builder secret(String label, Term secret, Term actor, Term peer) {
            return claim(ClaimKind.SECRET, label, actor, peer, secret, -1);
        }

        /** Record a fact in {@code actor}'s store, for later guards ({@link Bindings#hasFact}). */
        public Builder fact(String label, Term actor, Term data) {
            return claim(ClaimKind.FACT, label, actor, null, data, -1);
        }

        private Builder claim(ClaimKind kind, String label, Term actor, Term peer, Term data, int timeSlot) {
            requireBound(actor, label);
            requireBound(data, label);
            if (peer != null) {
                requireBound(peer, label);
            }
            actions.add(new Action.Claim(kind, label, compile(actor), peer == null ? null : compile(peer),
                    compile(data), timeSlot));
            return this;
        }

        public Role build() {
            if (slots.size() > 64) {
                throw new IllegalStateException(name + " uses more than 64 variables");
            }
            return new Role(name, self, List.copyOf(params), List.copyOf(slots), Map.copyOf(slotOf),
                    List.copyOf(actions));
        }

        private Pattern compile(Term t) {
            List<Var> vars = new ArrayList<>();
            collectVars(t, vars);
            vars.forEach(this::slot);
            return Pattern.compile(t, v -> slotOf.get(v));
        }

        private int slot(Var v) {
            Integer s = slotOf.get(v);
            if (s != null) {
                return s;
            }
            slots.add(v);
            slotOf.put(v, slots.size() - 1);
            return slots.size() - 1;
        }

        /** Variables are written once: a run's environment then also records what it sent, at no cost. */
        private void requireUnbound(Var v) {
            if (boundSoFar.contains(v)) {
                throw new IllegalStateException(name + ": " + v + " is already bound");
            }
        }

        private void requireBound(Term t, String where) {
            List<Var> vars = new ArrayList<>();
            collectVars(t, vars);
            for (Var v : vars) {
                if (!boundSoFar.contains(v)) {
                    throw new IllegalStateException(name + ": " + v + " is used in '" + where + "' before it is bound");
                }
            }
        }

        private static void collectVars(Term t, List<Var> out) {
            if (t.ground()) {
                return;
            }
            if (t instanceof Var v) {
                if (!out.contains(v)) {
                    out.add(v);
                }
            } else if (t instanceof PublicKey k) {
                collectVars(k.owner(), out);
            } else if (t instanceof PrivateKey k) {
                collectVars(k.owner(), out);
            } else if (t instanceof Hash h) {
                collectVars(h.body(), out);
            } else if (t instanceof SharedKey k) {
                collectVars(k.first(), out);
                collectVars(k.second(), out);
            } else if (t instanceof Sign s) {
                collectVars(s.key(), out);
                collectVars(s.body(), out);
            } else if (t instanceof AEnc e) {
                collectVars(e.key(), out);
                collectVars(e.body(), out);
            } else if (t instanceof SEnc e) {
                collectVars(e.key(), out);
                collectVars(e.body(), out);
            } else if (t instanceof Mac m) {
                collectVars(m.key(), out);
                collectVars(m.body(), out);
            } else if (t instanceof Tuple tu) {
                for (Term i : tu.items()) {
                    collectVars(i, out);
                }
            }
        }
    }
}
