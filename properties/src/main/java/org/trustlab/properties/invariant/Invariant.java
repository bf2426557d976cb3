package org.trustlab.properties.invariant;

import java.util.List;
import java.util.function.Function;
import org.trustlab.simulator.trace.Trace;

/**
 * A security property as code that can fail: an id ({@code autojoin.no-replay}), a one-sentence statement a
 * reviewer can hold the protocol to, and a judgement of a simulator trace: the subjects it judged there and the
 * violations it found (none when the property holds; no subject makes the run vacuous for it). Every invariant is
 * killed by at least one mutant of the reference.
 */
public interface Invariant {
    String id();

    String protocol();

    String statement();

    Judgement judge(Trace trace);

    /** The violations alone, for callers that only ask whether the property held. */
    default List<Violation> check(Trace trace) {
        return judge(trace).violations();
    }

    /** An invariant from its parts, for a catalogue whose judgements are plain functions of the trace. */
    static Invariant of(String id, String protocol, String statement, Function<Trace, Judgement> judge) {
        return new Invariant() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String protocol() {
                return protocol;
            }

            @Override
            public String statement() {
                return statement;
            }

            @Override
            public Judgement judge(Trace trace) {
                return judge.apply(trace);
            }
        };
    }
}
