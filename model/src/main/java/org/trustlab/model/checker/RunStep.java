package org.trustlab.model.checker;

import java.util.List;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.term.Term;

/**
 * The part of a transition that concerns the run taking it: where the run ends up and what it received, sent
 * and claimed. It depends only on the run's own state, what the attacker knows, the clock and the facts claimed
 * so far, which is why {@link Semantics} computes it once per such combination and shares it among every state
 * that has it, instead of matching the same deliveries again for each.
 */
final class RunStep {
    final RunState next;
    final String receivedMessage;
    final Pattern receivedPattern;
    /** The run's variables after the step: what the received pattern and the sends are instantiated under. */
    final Term[] env;
    final List<Successor.Output> outputs;
    final int emitted;
    final boolean sends;
    /** The interned number of the attacker's knowledge after it reads the sends (-1: not computed yet). */
    private int learned = -1;

    RunStep(RunState next, String receivedMessage, Pattern receivedPattern, Term[] env,
            List<Successor.Output> outputs) {
        this.next = next;
        this.receivedMessage = receivedMessage;
        this.receivedPattern = receivedPattern;
        this.env = env;
        this.outputs = outputs;
        int e = 0;
        boolean s = false;
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).event() != null) {
                e++;
            } else {
                s = true;
            }
        }
        this.emitted = e;
        this.sends = s;
    }

    /**
     * The interned number of the knowledge after this step's sends, {@code before} being the knowledge it was
     * computed under (or an equal one). Computed once: two threads racing here compute equal sets, which the
     * interner numbers the same.
     */
    int learned(Knowledge before, Interner interner) {
        int id = learned;
        if (id < 0) {
            Knowledge k = before;
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).event() == null) {
                    k = k.learn(outputs.get(i).term());
                }
            }
            id = interner.knowledgeId(k);
            learned = id;
        }
        return id;
    }
}
