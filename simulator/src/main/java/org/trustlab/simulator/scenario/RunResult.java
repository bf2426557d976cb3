package org.trustlab.simulator.scenario;

import java.util.List;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * A finished run: the trace (whose SHA-256 is the run's identity), each expectation's result, and any exception a
 * role threw (a defect: the run carries on, but it does not pass).
 */
public record RunResult(Scenario scenario, long seed, Trace trace, List<ExpectationResult> expectations,
        List<String> roleErrors, long eventsFired) {

    public RunResult {
        expectations = List.copyOf(expectations);
        roleErrors = List.copyOf(roleErrors);
    }

    public boolean passed() {
        return roleErrors.isEmpty() && expectations.stream().allMatch(ExpectationResult::passed);
    }

    /** The OUTCOME events, in order. */
    public List<TraceEvent> outcomes() {
        return trace.of(TraceEvent.Kind.OUTCOME);
    }

    public String traceSha256() {
        return trace.sha256();
    }
}
