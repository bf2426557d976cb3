package org.trustlab.model.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * Walks a model along a behaviour given step by step from outside (trace validation): each step names the run
 * that moves and the values its variables take, as an implementation's trace records them. A step the model
 * cannot take — the delivery is not derivable by the attacker, a check fails, a value differs from what the model
 * computes, the run is not at that point — is refused with the reasons; the walk then stays where it was.
 *
 * <p>The clock is set from outside before each step ({@link #clock(int)}): the acting party's local time, since in
 * the models only the acting party reads it.
 */
public final class Replayer {
    private final Semantics semantics;
    private State state;

    public Replayer(Model model) {
        this.semantics = new Semantics(model, false, false);
        this.state = semantics.initial();
    }

    /** The outcome of one step: the transition taken, or why none could be. */
    public record Result(Successor step, List<String> refusals) {
        public Result {
            refusals = List.copyOf(refusals);
        }

        public boolean taken() {
            return step != null;
        }
    }

    public State state() {
        return state;
    }

    public Model model() {
        return semantics.model();
    }

    /** Sets the clock for the next steps. */
    public void clock(int time) {
        state = new State(time, state.runs(), state.knowledge(), state.eventArray());
    }

    /** The attacker learns {@code t} (a key it compromised, a value it made up). */
    public void attackerLearns(Term t) {
        state = new State(state.time(), state.runs(), state.knowledge().learn(t), state.eventArray());
    }

    /** Where run {@code run} is: the index of its next action. */
    public int position(int run) {
        return state.run(run).pc();
    }

    /** The value run {@code run} holds for {@code v}, or null. */
    public Term value(int run, Var v) {
        int slot = role(run).slotOf(v);
        return slot < 0 ? null : state.run(run).value(slot);
    }

    /**
     * Run {@code run} takes its next step with the given variables taking the given values. When several
     * transitions fit (values not given), the first in the model's order is taken.
     */
    public Result step(int run, Map<Var, Term> values) {
        Objects.checkIndex(run, state.runCount());
        Role role = role(run);
        Map<Integer, Term> forced = new LinkedHashMap<>();
        for (Map.Entry<Var, Term> e : values.entrySet()) {
            int slot = role.slotOf(e.getKey());
            if (slot < 0) {
                throw new IllegalArgumentException(role.name() + " has no variable " + e.getKey());
            }
            forced.put(slot, e.getValue());
        }
        List<String> refusals = new ArrayList<>();
        List<Successor> steps = semantics.step(state, run, forced, refusals::add);
        if (steps.isEmpty()) {
            if (refusals.isEmpty()) {
                refusals.add(semantics.runLabel(run) + " has no step here");
            }
            return new Result(null, refusals);
        }
        Successor s = steps.get(0);
        state = s.state();
        return new Result(s, List.of());
    }

    public String runLabel(int run) {
        return semantics.runLabel(run);
    }

    private Role role(int run) {
        return semantics.model().runs().get(run).role();
    }
}
