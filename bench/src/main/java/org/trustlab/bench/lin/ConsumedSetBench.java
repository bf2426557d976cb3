package org.trustlab.bench.lin;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;

/**
 * What an invariant costs a campaign per run: its judgement of one autojoin trace. The consumed-set linearizability
 * check (reading the history off the trace, the Clojure search per challenge) beside {@code autojoin.no-replay},
 * which judges the same acceptances by counting. Run from the repository root:
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar ConsumedSetBench -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ConsumedSetBench {
    @Param({"autojoin.consumed-set-linearizable", "autojoin.no-replay"})
    public String invariant;

    @Param({"happy-path.yaml", "duplicated-response-hardened.yaml"})
    public String scenario;

    private Invariant judged;
    private Trace trace;

    @Setup
    public void setUp() {
        judged = InvariantCatalogue.find(invariant).orElseThrow();
        trace = new ScenarioRunner(ProtocolBindings.standard(), InvariantCatalogue.oracle())
                .execute(ScenarioLoader.load(Path.of("scenarios", "autojoin", scenario))).trace();
        if (judged.judge(trace).vacuous()) {
            throw new IllegalStateException(invariant + " has nothing to judge on " + scenario);
        }
    }

    @Benchmark
    public Judgement judge() {
        return judged.judge(trace);
    }
}
