package org.trustlab.bench.model;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.dsl.Model;
import org.trustlab.properties.ProtocolModules;

/**
 * The bounded model checker on a protocol model: each operation is one complete check (BFS over the whole state
 * space). JMH reports checks per second and, as an auxiliary counter, distinct states per second, the issue's
 * figure (target: at least 500,000 on the widened autojoin model at its default bounds, 2 cores). The visited
 * set's bytes per state (target: at most 16) are printed at the end of each iteration.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar ModelCheckerBench -f 1 -wi 2 -i 5
 *   java -jar bench/target/benchmarks.jar ModelCheckerBench -p threads=1,2 -p sessions=2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class ModelCheckerBench {
    @Param({"autojoin"})
    public String protocol;

    @Param({"2"})
    public int sessions;

    @Param({"2"})
    public int threads;

    /** Distinct states found by the checks of one iteration, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class States {
        public long distinctStates;

        @Setup(Level.Iteration)
        public void reset() {
            distinctStates = 0;
        }
    }

    private Model model;
    private CheckOptions options;
    private CheckResult last;

    @Setup
    public void setUp() {
        model = ProtocolModules.model(protocol).orElseThrow().build(sessions, null);
        options = CheckOptions.defaults().withThreads(threads);
    }

    @Benchmark
    public CheckResult check(States states) {
        CheckResult r = Checker.check(model, options);
        states.distinctStates += r.distinctStates();
        last = r;
        return r;
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.println(String.format(Locale.ROOT,
                    "%n  %s, %d sessions: %d distinct states, %d explored, depth %d, visited set %.1f bytes/state",
                    protocol, sessions, last.distinctStates(), last.statesExplored(), last.depth(),
                    last.visitedBytesPerState()));
        }
    }
}
