package org.trustlab.model.checker;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.term.Hashing;

/**
 * A global state: the clock and every run's position and bindings. That is the whole canonical state: what the
 * attacker knows and which claims were made are functions of what the runs have done (every send and claim
 * sits at a fixed step of a role, with the run's bindings, and a RUNNING's time is one of those bindings), so
 * they are carried along for speed but kept out of the fingerprint.
 */
public final class State {
    private final int time;
    private final RunState[] runs;
    private final Knowledge knowledge;
    private final Event[] events;
    private final long fingerprint;
    /** The interner's numbers of the knowledge and the claim history, or -1 (a state the checker does not keep). */
    private final int knowledgeId;
    private final int eventsId;

    State(int time, RunState[] runs, Knowledge knowledge, Event[] events) {
        this(time, runs, knowledge, events, fingerprint(time, runs), -1, -1);
    }

    State(int time, RunState[] runs, Knowledge knowledge, Event[] events, long fingerprint, int knowledgeId,
            int eventsId) {
        this.time = time;
        this.runs = runs;
        this.knowledge = knowledge;
        this.events = events;
        this.fingerprint = fingerprint;
        this.knowledgeId = knowledgeId;
        this.eventsId = eventsId;
    }

    int knowledgeId() {
        return knowledgeId;
    }

    int eventsId() {
        return eventsId;
    }

    static long fingerprint(int time, RunState[] runs) {
        long h = Hashing.mix(time + 0x51L);
        for (RunState r : runs) {
            h = Hashing.combine(h, r.hash());
        }
        // 0 marks an empty slot in the visited set.
        return h == 0 ? 1 : h;
    }

    public int time() {
        return time;
    }

    public int runCount() {
        return runs.length;
    }

    public RunState run(int i) {
        return runs[i];
    }

    RunState[] runs() {
        return runs;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(Arrays.asList(events));
    }

    Event[] eventArray() {
        return events;
    }

    /** 64-bit fingerprint of the canonical state (clock and runs). */
    public long fingerprint() {
        return fingerprint;
    }
}
