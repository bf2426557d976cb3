package org.trustlab.bench.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap used by pending engine events: builds the echo world of {@link EngineBench} with N messages in flight
 * (default 1,000,000: N pending events), measures the heap after a full GC against an empty baseline, and prints
 * bytes per pending event and the total in MB. Target: 1 million pending events in at most 200 MB.
 *
 * <pre>
 *   java -Xmx1g -cp bench/target/benchmarks.jar org.trustlab.bench.simulator.PendingEventsMemory [N]
 * </pre>
 */
public final class PendingEventsMemory {
    private PendingEventsMemory() {}

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
        System.out.printf("pending events: %,d%n", n);
        System.out.printf("heap used by them: %,d bytes = %.1f MB (%.1f MiB)%n", bytes, bytes / 1e6,
                bytes / (1024.0 * 1024.0));
        System.out.printf("bytes per pending event: %.1f%n", (double) bytes / n);
        // keep the world reachable until after the measurement
        System.out.println("(first event due at t=" + world.engine.now() + ", nodes=" + world.nodes.length + ")");
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            // Measuring is this main's purpose; a short pause lets concurrent collectors finish their cycle.
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
