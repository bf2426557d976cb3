package org.trustlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import org.trustlab.simulator.engine.Engine;

/**
 * The discrete-event engine alone (issue 3's performance targets): the simulator's {@link Engine} with its event
 * queue and virtual clock, driving an echo protocol with no cryptography, no encoding and no trace, on one thread.
 *
 * <p>Throughput: {@link #echoEvents} reports engine events per second (target: at least 5 million) with
 * {@code pending} events always in the queue (1,000 is a busy simulated network; 100,000 shows the queue's cost
 * once it no longer fits in the CPU caches).
 *
 * <p>Memory: {@link #main} fills the queue with N pending echo deliveries (default 1,000,000), measures the heap
 * after a full GC against an empty baseline and prints bytes per pending event (target: 1 million pending events in
 * at most 200 MB). It exits 1 when over the target.
 *
 * <pre>
 *   mvn -B -q -DskipTests -pl bench -am package
 *   java -jar bench/target/benchmarks.jar '^org.trustlab.bench.EngineBench' -f 1 -wi 3 -i 5
 *   java -Xmx1g -cp bench/target/benchmarks.jar org.trustlab.bench.EngineBench 1000000
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
    static final long MAX_BYTES_PER_MILLION = 200_000_000L;

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

    /**
     * The echo protocol at its smallest: {@code nodes} nodes keep {@code inFlight} messages bouncing; every delivery
     * counts the message and sends it back to its sender after a jittered latency of 1 to 10 ms, drawn from a cheap
     * xorshift so that the generator does not dominate what is measured. Each delivery is one engine event, and the
     * number of pending events stays at {@code inFlight}.
     */
    static final class EchoWorld {
        /** A node's only state: how many messages it received. */
        static final class Node {
            final int id;
            long received;

            Node(int id) {
                this.id = id;
            }
        }

        /** One message in flight: the engine event that delivers it. */
        static final class Deliver implements Engine.Event {
            final EchoWorld world;
            final Node to;
            final int from;
            final long seq;

            Deliver(EchoWorld world, Node to, int from, long seq) {
                this.world = world;
                this.to = to;
                this.from = from;
                this.seq = seq;
            }

            @Override
            public void fire(Engine engine) {
                to.received++;
                engine.after(world.latency(), new Deliver(world, world.nodes[from], to.id, seq + 1));
            }
        }

        final Engine engine;
        final Node[] nodes;
        private long state = 0x9E3779B97F4A7C15L;

        EchoWorld(int nodeCount, int inFlight) {
            engine = new Engine(Math.max(16, inFlight));
            nodes = new Node[nodeCount];
            for (int i = 0; i < nodeCount; i++) {
                nodes[i] = new Node(i);
            }
            for (int i = 0; i < inFlight; i++) {
                int from = i % nodeCount;
                int to = (i * 7 + 1) % nodeCount;
                engine.after(latency(), new Deliver(this, nodes[to], from, 0));
            }
        }

        long latency() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            // multiply-shift instead of a division: uniform enough, and cheap next to what is measured
            return 1_000_000L + (((state >>> 32) * 9_000_000L) >>> 32);
        }

        /** Fires {@code events} events (the world never runs dry: each delivery sends a reply). */
        long run(int events) {
            for (int i = 0; i < events; i++) {
                engine.step(Long.MAX_VALUE);
            }
            return engine.now();
        }
    }

    /** Heap per pending event; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        EchoWorld world = new EchoWorld(64, n);
        long after = usedAfterGc(memory);
        if (world.engine.pending() != n) {
            throw new IllegalStateException("expected " + n + " pending events, found " + world.engine.pending());
        }
        long bytes = after - before;
        double perEvent = (double) bytes / n;
        System.out.printf("pending events: %,d%n", n);
        System.out.printf("heap used by them: %,d bytes = %.1f MB%n", bytes, bytes / 1e6);
        System.out.printf("bytes per pending event: %.1f (target: 1,000,000 in at most 200 MB, %.0f B each)%n",
                perEvent, MAX_BYTES_PER_MILLION / 1e6);
        // Keeps the world reachable until after the measurement.
        System.out.println("first event due at t=" + world.engine.now() + "ns, nodes=" + world.nodes.length);
        if (perEvent * 1_000_000 > MAX_BYTES_PER_MILLION) {
            System.exit(1);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            // Measuring is this main's purpose (not a test): a short pause lets a concurrent collector finish.
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
