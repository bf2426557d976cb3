package org.trustlab.simulator.world;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.simulator.engine.Engine;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.LowEntropySecret;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.Users;
import org.trustlab.simulator.protocol.WorldFact;
import org.trustlab.simulator.protocol.WorldFacts;
import org.trustlab.simulator.scenario.ActionSpec;
import org.trustlab.simulator.scenario.CrashSpec;
import org.trustlab.simulator.scenario.Device;
import org.trustlab.simulator.scenario.NetworkSpec;
import org.trustlab.simulator.scenario.QuiesceSpec;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceFields;
import org.trustlab.simulator.trace.TraceRecorder;

/**
 * One run of a scenario: the devices hosting their roles, the network between them, the faults and the attacker,
 * driven by the {@link Engine} until the scenario's end. Everything random is drawn from streams of the run seed
 * named by component ({@code node/<name>}, {@code link/<a>-><b>}, {@code attacker}), and every event is recorded
 * in the trace.
 *
 * <p>At equal virtual times, scheduled events fire in this order: online windows, partitions, crashes and restarts,
 * the liveness phase's start ({@code quiesce}), key compromises, attacker steps, user actions (each in file order),
 * then whatever the run itself scheduled. From {@code quiesce.at} on no fault starts: partitions, offline windows
 * and crashes scheduled later are skipped (each on the record), the attacker passes every message on, and links lose
 * nothing.
 */
public final class Simulation<M> {
    static final String NETWORK = "network";
    static final String ATTACKER = "attacker";
    /** The node name of the world's own facts in the trace. */
    public static final String WORLD = "world";

    private final Scenario scenario;
    private final ProtocolBinding<M> binding;
    private final WireCodec<M> codec;
    private final long runSeed;
    private final Engine engine = new Engine();
    private final TraceRecorder recorder = new TraceRecorder();
    private final TreeMap<String, Node<M>> nodes = new TreeMap<>();
    private final NetworkModel network;
    private final Attacker<M> attacker;
    private final BindingContext bindingContext;
    private final WorldFacts facts;
    private final Users users;
    private final List<String> roleErrors = new ArrayList<>();
    private final MessageDigest sha256;
    private long nextMsgId;
    /** True from the start of the liveness phase: faults and the attacker have stopped. */
    private boolean quiesced;

