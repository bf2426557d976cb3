package org.trustlab.reference.vouch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;

/**
 * A tiny deterministic host for vouch devices in unit tests: one event queue for deliveries (constant latency) and
 * timers, per-device clock offsets, online/offline, crash/restart, a drop filter, and a log of every audit event,
 * outcome and wire message. Messages cross as bytes through {@link VouchCodec}, as in the simulator.
 */
final class TestNet {
    static final long KEY_SEED = 0;
    static final VouchCodec CODEC = new VouchCodec();

    record Wire(String from, String to, byte[] bytes, Instant at) {
        VouchMessage message() {
            return ((WireCodec.Decoded.Ok<VouchMessage>) CODEC.decode(bytes)).message();
        }
    }

    record Audit(String node, AuditEvent event) {}

    record Result(String node, Outcome outcome) {}

    private record Ev(Instant at, long seq, String node, TimerId timer, Wire wire) {}

    final class Node implements Env {
        final String name;
        final VouchDevice role;
        final DeterministicRandom random;
        final KeyRing keys;
        Duration offset = Duration.ZERO;
        boolean online = true;
        boolean crashed;
        final Map<TimerId, Long> timers = new TreeMap<>();

        Node(String name, VouchConfig config, Set<VouchMutant> mutants) {
            this.name = name;
            this.role = new VouchDevice(DeviceId.of(name), name, config, mutants);
            this.random = new DeterministicRandom(7, "node/" + name);
            this.keys = DeterministicKeys.ring(KEY_SEED, name);
        }

        @Override
        public Instant now() {
            return TestNet.this.now.plus(offset);
        }

        @Override
        public DeterministicRandom random() {
            return random;
        }

        @Override
        public KeyRing keys() {
            return keys;
        }

        DeviceInfo info() {
            return new DeviceInfo(DeviceId.of(name), name, keys.x25519(0).publicKey());
        }

        boolean up() {
            return online && !crashed;
        }
    }

    final Map<String, Node> nodes = new TreeMap<>();
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    Duration latency = Duration.ofMillis(20);
    Predicate<Wire> drop = w -> false;
    final List<Audit> audit = new ArrayList<>();
    final List<Result> outcomes = new ArrayList<>();
    final List<Wire> sent = new ArrayList<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>(Comparator.comparing(Ev::at)
            .thenComparingLong(Ev::seq));
    private long seq;

    Node add(String name, VouchConfig config, VouchMutant... mutants) {
        Node n = new Node(name, config, mutants.length == 0 ? VouchMutant.none() : Set.of(mutants));
        nodes.put(name, n);
        return n;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    VouchDevice role(String name) {
        return nodes.get(name).role;
    }

    /** A Direct pairing both devices already hold, as a scenario's setup declares it. */
    void pair(String a, String b) {
        install(a, b, PairingType.DIRECT, null);
        install(b, a, PairingType.DIRECT, null);
    }

    void pairProxied(String a, String b, String voucher) {
        install(a, b, PairingType.PROXIED, voucher);
        install(b, a, PairingType.PROXIED, voucher);
    }

    private void install(String self, String peer, PairingType type, String voucher) {
        Node s = nodes.get(self);
        Node p = nodes.get(peer);
        s.role.install(VouchDevice.setupRecord(DeviceId.of(self), s.keys, p.info(), p.keys.ed25519(0).publicKey(),
                type, TrustLevel.TRUSTED, voucher == null ? null : DeviceId.of(voucher)));
    }

    void trust(String self, String peer, TrustLevel level) {
        Node s = nodes.get(self);
        s.role.install(s.role.pairing(DeviceId.of(peer)).orElseThrow().withTrust(level));
    }

    void action(String node, String name, String... kv) {
        Map<String, String> args = new TreeMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put(kv[i], kv[i + 1]);
        }
        Node n = nodes.get(node);
        apply(n, n.role.onUserAction(UserAction.of(name, args), n));
    }

    /** An attacker's message, arriving at {@code to} now as if sent by {@code from}. */
    void inject(String from, String to, VouchMessage m) {
        Node n = nodes.get(to);
        byte[] bytes = CODEC.encode(m);
        deliver(n, new Wire(from, to, bytes, now));
    }

    void injectBytes(String from, String to, byte[] bytes) {
        deliver(nodes.get(to), new Wire(from, to, bytes, now));
    }

    void offline(String name) {
        nodes.get(name).online = false;
    }

