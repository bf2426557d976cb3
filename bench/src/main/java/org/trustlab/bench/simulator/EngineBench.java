package org.trustlab.bench.simulator;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of the discrete-event engine alone on one thread (echo protocol, no cryptography, no trace):
 * the queue, the virtual clock and event dispatch. The score is events/s. Target: at least 5 million.
 *
 * <pre>
 *   mvn -B -q -pl bench -am package -DskipTests
 *   java -jar bench/target/benchmarks.jar EngineBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBench {
    static final int EVENTS = 1_000_000;

    /** Events pending in the queue while it runs (the heap's depth). */
    @Param({"1000", "100000"})
    int pending;

    private EchoWorld world;

    @Setup
    public void setUp() {
        world = new EchoWorld(64, pending);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long echoEvents() {
        return world.run(EVENTS);
    }
}
