package org.trustlab.bench.lin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.trustlab.linearizability.HistoryException;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.Linearizability;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;

/**
 * The linearizability checker over a directory of histories: one operation checks every {@code *.edn} under
 * {@code dir} once (parsing excluded), so the score is the time for the whole set. Before measuring, each
 * history's verdict is compared with its folder ({@code good/} valid, {@code bad/} invalid, {@code *-ok} /
 * {@code *-bad}), so a fast wrong answer cannot be benchmarked. Run from the repository root; {@code dir} may
 * point to data converted with {@code scripts/porcupine-to-edn.py} (not part of the repository).
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar LinearizabilityBench -f 1
 *   java -jar bench/target/benchmarks.jar LinearizabilityBench -p dir=/tmp/porc-edn/etcd -p initial=nil
 *   java -jar bench/target/benchmarks.jar LinearizabilityBench -p dir=/tmp/porc-edn/kv -p model=kv -p initial=nil
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LinearizabilityBench {
    @Param({"linearizability/src/test/resources/knossos/cas-register"})
    public String dir;

    @Param({"cas-register"})
    public String model;

    /** The model's initial value in EDN; {@code nil} for none. */
    @Param({"0"})
    public String initial;

    private final List<List<Op>> histories = new ArrayList<>();
    private Model m;
    private Options options;

    @Setup
    public void setUp() throws IOException, HistoryException {
        m = Model.named(model).withInitialEdn(initial);
        options = Options.defaults();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.edn histories under " + dir);
        }
        for (Path f : files) {
            List<Op> h = Histories.read(f);
            String expected = Histories.expectedVerdict(f);
            Result r = Linearizability.check(h, m, options);
            if (expected != null && !expected.equals(r.verdict())) {
                throw new IllegalStateException(f + ": " + r.verdict() + ", expected " + expected);
            }
            histories.add(h);
        }
    }

    @Benchmark
    public long checkAll() throws HistoryException {
        long configurations = 0;
        for (List<Op> h : histories) {
            configurations += Linearizability.check(h, m, options).stats().configurations();
        }
        return configurations;
    }
}
