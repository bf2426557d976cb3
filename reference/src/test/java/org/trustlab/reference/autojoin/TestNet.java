package org.trustlab.reference.autojoin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;

/**
 * A hand-driven network for the pure roles: every message goes through the codec, nothing is delivered until the
 * test says so, and the test may drop, hold, alter or replay any message in flight. Clocks are per node (a global
 * time plus the node's skew), so freshness can be tested under skew without the simulator.
 */
final class TestNet {
    static final long KEY_SEED = 7;
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    final AutoJoinCodec codec = new AutoJoinCodec();
    final Map<String, Node> nodes = new TreeMap<>();
    final LinkedList<Envelope> inflight = new LinkedList<>();
    final List<Envelope> delivered = new ArrayList<>();
    Instant now = T0;

    record Envelope(String from, String to, byte[] bytes) {
        AutoJoinMessage message() {
            WireCodec.Decoded<AutoJoinMessage> d = new AutoJoinCodec().decode(bytes);
            if (d instanceof WireCodec.Decoded.Ok<AutoJoinMessage> ok) {
                return ok.message();
            }
            throw new AssertionError("in-flight message does not decode: " + d);
        }
    }

    final class Node implements Env {
        final String name;
        final Role<AutoJoinMessage> role;
        final DeterministicRandom random;
        final KeyRing keys;
        Duration skew = Duration.ZERO;
        final List<AuditEvent> audit = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();

        Node(String name, Role<AutoJoinMessage> role) {
            this.name = name;
            this.role = role;
            this.random = new DeterministicRandom(1, "node/" + name);
            this.keys = DeterministicKeys.ring(KEY_SEED, name);
        }

        @Override
        public Instant now() {
            return TestNet.this.now.plus(skew);
        }

        @Override
        public DeterministicRandom random() {
            return random;
        }

        @Override
        public KeyRing keys() {
            return keys;
        }

        void apply(Outputs<AutoJoinMessage> out) {
            audit.addAll(out.audit());
            outcomes.addAll(out.outcomes());
            for (Outputs.Send<AutoJoinMessage> s : out.sends()) {
                inflight.add(new Envelope(name, s.to().value(), codec.encode(s.message())));
            }
        }

        List<AuditEvent> audits(String type) {
            return audit.stream().filter(a -> a.type().equals(type)).toList();
        }

        List<Outcome> outcomes(String kind) {
            return outcomes.stream().filter(o -> o.kind().equals(kind)).toList();
        }

        Outcome lastOutcome(String kind) {
            List<Outcome> list = outcomes(kind);
            if (list.isEmpty()) {
                throw new AssertionError(name + " decided nothing for " + kind + "; audit: " + audit);
            }
            return list.get(list.size() - 1);
        }
    }

    Node add(String name, Role<AutoJoinMessage> role) {
        Node n = new Node(name, role);
        nodes.put(name, n);
        return n;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    void act(String device, String action, Map<String, String> args) {
        Node n = nodes.get(device);
        n.apply(n.role.onUserAction(UserAction.of(action, args), n));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** Delivers the given envelope's bytes to its addressee. */
    void deliver(Envelope e) {
        Node n = nodes.get(e.to());
        delivered.add(e);
        if (n == null) {
            return; // addressed to an attacker's instance that the test plays by hand
        }
        WireCodec.Decoded<AutoJoinMessage> d = codec.decode(e.bytes());
        if (d instanceof WireCodec.Decoded.Ok<AutoJoinMessage> ok) {
            n.apply(n.role.onMessage(DeviceId.of(e.from()), ok.message(), n));
        } else {
            WireCodec.Decoded.Malformed<AutoJoinMessage> bad = (WireCodec.Decoded.Malformed<AutoJoinMessage>) d;
            n.apply(n.role.onMalformed(DeviceId.of(e.from()), bad.reason(), bad.detail(), n));
        }
    }

    void inject(String from, String to, AutoJoinMessage m) {
        inflight.add(new Envelope(from, to, codec.encode(m)));
    }

    /** Delivers everything in flight, in order, until the network is quiet. */
    void run() {
        int steps = 0;
        while (!inflight.isEmpty()) {
            deliver(inflight.removeFirst());
            if (++steps > 1000) {
                throw new AssertionError("message storm");
            }
        }
    }

    /** Delivers in order until a message matching {@code stop} is next, and takes it out of the network. */
    Envelope runUntil(Predicate<Envelope> stop) {
        while (!inflight.isEmpty()) {
            Envelope next = inflight.removeFirst();
            if (stop.test(next)) {
                return next;
            }
            deliver(next);
        }
        throw new AssertionError("no matching message was sent");
    }

    static Predicate<Envelope> carrying(Class<? extends AutoJoinMessage> type) {
        return e -> type.isInstance(e.message());
    }

    static Predicate<Envelope> carrying(Class<? extends AutoJoinMessage> type, String to) {
        return e -> e.to().equals(to) && type.isInstance(e.message());
    }

    void crash(String device) {
        nodes.get(device).role.onCrash();
    }

    void restart(String device) {
        Node n = nodes.get(device);
        n.apply(n.role.onRestart(n));
    }
}
