package org.trustlab.model.checker;

import java.util.List;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.term.Term;

/**
 * One transition: run {@link #run()} took a step (or, when it is -1, the clock ticked). {@link #received()} is
 * what the attacker delivered (null for a step that starts without a receive), {@link #outputs()} what the run
 * then claimed and sent, in order. The delivered term is built only when asked for (counterexamples, trace
 * validation), not on the checker's hot path.
 */
public final class Successor {
    /** A send ({@code event} null) or a claim ({@code message} and {@code term} null). */
    public record Output(String message, Term term, Event event) {
    }

    private final State state;
    private final int run;
    private final String receivedMessage;
    private final Pattern receivedPattern;
    private final Term[] receivedEnv;
    private final List<Output> outputs;
    private final boolean emitted;

    Successor(State state, int run, String receivedMessage, Pattern receivedPattern, Term[] receivedEnv,
            List<Output> outputs) {
        this.state = state;
        this.run = run;
        this.receivedMessage = receivedMessage;
        this.receivedPattern = receivedPattern;
        this.receivedEnv = receivedEnv;
        this.outputs = outputs;
        boolean e = false;
        for (Output o : outputs) {
            e |= o.event() != null;
        }
        this.emitted = e;
    }

    public State state() {
        return state;
    }

    public int run() {
        return run;
    }

    public boolean tick() {
        return run < 0;
    }

    /** The name of the message received, or null. */
    public String receivedMessage() {
        return receivedMessage;
    }

    public Term received() {
        return receivedPattern == null ? null : receivedPattern.instantiate(receivedEnv);
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** Whether the step emitted a claim event. */
    public boolean emitted() {
        return emitted;
    }
}
