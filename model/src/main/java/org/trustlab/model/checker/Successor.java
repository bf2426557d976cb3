package org.trustlab.model.checker;

import java.util.List;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.term.Term;

/**
 * One transition: run {@link #run()} took a step (or, when it is -1, the clock ticked). {@link #received()} is
 * what the attacker delivered (null for a step that starts without a receive), {@link #outputs()} what the run
 * then claimed and sent, in order.
 *
 * <p>Lazy: the fingerprint and the claims are computed at once, but the sent terms and the attacker's new
 * knowledge only when asked for. The checker asks only for transitions into states it has not seen, since what
 * the attacker knows is a function of the state and was checked when the state was first reached.
 */
public final class Successor {
    /** A send ({@code event} null) or a claim ({@code message} null). A send's term is built on first use. */
    public static final class Output {
        private final String message;
        private final Pattern pattern;
        private final Term[] env;
        private final Event event;
        private Term term;

        Output(String message, Pattern pattern, Term[] env) {
            this.message = message;
            this.pattern = pattern;
            this.env = env;
            this.event = null;
        }

        Output(Event event) {
            this.message = null;
            this.pattern = null;
            this.env = null;
            this.event = event;
        }

        public String message() {
            return message;
        }

        /** The sent term, or null for a claim. */
        public Term term() {
            if (term == null && pattern != null) {
                // The run's variables are written once, so the final environment gives the term as it was sent.
                term = pattern.instantiate(env);
            }
            return term;
        }

        public Event event() {
            return event;
        }
    }

    private final State parent;
    private final int run;
    private final int time;
    private final RunState[] runs;
    private final Event[] events;
    private final long fingerprint;
    private final String receivedMessage;
    private final Pattern receivedPattern;
    private final Term[] receivedEnv;
    private final List<Output> outputs;
    private final boolean emitted;
    private final boolean sends;
    private final Interner interner;
    private State state;

    Successor(State parent, int run, int time, RunState[] runs, long fingerprint, Event[] events,
            String receivedMessage, Pattern receivedPattern, Term[] receivedEnv, List<Output> outputs,
            Interner interner) {
        this.parent = parent;
        this.interner = interner;
        this.run = run;
        this.time = time;
        this.runs = runs;
        this.events = events;
        this.fingerprint = fingerprint;
        this.receivedMessage = receivedMessage;
        this.receivedPattern = receivedPattern;
        this.receivedEnv = receivedEnv;
        this.outputs = outputs;
        boolean e = false;
        boolean s = false;
        for (int i = 0; i < outputs.size(); i++) {
            boolean claim = outputs.get(i).event() != null;
            e |= claim;
            s |= !claim;
        }
        this.emitted = e;
        this.sends = s;
    }

    /** The state this transition leads to (built on first call: the attacker analyses what was sent). */
    public State state() {
        if (state == null) {
            Knowledge k = parent.knowledge();
            if (sends) {
                for (int i = 0; i < outputs.size(); i++) {
                    if (outputs.get(i).event() == null) {
                        k = k.learn(outputs.get(i).term());
                    }
                }
            }
            Event[] e = events;
            if (run >= 0) {
                // The state is kept in the next level: its new parts are replaced by the shared equal ones.
                runs[run] = interner.runState(runs[run]);
                e = e == parent.eventArray() ? e : interner.events(e);
            }
            if (k != parent.knowledge()) {
                k = interner.knowledge(k);
            }
            state = new State(time, runs, k, e, fingerprint);
        }
        return state;
    }

    public long fingerprint() {
        return fingerprint;
    }

    /** Every claim made so far, this step's last. */
    Event[] events() {
        return events;
    }

    /** Whether this step can change what the attacker knows. */
    boolean sends() {
        return sends;
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
