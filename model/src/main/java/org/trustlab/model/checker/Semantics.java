package org.trustlab.model.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.attacker.Matcher;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.dsl.Action;
import org.trustlab.model.dsl.Bindings;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Var;

/**
 * The transition relation of a model: from a state, every run that can take its next step does so in every
 * way the attacker can make it (one successor per derivable delivery and per choice), and the clock may tick.
 * Successors come out in a fixed order (runs in order, substitutions in knowledge and universe order), so a
 * successor is identified by its ordinal, which is how counterexamples are replayed.
 */
public final class Semantics {
    private final Model model;
    private final Matcher.Universe universe;
    private final boolean earlyChecks;
    private final Symmetry symmetry;
    private final Interner interner = new Interner();
    private final StepMemo memo;
    /** Per run and action index, the fresh atom the action binds (built once, not per transition). */
    private final Term[][] freshAtoms;
    /** Per tick, what the attacker learns when the clock reaches it, as sends of the message {@link #LEAK}. */
    private final List<Successor.Output>[] leaks;

    /** The message name under which a clock tick hands leaked knowledge to the attacker. */
    public static final String LEAK = "leak";

    public Semantics(Model model) {
        this(model, true);
    }

    /** {@code earlyChecks} false applies checks only after a delivery is complete (same successors, slower). */
    public Semantics(Model model, boolean earlyChecks) {
        this(model, earlyChecks, true);
    }

    @SuppressWarnings("unchecked")
    private static List<Successor.Output>[] newLeakTable(int n) {
        return new List[n];
    }

    /** {@code symmetric} false fingerprints states without symmetry reduction (more states, same verdicts). */
    Semantics(Model model, boolean earlyChecks, boolean symmetric) {
        this.model = model;
        this.universe = model::universe;
        this.earlyChecks = earlyChecks;
        this.symmetry = symmetric ? new Symmetry(model) : null;
        this.memo = new StepMemo(model.runs().size());
        this.freshAtoms = new Term[model.runs().size()][];
        for (int i = 0; i < freshAtoms.length; i++) {
            List<Action> actions = model.runs().get(i).role().actions();
            freshAtoms[i] = new Term[actions.size()];
            for (int a = 0; a < actions.size(); a++) {
                if (actions.get(a) instanceof Action.Fresh f) {
                    freshAtoms[i][a] = Symmetry.freshAtom(f, i);
                }
            }
        }
        this.leaks = newLeakTable(model.maxTime() + 1);
        for (int t = 0; t <= model.maxTime(); t++) {
            List<Successor.Output> l = new ArrayList<>();
            for (Term leaked : model.leaks(t)) {
                l.add(new Successor.Output(LEAK, Pattern.compile(leaked, v -> -1), new Term[0]));
            }
            leaks[t] = List.copyOf(l);
        }
    }

    private long fingerprint(int time, RunState[] runs) {
        return symmetry == null ? State.fingerprint(time, runs) : symmetry.fingerprint(time, runs);
    }

    public Model model() {
        return model;
    }

    Interner interner() {
        return interner;
    }

    public State initial() {
        RunState[] runs = new RunState[model.runs().size()];
        for (int i = 0; i < runs.length; i++) {
            Run r = model.runs().get(i);
            Role role = r.role();
            Term[] vals = new Term[role.slotCount()];
            long bound = 0;
            for (Var p : role.params()) {
                int slot = role.slotOf(p);
                vals[slot] = r.params().get(p);
                bound |= 1L << slot;
            }
            runs[i] = new RunState(0, vals, bound, symmetry, i);
        }
        for (int i = 0; i < runs.length; i++) {
            runs[i] = interner.runState(runs[i]);
        }
        int k = interner.knowledgeId(Knowledge.of(model.attackerKnowledge()));
        int e = interner.eventsId(new Event[0]);
        return new State(0, runs, interner.knowledge(k), interner.events(e), fingerprint(0, runs), k, e);
    }

    public void successors(State s, Consumer<Successor> out) {
        StepMemo.Context context = null;
        for (int i = 0; i < s.runCount(); i++) {
            RunState rs = s.run(i);
            Role role = model.runs().get(i).role();
            // A run whose remaining steps neither send nor claim cannot affect the attacker or any property.
            if (role.effectiveFrom(rs.pc())) {
                if (context == null) {
                    context = memo.context(s.knowledge(), s.time(), Facts.of(s.eventArray(), interner));
                }
                List<RunStep> steps = steps(s, i, role, rs, context);
                for (int j = 0; j < steps.size(); j++) {
                    out.accept(successor(s, i, steps.get(j)));
                }
            }
        }
        if (s.time() < model.maxTime()) {
            out.accept(new Successor(s, fingerprint(s.time() + 1, s.runs()), leaks[s.time() + 1], interner));
        }
    }

