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
    /** The run's step, or null for a clock tick. */
    private final RunStep step;
    /** A tick's leaks. */
    private final List<Output> leaks;
    private final Interner interner;
    private State state;
    private List<Event> eventList;

    /** Run {@code run}'s {@code step}; {@code runs} and {@code events} are the state after it. */
    Successor(State parent, int run, RunState[] runs, long fingerprint, Event[] events, RunStep step,
            Interner interner) {
        this.parent = parent;
        this.run = run;
        this.time = parent.time();
        this.runs = runs;
        this.events = events;
        this.fingerprint = fingerprint;
        this.step = step;
        this.leaks = null;
        this.interner = interner;
    }

    /** A clock tick to {@code parent}'s time + 1, at which the attacker learns {@code leaks}. */
    Successor(State parent, long fingerprint, List<Output> leaks, Interner interner) {
        this.parent = parent;
        this.run = -1;
        this.time = parent.time() + 1;
        this.runs = parent.runs();
        this.events = parent.eventArray();
        this.fingerprint = fingerprint;
        this.step = null;
        this.leaks = leaks;
        this.interner = interner;
    }

    /** The state this transition leads to (built on first call: the attacker analyses what was sent). */
    public State state() {
        if (state == null) {
            int k;
            int e;
            if (step != null) {
                k = step.learned(parent.knowledge(), interner);
                e = events == parent.eventArray() && parent.eventsId() >= 0 ? parent.eventsId()
                        : interner.eventsId(events);
            } else {
                Knowledge learned = parent.knowledge();
                for (int i = 0; i < leaks.size(); i++) {
                    learned = learned.learn(leaks.get(i).term());
                }
                k = learned == parent.knowledge() && parent.knowledgeId() >= 0 ? parent.knowledgeId()
                        : interner.knowledgeId(learned);
                e = parent.eventsId() >= 0 ? parent.eventsId() : interner.eventsId(events);
            }
            state = new State(time, runs, interner.knowledge(k), interner.events(e), fingerprint, k, e);
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

    /** {@link #events()} as a read-only list (one view per transition, however many invariants read it). */
    List<Event> eventList() {
        if (eventList == null) {
            eventList = java.util.Collections.unmodifiableList(java.util.Arrays.asList(events));
        }
        return eventList;
    }

    /** Whether this step can change what the attacker knows. */
    boolean sends() {
        return step == null ? !leaks.isEmpty() : step.sends;
    }

    public int run() {
        return run;
    }

    public boolean tick() {
        return run < 0;
    }

    /** The name of the message received, or null. */
    public String receivedMessage() {
        return step == null ? null : step.receivedMessage;
    }

    public Term received() {
        return step == null || step.receivedPattern == null ? null : step.receivedPattern.instantiate(step.env);
    }

    public List<Output> outputs() {
        return step == null ? leaks : step.outputs;
    }

    /** Whether the step emitted a claim event. */
    public boolean emitted() {
        return step != null && step.emitted > 0;
    }
}