    public Simulation(Scenario scenario, ProtocolBinding<M> binding, long runSeed) {
        this.scenario = scenario;
        this.binding = binding;
        this.codec = binding.codec();
        this.runSeed = runSeed;
        this.network = new NetworkModel(scenario.network(), runSeed);
        this.bindingContext = scenario.bindingContext();
        this.sha256 = TraceRecorder.sha256();
        List<Device> devices = scenario.devices();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            Role<M> role;
            try {
                role = binding.createRole(d.spec(), bindingContext);
            } catch (ScenarioException ex) {
                String p = ex.path().orElse("config");
                throw ex.withPath(p.startsWith("/") ? p : "/devices/" + i + "/" + p);
            }
            NodeClock clock = new NodeClock(scenario.epoch(), d.clock().offset().toNanos(), d.clock().driftPpm());
            nodes.put(d.name(), new Node<>(d, role, clock, runSeed,
                    DeterministicKeys.ring(scenario.keySeed(), d.name()), engine));
        }
        this.attacker = scenario.attacker().map(a -> new Attacker<>(this, a, binding)).orElse(null);
        this.facts = binding.worldFacts(bindingContext);
        this.users = binding.users(bindingContext);
    }

    /** Runs to the scenario's end (or until nothing is left to happen) and returns the trace. */
    public Trace run() {
        start();
        engine.run(nanos(scenario.end()));
        return recorder.finish();
    }

    public List<String> roleErrors() {
        return Collections.unmodifiableList(roleErrors);
    }

    public long eventsFired() {
        return engine.fired();
    }

    // ----- set-up -------------------------------------------------------------------------------------------

    private void start() {
        facts.initial().forEach(this::recordFact);
        if (attacker != null) {
            attacker.start();
        }
        for (Node<M> n : nodes.values()) {
            scheduleWindows(n);
        }
        List<NetworkSpec.PartitionSpec> partitions = scenario.network().partitions();
        for (int i = 0; i < partitions.size(); i++) {
            NetworkSpec.PartitionSpec p = partitions.get(i);
            int index = i;
            engine.at(nanos(p.at()), e -> partition(p, index));
            p.heal().ifPresent(h -> engine.at(nanos(h), e -> heal(p, index)));
        }
        for (CrashSpec c : scenario.crashes()) {
            Node<M> n = nodes.get(c.device());
            engine.at(nanos(c.at()), e -> crash(n));
            c.restart().ifPresent(r -> engine.at(nanos(r), e -> restart(n)));
        }
        scenario.quiesce().ifPresent(q -> engine.at(nanos(q.at()), e -> quiesce(q)));
        if (attacker != null) {
            attacker.schedule();
        }
        for (ActionSpec a : scenario.actions()) {
            Node<M> n = nodes.get(a.device());
            engine.at(nanos(a.at()), e -> userAction(n, a.toUserAction()));
        }
    }

    private void scheduleWindows(Node<M> n) {
        List<Device.Window> windows = n.device.online();
        if (windows.isEmpty()) {
            return;
        }
        boolean onlineAtZero = windows.stream().anyMatch(w -> w.contains(Duration.ZERO));
        if (!onlineAtZero) {
            n.online = false;
            record(n.name, Kind.OFFLINE, "offline", fields("local-time", n.localTime()));
        }
        for (Device.Window w : windows) {
            if (!w.from().isZero()) {
                engine.at(nanos(w.from()), e -> goOnline(n));
            }
            w.to().ifPresent(t -> engine.at(nanos(t), e -> goOffline(n)));
        }
    }

    // ----- scheduled happenings -----------------------------------------------------------------------------

    /**
     * The liveness phase begins: it is on the record as a world fact (invariants read the phase from the world,
     * never from a device), then every partition heals, every crashed device restarts, every device comes online
     * and the attacker lets go of what it holds.
     */
    private void quiesce(QuiesceSpec q) {
        quiesced = true;
        recordFact(WorldFact.of("quiesce", "at", q.at().toString(), "within", q.within().toString(), "deadline",
                q.deadline().toString()));
        List<NetworkSpec.PartitionSpec> partitions = scenario.network().partitions();
        for (int i = 0; i < partitions.size(); i++) {
            if (network.active(partitions.get(i))) {
                heal(partitions.get(i), i);
            }
        }
        for (Node<M> n : nodes.values()) {
            if (n.crashed) {
                restart(n);
            }
            goOnline(n);
        }
        if (attacker != null) {
            attacker.stop();
        }
    }

    /** Whether the liveness phase has begun: the attacker and the faults have stopped. */
    boolean quiesced() {
        return quiesced;
    }

    /** A fault scheduled inside the liveness phase does not happen; the trace says so. */
    private boolean skippedAfterQuiesce(String node, String what) {
        if (quiesced) {
            record(node, Kind.NOTE, what + "-ignored", fields("reason", "quiesced"));
        }
        return quiesced;
    }

    private void partition(NetworkSpec.PartitionSpec p, int index) {
        if (skippedAfterQuiesce(NETWORK, "partition")) {
            return;
        }
        network.partition(p);
        StringBuilder groups = new StringBuilder();
        for (List<String> g : p.groups()) {
            if (groups.length() > 0) {
                groups.append(" | ");
            }
            groups.append(String.join(",", g));
        }
        record(NETWORK, Kind.PARTITION, "partition", fields("partition", Integer.toString(index), "groups",
                groups.toString()));
    }

    private void heal(NetworkSpec.PartitionSpec p, int index) {
        if (!network.active(p)) {
            return;
        }
        network.heal(p);
        record(NETWORK, Kind.HEAL, "heal", fields("partition", Integer.toString(index)));
    }

    private void goOnline(Node<M> n) {
        if (n.online) {
            return;
        }
        n.online = true;
        record(n.name, Kind.ONLINE, "online", fields("local-time", n.localTime()));
        if (!n.crashed && n.registered) {
            invoke(n, "online", () -> n.role.onOnline(n));
            flushMailbox(n);
        }
    }

    private void goOffline(Node<M> n) {
        if (!n.online || skippedAfterQuiesce(n.name, "offline")) {
            return;
        }
        n.online = false;
        record(n.name, Kind.OFFLINE, "offline", fields("local-time", n.localTime()));
    }

    private void crash(Node<M> n) {
        if (skippedAfterQuiesce(n.name, "crash")) {
            return;
        }
        if (n.crashed) {
            record(n.name, Kind.NOTE, "crash-ignored", fields("reason", "already-crashed"));
            return;
        }
        n.crashed = true;
        // Timers live in memory: they are lost with the crash, whatever the role does.
        n.timers.clear();
        record(n.name, Kind.CRASH, "crash", fields("local-time", n.localTime()));
        try {
            n.role.onCrash();
        } catch (RuntimeException | AssertionError ex) {
            roleError(n, "crash", ex);
        }
    }

    private void restart(Node<M> n) {
        if (!n.crashed) {
            record(n.name, Kind.NOTE, "restart-ignored", fields("reason", "not-crashed"));
            return;
        }
        n.crashed = false;
        record(n.name, Kind.RESTART, "restart", fields("local-time", n.localTime()));
        invoke(n, "restart", () -> n.role.onRestart(n));
        flushMailbox(n);
    }

    void userAction(Node<M> n, UserAction scripted) {
        if (n.crashed) {
            TraceFields.Builder f = TraceFields.builder(scripted.args()).put("local-time", n.localTime());
            f.put("status", "ignored-crashed");
            record(n.name, Kind.USER_ACTION, scripted.name(), f.build());
            return;
        }
        // The trace records what the user did (e.g. the code read off the other screen), which the device receives.
        UserAction action = users.perform(n.name, scripted);
        TraceFields.Builder f = TraceFields.builder(action.args()).put("local-time", n.localTime());
        record(n.name, Kind.USER_ACTION, action.name(), f.build());
        facts.afterUserAction(n.name, action).forEach(this::recordFact);
        invoke(n, "user-action", () -> n.role.onUserAction(action, n));
    }

    private void recordFact(WorldFact fact) {
        record(WORLD, Kind.FACT, fact.type(), TraceFields.builder(fact.fields()).build());
    }

    /** An attacker-controlled device joins the network. */
    void register(Node<M> n) {
        if (n.registered) {
            return;
        }
        n.registered = true;
        if (n.up()) {
            invoke(n, "online", () -> n.role.onOnline(n));
            flushMailbox(n);
        }
    }

    private void fireTimer(Node<M> n, TimerId id, long token) {
        Long live = n.timers.get(id);
        if (n.crashed || live == null || live != token) {
            return;
        }
        n.timers.remove(id);
        record(n.name, Kind.TIMER, id.name(), fields("local-time", n.localTime()));
        invoke(n, "timer", () -> n.role.onTimer(id, n));
    }

    // ----- roles --------------------------------------------------------------------------------------------

    private void invoke(Node<M> n, String input, Supplier<Outputs<M>> step) {
        Outputs<M> out;
        try {
            out = step.get();
        } catch (RuntimeException | AssertionError ex) {
            roleError(n, input, ex);
            return;
        }
        apply(n, out);
    }

    /** A role that throws has a defect: the run goes on, the trace and the result say so. */
    private void roleError(Node<M> n, String input, Throwable ex) {
        String message = String.valueOf(ex.getMessage());
        roleErrors.add(n.name + " on " + input + " at t=" + engine.now() + ": " + ex.getClass().getName() + ": "
                + message);
        record(n.name, Kind.NOTE, "role-exception", fields("input", input, "exception", ex.getClass().getName(),
                "message", message));
    }

    private void apply(Node<M> n, Outputs<M> out) {
        if (out == null) {
            return;
        }
        String localTime = null;
        for (AuditEvent a : out.audit()) {
            users.shown(n.name, a);
            localTime = localTime == null ? n.localTime() : localTime;
            TraceFields.Builder f = TraceFields.builder(a.fields());
            if (a.reason() != null) {
                f.put("reason", a.reason());
            }
            f.put("local-time", localTime);
            record(n.name, Kind.AUDIT, a.type(), f.build());
        }
        for (Outcome o : out.outcomes()) {
            localTime = localTime == null ? n.localTime() : localTime;
            TraceFields.Builder f = TraceFields.builder(o.fields());
            if (o instanceof Outcome.Rejected r) {
                f.put("result", "rejected");
                f.put("reason", r.reason());
            } else {
                f.put("result", "accepted");
            }
            f.put("local-time", localTime);
            record(n.name, Kind.OUTCOME, o.kind(), f.build());
        }
        for (Outputs.TimerOp op : out.timers()) {
            if (op instanceof Outputs.SetTimer s) {
                long token = ++n.timerTokens;
                n.timers.put(s.id(), token);
                long delay = n.clock.globalDelay(saturatedNanos(s.after()));
                engine.after(delay, e -> fireTimer(n, s.id(), token));
            } else {
                n.timers.remove(op.id());
            }
        }
        for (Outputs.Send<M> s : out.sends()) {
            send(n, s.to(), s.message());
        }
    }

    // ----- network ------------------------------------------------------------------------------------------

    private void send(Node<M> n, DeviceId to, M message) {
        byte[] bytes;
        try {
            bytes = codec.encode(message);
        } catch (RuntimeException ex) {
            roleError(n, "encode", ex);
            return;
        }
        String msgId = newMsgId();
        String tag = tagOf(bytes);
        String sha = sha256(bytes);
        record(n.name, Kind.SEND, tag, withWireFacts(message, fields("from", n.name, "to", to.value(), "msg-id",
                msgId, "bytes-sha256", sha, "size", Integer.toString(bytes.length), "local-time", n.localTime())));
        if (!n.online || !n.registered) {
            record(NETWORK, Kind.DROP, tag, fields("from", n.name, "to", to.value(), "msg-id", msgId, "reason",
                    "sender-" + n.downReason()));
            return;
        }
        Transit t = new Transit(n.name, to.value(), bytes, msgId, tag, sha, false, false);
        if (attacker != null) {
            attacker.observe(t, message);
            attacker.intercept(t);
        } else {
            transmit(t);
        }
    }

    /** The honest network path: loss, latency, reordering and duplication on the link, then delivery. */
    void transmit(Transit t) {
        if (t.direct()) {
            deliver(t);
            return;
        }
        NetworkModel.Link link = network.link(t.from(), t.to());
        // The draw is made in the liveness phase too, so that the link's later draws do not depend on the phase.
        if (link.rng.chance(link.loss) && !quiesced) {
            record(NETWORK, Kind.DROP, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(),
                    "reason", "loss"));
            return;
        }
        long latency = link.sampleLatency();
        if (link.rng.chance(link.reorder)) {
            long extra = link.rng.nextLong(nanos(scenario.network().reorderDelay()) + 1);
            latency += extra;
            record(NETWORK, Kind.REORDER, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(),
                    "extra-delay-ns", Long.toString(extra)));
        }
        engine.after(latency, e -> deliver(t));
        if (link.rng.chance(link.duplicate)) {
            long copyLatency = link.sampleLatency();
            record(NETWORK, Kind.DUPLICATE, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId()));
            engine.after(copyLatency, e -> deliver(t));
        }
    }

    void deliver(Transit t) {
        Node<M> n = nodes.get(t.to());
        if (n == null) {
            record(NETWORK, Kind.DROP, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(),
                    "reason", "unknown-destination"));
            return;
        }
        if (!t.direct() && network.partitioned(t.from(), t.to())) {
            record(NETWORK, Kind.DROP, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(),
                    "reason", "partition"));
            return;
        }
        if (!n.up()) {
            if (n.device.mailbox()) {
                n.mailbox.add(t);
                record(n.name, Kind.MAILBOX_HOLD, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id",
                        t.msgId(), "reason", n.downReason(), "local-time", n.localTime()));
            } else {
                record(NETWORK, Kind.DROP, t.tag(), fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(),
                        "reason", n.downReason()));
            }
            return;
        }
        deliverNow(n, t);
        if (attacker != null) {
            attacker.delivered(t);
        }
    }

    private void flushMailbox(Node<M> n) {
        while (n.up() && !n.mailbox.isEmpty()) {
            deliverNow(n, n.mailbox.poll());
        }
    }

    private void deliverNow(Node<M> n, Transit t) {
        String size = Integer.toString(t.bytes().length);
        TraceFields f = t.viaAttacker()
                ? fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(), "bytes-sha256", t.sha256(), "size",
                        size, "local-time", n.localTime(), "via", ATTACKER)
                : fields("from", t.from(), "to", t.to(), "msg-id", t.msgId(), "bytes-sha256", t.sha256(), "size",
                        size, "local-time", n.localTime());
        // Decoded before the DELIVER event is recorded, so that the event can say what the message says.
        WireCodec.Decoded<M> decoded;
        RuntimeException decodeError = null;
        try {
            decoded = codec.decode(t.bytes().clone());
        } catch (RuntimeException ex) {
            decodeError = ex;
            decoded = new WireCodec.Decoded.Malformed<>("DECODER_EXCEPTION", ex.getClass().getSimpleName());
        }
        record(n.name, Kind.DELIVER, t.tag(), decoded instanceof WireCodec.Decoded.Ok<M> ok
                ? withWireFacts(ok.message(), f) : f);
        if (decodeError != null) {
            roleError(n, "decode", decodeError);
        }
        DeviceId from = DeviceId.of(t.from());
        if (decoded instanceof WireCodec.Decoded.Ok<M> ok) {
            invoke(n, "message", () -> n.role.onMessage(from, ok.message(), n));
            return;
        }
        WireCodec.Decoded.Malformed<M> bad = (WireCodec.Decoded.Malformed<M>) decoded;
        record(n.name, Kind.MALFORMED, t.tag(), fields("from", t.from(), "msg-id", t.msgId(), "reason",
                bad.reason(), "detail", String.valueOf(bad.detail()), "local-time", n.localTime()));
        invoke(n, "malformed", () -> n.role.onMalformed(from, bad.reason(), String.valueOf(bad.detail()), n));
    }

    // ----- shared helpers -----------------------------------------------------------------------------------

    String newMsgId() {
        return "m" + nextMsgId++;
    }

    Engine engine() {
        return engine;
    }

    Scenario scenario() {
        return scenario;
    }

    BindingContext bindingContext() {
        return bindingContext;
    }

    long runSeed() {
        return runSeed;
    }

    Node<M> node(String name) {
        return nodes.get(name);
    }

    /** Device names in sorted order (the random attacker picks among them). */
    List<String> deviceNames() {
        return List.copyOf(nodes.keySet());
    }

    TraceEvent record(String node, Kind kind, String type, SortedMap<String, String> f) {
        return recorder.record(engine.now(), node, kind, type, withoutLowEntropySecrets(f));
    }

    /** {@code f} with every low-entropy secret the binding declares written as its kind and length. */
    private SortedMap<String, String> withoutLowEntropySecrets(SortedMap<String, String> f) {
        SortedMap<String, String> shown = f;
        for (Map.Entry<String, String> secret : binding.lowEntropyFields().entrySet()) {
            String value = f.get(secret.getKey());
            if (value != null) {
                shown = shown == f ? new TreeMap<>(f) : shown;
                shown.put(secret.getKey(), LowEntropySecret.shown(secret.getValue(), value));
            }
        }
        return shown;
    }

    String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256.digest(bytes));
    }

    /** The canonical tag of the bytes, or {@code ?} when they do not start with a readable one. */
    static String tagOf(byte[] bytes) {
        if (bytes.length < 2) {
            return "?";
        }
        int length = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
        if (length == 0 || length > 256 || bytes.length < 2 + length) {
            return "?";
        }
        String tag = new String(bytes, 2, length, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "?";
            }
        }
        return tag;
    }

    /** An event's fields, built sorted once: the event keeps this very map (see {@link TraceFields}). */
    /** The event's fields plus what the binding reads off the message ({@link ProtocolBinding#wireFacts}). */
    private TraceFields withWireFacts(M message, TraceFields base) {
        Map<String, String> wire = binding.wireFacts(message);
        if (wire.isEmpty()) {
            return base;
        }
        TraceFields.Builder b = TraceFields.builder(base);
        wire.forEach((k, v) -> {
            if (v != null && base.get(k) == null) {
                b.put(k, v);
            }
        });
        return b.build();
    }

    static TraceFields fields(String... keyValues) {
        return TraceFields.of(keyValues);
    }

    static long nanos(Duration d) {
        return saturatedNanos(d);
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE / 4;
        }
    }
}
