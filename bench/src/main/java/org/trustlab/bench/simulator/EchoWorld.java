package org.trustlab.bench.simulator;

import org.trustlab.simulator.engine.Engine;

/**
 * The engine alone, with an echo protocol and no cryptography: {@code nodes} nodes keep {@code inFlight} messages
 * bouncing; every delivery counts the message and sends it back to its sender after a jittered latency (1 to 10 ms,
 * from a cheap deterministic xorshift so the generator does not dominate what is measured). Each delivery is one
 * engine event; the number of pending events stays at {@code inFlight}.
 */
final class EchoWorld {
    /** A node's only state: how many messages it received. */
    static final class Node {
        final int id;
        long received;

        Node(int id) {
            this.id = id;
        }
    }

    /** One message in flight: an engine event that delivers it. */
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

    long received() {
        long total = 0;
        for (Node n : nodes) {
            total += n.received;
        }
        return total;
    }
}
