package org.trustlab.simulator.world;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.simulator.engine.Engine;
import org.trustlab.simulator.scenario.Device;

/** One simulated device: the role it hosts, its clock and random stream, and what the simulator does to it. */
final class Node<M> implements Env {
    final String name;
    final DeviceId id;
    final Device device;
    final Role<M> role;
    final NodeClock clock;
    /** Made on first use: an HMAC-DRBG is costly to set up and many roles never draw in a run. */
    private DeterministicRandom random;
    private final long runSeed;
    private final KeyRing keys;
    private final Engine engine;

    boolean online = true;
    boolean crashed;
    /** False for an attacker-controlled device until its {@code register} step. */
    boolean registered = true;
    /** Messages the store-and-forward mailbox holds while the device is unreachable. */
    final ArrayDeque<Transit> mailbox = new ArrayDeque<>();
    /**
     * The live token of each timer; a firing whose token is no longer here was replaced, cancelled or lost. Only
     * looked up, never iterated, so a hash map (a TreeMap's compareTo walk showed in profiles of timer-heavy runs).
     */
    final HashMap<TimerId, Long> timers = new HashMap<>();
    long timerTokens;
    private long localTimeAt;
    private String localTimeText;

    Node(Device device, Role<M> role, NodeClock clock, long runSeed, KeyRing keys, Engine engine) {
        this.name = device.name();
        this.id = DeviceId.of(name);
        this.device = device;
        this.role = role;
        this.clock = clock;
        this.runSeed = runSeed;
        this.keys = keys;
        this.engine = engine;
    }

    /** Reachable over the network. */
    boolean up() {
        return online && !crashed && registered;
    }

    String downReason() {
        return crashed ? "crashed" : !registered ? "unregistered" : "offline";
    }

    @Override
    public Instant now() {
        return clock.localInstant(engine.now());
    }

    /**
     * The local clock as the trace writes it. Several events at one instant each carry it; the text is kept for
     * the last instant asked, and written by {@link InstantText} rather than Instant.toString (both showed in
     * campaign profiles).
     */
    String localTime() {
        long t = engine.now();
        if (localTimeText == null || localTimeAt != t) {
            localTimeText = InstantText.format(clock.localInstant(t));
            localTimeAt = t;
        }
        return localTimeText;
    }

    @Override
    public DeterministicRandom random() {
        if (random == null) {
            // The same stream as one made up front: a DRBG's output depends only on (seed, name) and the draws.
            random = new DeterministicRandom(runSeed, "node/" + name);
        }
        return random;
    }

    @Override
    public KeyRing keys() {
        return keys;
    }
}
