package org.trustlab.model.checker;

import java.util.List;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.term.Term;

/**
 * One transition: run {@code run} took a step (or, when {@code run} is -1, the clock ticked). {@code received}
 * is what the attacker delivered (null for a step that starts without a receive), {@code outputs} what the run
 * then claimed and sent, in order.
 */
public record Successor(State state, int run, String receivedMessage, Term received, List<Output> outputs) {
    /** A send ({@code event} null) or a claim ({@code message} and {@code term} null). */
    public record Output(String message, Term term, Event event) {
    }

    public boolean tick() {
        return run < 0;
    }

    public boolean emitted() {
        for (Output o : outputs) {
            if (o.event() != null) {
                return true;
            }
        }
        return false;
    }
}
