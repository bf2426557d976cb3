package org.trustlab.bench.simulator;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * The whole simulator, for comparison with {@link org.trustlab.bench.EngineBench}: a ping scenario (no
 * signatures) with jittered latency, loss and a passive attacker, run end to end with roles, canonical encoding,
 * SHA-256 of every message and the trace hashed as JSON Lines. Reports runs/s and, as an auxiliary counter,
 * engine events/s.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar SimulatorBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulatorBench {
    static final String SCENARIO = """
            name: bench
            protocol: ping
            seed: 1
            end: 10m
            devices:
              - {name: a, role: node}
              - {name: b, role: node}
              - {name: c, role: node}
            network:
              latency: {dist: lognormal, median: 20ms, sigma: 0.5}
              loss: 0.05
            actions:
              - {at: 1s, device: a, action: ping, args: {to: b, count: 200, interval: 1s}}
              - {at: 1s, device: c, action: ping, args: {to: b, count: 200, interval: 1s}}
            attacker: {strategy: none}
            """;

    /** Engine events of the runs, counted so JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    private Scenario scenario;
    private ScenarioRunner runner;
    private long seed;

    @Setup
    public void setUp() {
        scenario = new ScenarioLoader(ProtocolBindings.standard()).parse(SCENARIO, "bench.yaml");
        runner = new ScenarioRunner(InvariantOracle.none());
    }

    @Benchmark
    public String pingScenario(Events counter) {
        RunResult r = runner.execute(scenario, seed++);
        counter.events += r.eventsFired();
        return r.traceSha256();
    }
}