    void online(String name) {
        Node n = nodes.get(name);
        n.online = true;
        if (!n.crashed) {
            apply(n, n.role.onOnline(n));
        }
    }

    void crash(String name) {
        Node n = nodes.get(name);
        n.crashed = true;
        n.timers.clear();
        n.role.onCrash();
    }

    void restart(String name) {
        Node n = nodes.get(name);
        n.crashed = false;
        apply(n, n.role.onRestart(n));
    }

    /** Processes every event due within {@code d}, then sets the clock to the end. */
    void run(Duration d) {
        Instant end = now.plus(d);
        while (!queue.isEmpty() && !queue.peek().at().isAfter(end)) {
            Ev e = queue.poll();
            now = e.at();
            Node n = nodes.get(e.node());
            if (e.timer() != null) {
                Long armed = n.timers.get(e.timer());
                if (armed != null && armed == e.seq()) {
                    n.timers.remove(e.timer());
                    apply(n, n.role.onTimer(e.timer(), n));
                }
            } else {
                deliver(n, e.wire());
            }
        }
        now = end;
    }

    void settle() {
        run(Duration.ofSeconds(1));
    }

    private void deliver(Node n, Wire w) {
        if (!n.up()) {
            return;
        }
        WireCodec.Decoded<VouchMessage> d = CODEC.decode(w.bytes());
        if (d instanceof WireCodec.Decoded.Ok<VouchMessage> ok) {
            apply(n, n.role.onMessage(DeviceId.of(w.from()), ok.message(), n));
        } else {
            WireCodec.Decoded.Malformed<VouchMessage> m = (WireCodec.Decoded.Malformed<VouchMessage>) d;
            apply(n, n.role.onMalformed(DeviceId.of(w.from()), m.reason(), m.detail(), n));
        }
    }

    private void apply(Node n, Outputs<VouchMessage> out) {
        for (AuditEvent a : out.audit()) {
            audit.add(new Audit(n.name, a));
        }
        for (Outcome o : out.outcomes()) {
            outcomes.add(new Result(n.name, o));
        }
        for (Outputs.TimerOp op : out.timers()) {
            if (op instanceof Outputs.SetTimer st) {
                long s = ++seq;
                n.timers.put(st.id(), s);
                queue.add(new Ev(now.plus(st.after()), s, n.name, st.id(), null));
            } else {
                n.timers.remove(op.id());
            }
        }
        for (Outputs.Send<VouchMessage> send : out.sends()) {
            Wire w = new Wire(n.name, send.to().value(), CODEC.encode(send.message()), now);
            sent.add(w);
            Node to = nodes.get(w.to());
            if (!n.up() || to == null || drop.test(w)) {
                continue;
            }
            queue.add(new Ev(now.plus(latency), ++seq, w.to(), null, w));
        }
    }

    // --- queries

    List<AuditEvent> audits(String node, String type) {
        return audit.stream().filter(a -> a.node().equals(node) && a.event().type().equals(type))
                .map(Audit::event).toList();
    }

    List<Outcome> outcomes(String node, String kind) {
        return outcomes.stream().filter(r -> r.node().equals(node) && r.outcome().kind().equals(kind))
                .map(Result::outcome).toList();
    }

    /** The reason codes of the rejections of {@code kind} on {@code node}, in order. */
    List<String> rejections(String node, String kind) {
        return outcomes(node, kind).stream().filter(o -> o instanceof Outcome.Rejected)
                .map(o -> ((Outcome.Rejected) o).reason()).toList();
    }

    long accepted(String node, String kind) {
        return outcomes(node, kind).stream().filter(o -> o instanceof Outcome.Accepted).count();
    }

    List<Wire> sent(String tag) {
        return sent.stream().filter(w -> VouchCodec.tagOf(w.message()).equals(tag)).toList();
    }

    /** Every status a session target went through, from the ResourceChanged events. */
    List<String> statuses(String voucher, String target) {
        return audits(voucher, VouchAudit.RESOURCE_CHANGED).stream()
                .filter(a -> target.equals(a.field(VouchAudit.TARGET))).map(a -> a.field(VouchAudit.STATUS)).toList();
    }

    List<String> sessionStates(String voucher) {
        return audits(voucher, VouchAudit.RESOURCE_CHANGED).stream()
                .filter(a -> a.field(VouchAudit.TARGET) == null).map(a -> a.field(VouchAudit.STATE)).toList();
    }
}
