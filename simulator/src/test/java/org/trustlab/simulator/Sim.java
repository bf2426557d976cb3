package org.trustlab.simulator;

import java.util.List;
import java.util.function.Predicate;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.TraceEvent;

/** Test helpers: scenarios from inline YAML, runs, and trace queries. */
public final class Sim {
    private Sim() {}

    public static Scenario scenario(String yaml) {
        return new ScenarioLoader(EchoBinding.bindings()).parse(yaml, "test.yaml");
    }

    public static RunResult run(String yaml) {
        Scenario s = scenario(yaml);
        return run(s, s.seed());
    }

    public static RunResult run(Scenario s, long seed) {
        return new ScenarioRunner(EchoBinding.bindings(), InvariantOracle.none()).execute(s, seed);
    }

    public static List<TraceEvent> events(RunResult r, TraceEvent.Kind kind, String type) {
        return r.trace().select(e -> e.kind() == kind && (type == null || e.type().equals(type)));
    }

    public static List<TraceEvent> events(RunResult r, Predicate<TraceEvent> p) {
        return r.trace().select(p);
    }

    /** The outcomes of a kind on a device as "accepted" / "rejected REASON", in order. */
    public static List<String> outcomes(RunResult r, String device, String kind) {
        return r.trace().select(e -> e.kind() == TraceEvent.Kind.OUTCOME && e.node().equals(device)
                && e.type().equals(kind)).stream()
                .map(e -> e.field("result") + (e.field("reason") == null ? "" : " " + e.field("reason")))
                .toList();
    }

    /** Audit events of a type on a device. */
    public static List<TraceEvent> audits(RunResult r, String device, String type) {
        return r.trace().select(e -> e.kind() == TraceEvent.Kind.AUDIT && e.node().equals(device)
                && e.type().equals(type));
    }

    public static List<TraceEvent> attacker(RunResult r, String type) {
        return r.trace().select(e -> e.kind() == TraceEvent.Kind.ATTACKER && e.type().equals(type));
    }

    /** Two ping nodes a and b with the given extra YAML appended at top level. */
    public static String ping(String extra) {
        return """
                name: t
                protocol: ping
                seed: 1
                end: 1m
                devices:
                  - {name: a, role: node}
                  - {name: b, role: node}
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b}}
                """ + extra;
    }
}