    /**
     * Run {@code run}'s steps from {@code s}, in order. What a step does depends only on the run's state, the
     * attacker's knowledge, the clock and the facts claimed (all a guard can read besides the run's own
     * variables), so the steps are computed once per such combination and shared.
     */
    private List<RunStep> steps(State s, int run, Role role, RunState rs, StepMemo.Context context) {
        int id = rs.id();
        List<RunStep> known = id < 0 ? null : context.get(run, id);
        if (known != null) {
            return known;
        }
        List<RunStep> steps = new ArrayList<>(4);
        exec(s, run, role, rs.pc(), rs.pc(), rs.vals().clone(), rs.bound(), new Effects(), steps::add);
        steps = List.copyOf(steps);
        if (id >= 0) {
            context.put(run, id, steps);
        }
        return steps;
    }

    /** The transition of run {@code run} from {@code s} by {@code step}. */
    private Successor successor(State s, int run, RunStep step) {
        RunState[] runs = s.runs().clone();
        runs[run] = step.next;
        Event[] events = s.eventArray();
        if (step.emitted > 0) {
            int n = events.length;
            events = Arrays.copyOf(events, n + step.emitted);
            for (int i = 0; i < step.outputs.size(); i++) {
                if (step.outputs.get(i).event() != null) {
                    events[n++] = step.outputs.get(i).event();
                }
            }
        }
        return new Successor(s, run, runs, fingerprint(s.time(), runs), events, step, interner);
    }

    /** All successors of {@code s}, in order. */
    public List<Successor> successors(State s) {
        List<Successor> out = new ArrayList<>();
        successors(s, out::add);
        return out;
    }

    /** A label for run {@code i}: who plays it, which role, which session. */
    public String runLabel(int i) {
        Run r = model.runs().get(i);
        return r.self() + " as " + r.role().name() + " #" + (i + 1);
    }

    private void exec(State s, int run, Role role, int startPc, int pc, Term[] env, long bound, Effects fx,
            Consumer<RunStep> out) {
        List<Action> actions = role.actions();
        while (pc < actions.size()) {
            Action a = actions.get(pc);
            if (a instanceof Action.Recv r) {
                if (pc != startPc) {
                    break;
                }
                int next = pc + 1;
                int[] delivered = {0};
                Matcher matcher = new Matcher(s.knowledge(), universe, filter(s, role, pc, fx));
                matcher.match(r.pattern(), env, bound, (e, b) -> {
                    delivered[0]++;
                    Effects f = fx.copy();
                    f.receivedMessage = r.message();
                    f.receivedPattern = r.pattern();
                    exec(s, run, role, startPc, next, e.clone(), b, f, out);
                });
                if (delivered[0] == 0 && fx.diagnostics != null) {
                    boolean ground = (r.pattern().mask() & ~bound) == 0;
                    fx.diagnostics.accept(runLabel(run) + " cannot receive " + r.message() + ": the attacker cannot "
                            + "derive " + (ground ? r.pattern().instantiate(env)
                                    : "any " + r.pattern() + " with " + describe(role, env, bound)
                                            + (role.earlyChecks(pc).isEmpty() ? "" : " that passes the checks")));
                }
                return;
            }
            if (a instanceof Action.Choose c && fx.forces(c.slot())) {
                if (!c.allowed().test(new View(s, role, env, fx))) {
                    fx.diagnose(runLabel(run) + " may not choose " + c.var().name() + " = " + env[c.slot()]);
                    return;
                }
            } else if (a instanceof Action.Choose c) {
                List<? extends Term> values = model.universe(c.var());
                for (int i = 0; i < values.size(); i++) {
                    Term v = values.get(i);
                    Term[] e = env.clone();
                    e[c.slot()] = v;
                    if (c.allowed().test(new View(s, role, e, fx))) {
                        exec(s, run, role, startPc, pc + 1, e, bound | (1L << c.slot()), fx.copy(), out);
                    }
                }
                return;
            }
            if (a instanceof Action.Fresh f) {
                if (!bind(run, env, f.slot(), f.var(), freshAtoms[run][pc], fx)) {
                    return;
                }
                bound |= 1L << f.slot();
            } else if (a instanceof Action.Let l) {
                Term v = l.value().apply(new View(s, role, env, fx));
                if (!l.var().admits(v)) {
                    throw new IllegalStateException(role.name() + ": " + l.var() + " cannot be " + v);
                }
                if (!bind(run, env, l.slot(), l.var(), v, fx)) {
                    return;
                }
                bound |= 1L << l.slot();
            } else if (a instanceof Action.Require q) {
                if (!q.guard().test(new View(s, role, env, fx))) {
                    fx.diagnose(runLabel(run) + " refuses: check " + q.check() + " fails at t" + s.time());
                    return;
                }
            } else if (a instanceof Action.Send snd) {
                fx.outputs.add(new Successor.Output(snd.message(), snd.pattern(), env));
            } else if (a instanceof Action.Claim c) {
                if (c.timeSlot() >= 0) {
                    env[c.timeSlot()] = Timestamp.of(s.time());
                    bound |= 1L << c.timeSlot();
                }
                Term actor = c.actor().instantiate(env);
                Term peer = c.peer() == null ? null : c.peer().instantiate(env);
                // Secrets shared with a dishonest party are claims too: secrecy reads them as the role handing
                // the value to the attacker (see PropertyCheck).
                fx.outputs.add(new Successor.Output(new Event(c.kind(), c.label(), actor, peer,
                        c.data().instantiate(env), run, s.time())));
            }
            pc++;
        }
        finish(run, pc, env, bound, fx, out);
    }

