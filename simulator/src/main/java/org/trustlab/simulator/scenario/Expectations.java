package org.trustlab.simulator.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/** Checks a scenario's expectations against a trace. */
public final class Expectations {
    private Expectations() {}

    /** Expectations whose {@code peer} and {@code target} name devices only by their scenario names. */
    public static List<ExpectationResult> check(List<Expectation> expectations, Trace trace, InvariantOracle oracle) {
        return check(expectations, trace, oracle, Naming.PLAIN);
    }

    /** With {@code naming} resolving {@code session}, {@code peer} and {@code target} in the protocol's words. */
    public static List<ExpectationResult> check(List<Expectation> expectations, Trace trace, InvariantOracle oracle,
            Naming naming) {
        Map<String, Optional<TraceEvent>> firsts = new HashMap<>();
        for (Expectation e : expectations) {
            if (e instanceof Expectation.EventExpected ev && ev.id().isPresent()) {
                List<TraceEvent> m = matching(ev.match(), trace, naming);
                firsts.put(ev.id().get(), m.isEmpty() ? Optional.empty() : Optional.of(m.get(0)));
            }
        }
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            results.add(check(e, trace, oracle, naming, firsts));
        }
        return results;
    }

    private static ExpectationResult check(Expectation e, Trace trace, InvariantOracle oracle,
            Naming naming, Map<String, Optional<TraceEvent>> firsts) {
        if (e instanceof Expectation.EventExpected ev) {
            return event(ev, trace, naming, firsts);
        }
        Expectation.InvariantExpected inv = (Expectation.InvariantExpected) e;
        Optional<InvariantVerdict> verdict = oracle.judge(inv.invariant(), trace);
        if (verdict.isEmpty()) {
            return new ExpectationResult(e, false, "unknown invariant '" + inv.invariant() + "'");
        }
        return new ExpectationResult(e, verdict.get() == inv.verdict(), verdict.get().word());
    }

    private static ExpectationResult event(Expectation.EventExpected e, Trace trace,
            Naming naming, Map<String, Optional<TraceEvent>> firsts) {
        List<TraceEvent> hits = matching(e.match(), trace, naming);
        boolean passed = e.quantity().admits(hits.size());
        String got = hits.size() + " matching";
        if (passed && e.order().isPresent()) {
            Expectation.Order o = e.order().get();
            Optional<TraceEvent> other = firsts.getOrDefault(o.other(), Optional.empty());
            if (hits.isEmpty() || other.isEmpty()) {
                passed = false;
                got = hits.isEmpty() ? "none to order" : "no event of " + o.other() + " to order against";
            } else {
                long mine = hits.get(0).seq();
                long theirs = other.get().seq();
                passed = o.before() ? mine < theirs : mine > theirs;
                got = "first at event " + mine + ", " + o.other() + "'s at event " + theirs;
            }
        }
        if (!passed && hits.isEmpty()) {
            // what the device did say instead: "accepted", "rejected UNKNOWN_PING", or "none"
            got = summary(candidates(e.match(), trace));
        }
        return new ExpectationResult(e, passed, got);
    }

    /** The events of the match's source, device and type, whatever their result, reason and fields. */
    private static List<TraceEvent> candidates(Expectation.Match m, Trace trace) {
        TraceEvent.Kind kind = m.source() == Expectation.Source.OUTCOME ? TraceEvent.Kind.OUTCOME
                : TraceEvent.Kind.AUDIT;
        return trace.select(ev -> ev.kind() == kind && ev.node().equals(m.device()) && ev.type().equals(m.type()));
    }

    static List<TraceEvent> matching(Expectation.Match m, Trace trace, Naming naming) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent ev : candidates(m, trace)) {
            if (matches(m, ev, naming)) {
                out.add(ev);
            }
        }
        return out;
    }

    private static boolean matches(Expectation.Match m, TraceEvent ev, Naming naming) {
        if (m.result() != Expectation.Result.ANY && !m.result().yamlName().equals(ev.field("result"))) {
            return false;
        }
        if (m.reason().isPresent() && !m.reason().get().equals(ev.field("reason"))) {
            return false;
        }
        for (Map.Entry<String, String> f : m.fields().entrySet()) {
            if (!f.getValue().equals(ev.field(f.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, String> f : m.match().entrySet()) {
            String value = ev.field(naming.field(f.getKey()));
            if (value == null || !naming.names(value, f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** What the run showed, in order of first occurrence: {@code accepted, rejected UNKNOWN_PING} or {@code none}. */
    private static String summary(List<TraceEvent> seen) {
        if (seen.isEmpty()) {
            return "none";
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (TraceEvent ev : seen) {
            String head = ev.kind() == TraceEvent.Kind.OUTCOME ? ev.field("result") : ev.type();
            String reason = ev.field("reason");
            distinct.add(head + (reason == null ? "" : " " + reason));
        }
        return String.join(", ", distinct);
    }
}
