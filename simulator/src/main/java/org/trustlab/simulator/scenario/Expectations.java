package org.trustlab.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/** Checks a scenario's expectations against a trace. */
public final class Expectations {
    private Expectations() {}

    public static List<ExpectationResult> check(List<Expectation> expectations, Trace trace, InvariantOracle oracle) {
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            results.add(check(e, trace, oracle));
        }
        return results;
    }

    public static ExpectationResult check(Expectation e, Trace trace, InvariantOracle oracle) {
        if (e instanceof Expectation.OutcomeExpected o) {
            return outcome(o, trace);
        }
        if (e instanceof Expectation.AuditExpected a) {
            return audit(a, trace);
        }
        Expectation.InvariantExpected inv = (Expectation.InvariantExpected) e;
        Optional<Boolean> holds = oracle.holds(inv.invariant(), trace);
        if (holds.isEmpty()) {
            return new ExpectationResult(e, false, "unknown invariant '" + inv.invariant() + "'");
        }
        return new ExpectationResult(e, holds.get() == inv.holds(), holds.get() ? "holds" : "violated");
    }

    private static ExpectationResult outcome(Expectation.OutcomeExpected o, Trace trace) {
        List<TraceEvent> seen = trace.select(ev -> ev.kind() == TraceEvent.Kind.OUTCOME
                && ev.node().equals(o.device()) && ev.type().equals(o.kind()));
        boolean passed = switch (o.result()) {
            case NONE -> seen.isEmpty();
            case ANY -> seen.stream().anyMatch(ev -> reasonMatches(o.reason(), ev));
            case ACCEPTED -> seen.stream().anyMatch(ev -> "accepted".equals(ev.field("result"))
                    && reasonMatches(o.reason(), ev));
            case REJECTED -> seen.stream().anyMatch(ev -> "rejected".equals(ev.field("result"))
                    && reasonMatches(o.reason(), ev));
        };
        return new ExpectationResult(o, passed, summary(seen, ev -> ev.field("result")));
    }

    private static ExpectationResult audit(Expectation.AuditExpected a, Trace trace) {
        List<TraceEvent> seen = trace.select(ev -> ev.kind() == TraceEvent.Kind.AUDIT
                && ev.node().equals(a.device()) && ev.type().equals(a.type()));
        boolean passed = seen.stream().anyMatch(ev -> reasonMatches(a.reason(), ev));
        return new ExpectationResult(a, passed, summary(seen, TraceEvent::type));
    }

    private static boolean reasonMatches(Optional<String> reason, TraceEvent ev) {
        return reason.map(r -> r.equals(ev.field("reason"))).orElse(true);
    }

    /** What the run showed, in order of first occurrence: {@code accepted, rejected UNKNOWN_PING} or {@code none}. */
    private static String summary(List<TraceEvent> seen, java.util.function.Function<TraceEvent, String> head) {
        if (seen.isEmpty()) {
            return "none";
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (TraceEvent ev : seen) {
            String reason = ev.field("reason");
            distinct.add(head.apply(ev) + (reason == null ? "" : " " + reason));
        }
        return String.join(", ", distinct);
    }
}