    /** The role's early checks for the receive at {@code pc}, each applied once all it reads is bound. */
    private Matcher.Filter filter(State s, Role role, int pc, Effects fx) {
        List<Action.Require> checks = role.earlyChecks(pc);
        if (checks.isEmpty() || !earlyChecks) {
            return Matcher.Filter.NONE;
        }
        return (env, before, after) -> {
            for (int i = 0; i < checks.size(); i++) {
                Action.Require q = checks.get(i);
                if ((q.reads() & ~after) == 0 && (q.reads() & ~before) != 0
                        && !q.guard().test(new View(s, role, env, fx))) {
                    return false;
                }
            }
            return true;
        };
    }

    private void finish(int run, int pc, Term[] env, long bound, Effects fx, Consumer<RunStep> out) {
        RunState next = interner.runState(new RunState(pc, env, bound, symmetry, run));
        out.accept(new RunStep(next, fx.receivedMessage, fx.receivedPattern, env, fx.outputs));
    }

    /**
     * Run {@code run}'s next step with some variables forced to given values (trace validation: the values the
     * implementation's trace shows). A computed or fresh value that differs from the forced one, a failed check,
     * an underivable delivery each end that branch and are reported to {@code diagnostics}. Unlike
     * {@link #successors(State)} this also takes steps that can no longer affect anything.
     */
    List<Successor> step(State s, int run, Map<Integer, Term> forced, Consumer<String> diagnostics) {
        RunState rs = s.run(run);
        Role role = model.runs().get(run).role();
        List<Successor> out = new ArrayList<>();
        if (rs.pc() >= role.actions().size()) {
            diagnostics.accept(runLabel(run) + " has finished its role: it takes no further step");
            return out;
        }
        Term[] env = rs.vals().clone();
        long bound = rs.bound();
        Effects fx = new Effects();
        fx.diagnostics = diagnostics;
        for (Map.Entry<Integer, Term> e : forced.entrySet()) {
            int slot = e.getKey();
            if (env[slot] != null) {
                if (!env[slot].equals(e.getValue())) {
                    diagnostics.accept(runLabel(run) + " has " + role.slotVar(slot).name() + " = " + env[slot]
                            + ", not " + e.getValue());
                    return out;
                }
                continue;
            }
            env[slot] = e.getValue();
            bound |= 1L << slot;
            fx.forced |= 1L << slot;
        }
        List<RunStep> steps = new ArrayList<>();
        exec(s, run, role, rs.pc(), rs.pc(), env, bound, fx, steps::add);
        for (RunStep st : steps) {
            out.add(successor(s, run, st));
        }
        return out;
    }

    /** Binds a computed value, or when the slot is forced, checks that the model computes the forced value. */
    private boolean bind(int run, Term[] env, int slot, Var var, Term value, Effects fx) {
        if (fx.forces(slot)) {
            if (!env[slot].equals(value)) {
                fx.diagnose(runLabel(run) + " computes " + var.name() + " = " + value + ", not " + env[slot]);
                return false;
            }
            return true;
        }
        env[slot] = value;
        return true;
    }

    private static String describe(Role role, Term[] env, long bound) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < env.length; i++) {
            if ((bound & (1L << i)) != 0 && !role.slotVar(i).name().startsWith("@")) {
                sb.append(sb.length() == 0 ? "" : ", ").append(role.slotVar(i).name()).append('=').append(env[i]);
            }
        }
        return sb.toString();
    }

    /** Outputs of the step being executed, copied at each branch. */
    private static final class Effects {
        String receivedMessage;
        Pattern receivedPattern;
        final ArrayList<Successor.Output> outputs;
        /** Trace validation only: slots whose values are given, and where to report why a step is refused. */
        long forced;
        Consumer<String> diagnostics;

        Effects() {
            this(new ArrayList<>(4));
        }

        private Effects(ArrayList<Successor.Output> outputs) {
            this.outputs = outputs;
        }

        Effects copy() {
            ArrayList<Successor.Output> o = new ArrayList<>(outputs.size() + 4);
            o.addAll(outputs);
            Effects e = new Effects(o);
            e.receivedMessage = receivedMessage;
            e.receivedPattern = receivedPattern;
            e.forced = forced;
            e.diagnostics = diagnostics;
            return e;
        }

        boolean forces(int slot) {
            return (forced & (1L << slot)) != 0;
        }

        void diagnose(String why) {
            if (diagnostics != null) {
                diagnostics.accept(why);
            }
        }
    }

    /** What guards see while a step executes. */
    private final class View implements Bindings {
        private final State state;
        private final Role role;
        private final Term[] env;
        private final Effects fx;

        View(State state, Role role, Term[] env, Effects fx) {
            this.state = state;
            this.role = role;
            this.env = env;
            this.fx = fx;
        }

        @Override
        public Term get(Var v) {
            int slot = role.slotOf(v);
            Term t = slot < 0 ? null : env[slot];
            if (t == null) {
                throw new IllegalStateException(role.name() + ": " + v + " read before it is bound");
            }
            return t;
        }

        @Override
        public int ticks(Var v) {
            Term t = get(v);
            if (!(t instanceof Timestamp ts)) {
                throw new IllegalStateException(v + " is not a time: " + t);
            }
            return ts.ticks();
        }

        @Override
        public int now() {
            return state.time();
        }

        @Override
        public boolean honest(Term agent) {
            return model.honest(agent);
        }

        @Override
        public boolean hasFact(String label, Term actor, Term data) {
            for (Event e : state.eventArray()) {
                if (isFact(e, label, actor, data)) {
                    return true;
                }
            }
            for (Successor.Output o : fx.outputs) {
                if (o.event() != null && isFact(o.event(), label, actor, data)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<Term> facts(String label, Term actor) {
            List<Term> out = new ArrayList<>(2);
            for (Event e : state.eventArray()) {
                if (isFact(e, label, actor)) {
                    out.add(e.data());
                }
            }
            for (Successor.Output o : fx.outputs) {
                if (o.event() != null && isFact(o.event(), label, actor)) {
                    out.add(o.event().data());
                }
            }
            return out;
        }

        private boolean isFact(Event e, String label, Term actor, Term data) {
            return isFact(e, label, actor) && e.data().equals(data);
        }

        private boolean isFact(Event e, String label, Term actor) {
            return e.kind() == ClaimKind.FACT && e.label().equals(label) && e.actor().equals(actor);
        }
    }

    /**
     * The facts claimed so far, which guards read ({@link Bindings#hasFact}): the claim history's
     * {@link ClaimKind#FACT} events, compared by content (and interned, so that memo keys compare by identity).
     */
    static final class Facts {
        static final Facts NONE = new Facts(List.of());
        private final List<Event> facts;
        private final int hash;

        private Facts(List<Event> facts) {
            this.facts = facts;
            this.hash = facts.hashCode();
        }

        static Facts of(Event[] events, Interner interner) {
            List<Event> f = null;
            for (Event e : events) {
                if (e.kind() == ClaimKind.FACT) {
                    if (f == null) {
                        f = new ArrayList<>(2);
                    }
                    f.add(e);
                }
            }
            return f == null ? NONE : interner.facts(new Facts(f));
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Facts other && other.hash == hash && other.facts.equals(facts));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
