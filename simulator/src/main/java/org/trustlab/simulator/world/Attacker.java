package org.trustlab.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.crypto.RsaKeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.simulator.engine.SeededRandomGenerator;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.LearnedSecret;
import org.trustlab.simulator.protocol.ObservedMessage;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.AttackStep;
import org.trustlab.simulator.scenario.AttackerSpec;
import org.trustlab.simulator.scenario.Device;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceFields;

/**
 * The Dolev-Yao network attacker: it sees every message sent, learns what {@link ProtocolBinding#analyze} says it
 * can, and (by script or at random) drops, delays, duplicates, reorders, redirects, tampers with, replays and
 * injects messages, registers devices it controls, and uses keys the scenario hands it. Every action is an
 * {@code ATTACKER} trace event. Its random choices come from the {@code attacker} stream of the run seed, and
 * forgeries from {@code attacker/forge}, so the honest devices' streams never shift because of it.
 */
final class Attacker<M> implements AttackerContext<M> {
    private static final String ME = Simulation.ATTACKER;

    private final Simulation<M> sim;
    private final AttackerSpec spec;
    private final ProtocolBinding<M> binding;
    private final WireCodec<M> codec;
    private final List<ObservedMessage<M>> observed = new ArrayList<>();
    private final LinkedHashSet<LearnedSecret> learned = new LinkedHashSet<>();
    private final TreeMap<String, TreeSet<Integer>> compromised = new TreeMap<>();
    private final TreeSet<String> controlled = new TreeSet<>();
    private final SeededRandomGenerator choice;
    /** Made on first use (see {@link #random()}): most attackers never forge. */
    private DeterministicRandom forgeRandom;
    private final int[] remaining;
    /** Messages held for reordering, by link, until another message on the link is delivered. */
    private final TreeMap<String, List<Held>> held = new TreeMap<>();
    /** Messages delayed and not yet passed on, in the order they were taken: the liveness phase lets them go. */
    private final List<Held> delayed = new ArrayList<>();

    private static final class Held {
        final Transit transit;
        boolean released;

        Held(Transit transit) {
            this.transit = transit;
        }
    }

    Attacker(Simulation<M> sim, AttackerSpec spec, ProtocolBinding<M> binding) {
        this.sim = sim;
        this.spec = spec;
        this.binding = binding;
        this.codec = binding.codec();
        this.choice = new SeededRandomGenerator(sim.runSeed(), "attacker");
        this.remaining = new int[spec.steps().size()];
        for (int i = 0; i < remaining.length; i++) {
            if (spec.steps().get(i) instanceof AttackStep.Intercept ic) {
                remaining[i] = ic.count();
            }
        }
        for (Device d : sim.scenario().devices()) {
            if (d.spec().attacker()) {
                controlled.add(d.name());
            }
        }
    }

    /** At time 0: the devices the attacker controls, and which of them are not registered yet. */
    void start() {
        for (String name : controlled) {
            sim.record(ME, Kind.ATTACKER, "controls", Simulation.fields("device", name, "ed25519",
                    DeterministicKeys.ed25519(sim.scenario().keySeed(), name, 0).fingerprint()));
        }
        for (AttackStep s : spec.steps()) {
            if (s instanceof AttackStep.Register r) {
                sim.node(r.device()).registered = false;
            }
        }
    }

    void schedule() {
        for (AttackerSpec.Compromise c : spec.compromise()) {
            sim.engine().at(Simulation.nanos(c.at()), e -> compromise(c));
        }
        List<AttackStep> steps = spec.steps();
        for (int i = 0; i < steps.size(); i++) {
            AttackStep s = steps.get(i);
            int index = i;
            if (s instanceof AttackStep.Replay r) {
                sim.engine().at(Simulation.nanos(r.at()), e -> replay(r));
            } else if (s instanceof AttackStep.Inject in) {
                sim.engine().at(Simulation.nanos(in.at()), e -> inject(in, index));
            } else if (s instanceof AttackStep.Register reg) {
                sim.engine().at(Simulation.nanos(reg.at()), e -> register(reg));
            }
        }
    }

    // ----- observing ----------------------------------------------------------------------------------------

    void observe(Transit t, M message) {
        remember(t, message);
        if (message == null) {
            return;
        }
        List<LearnedSecret> secrets;
        try {
            secrets = binding.analyze(message, this);
        } catch (RuntimeException ex) {
            sim.record(ME, Kind.NOTE, "analyze-failed", Simulation.fields("msg-id", t.msgId(), "exception",
                    ex.getClass().getName(), "message", String.valueOf(ex.getMessage())));
            return;
        }
        for (LearnedSecret s : secrets) {
            if (learned.add(s)) {
                sim.record(ME, Kind.ATTACKER, "learned", s.fingerprint() != null
                        ? Simulation.fields("kind", s.kind(), "fingerprint", s.fingerprint(), "msg-id", t.msgId())
                        : Simulation.fields("kind", s.kind(), "about", s.about(), "msg-id", t.msgId()));
            }
        }
    }

    /**
     * Adds a message to what the attacker has seen, without analysing it: for its own forgeries, which teach it
     * nothing (it built them from what it knew; a key it made up and encrypted to a device it compromised is no
     * secret of anyone's).
     */
    private void remember(Transit t, M message) {
        observed.add(new ObservedMessage<>(t.msgId(), sim.engine().now(), org.trustlab.reference.core.DeviceId.of(
                t.from()), org.trustlab.reference.core.DeviceId.of(t.to()), t.tag(), t.bytes(), message));
    }

    // ----- intercepting -------------------------------------------------------------------------------------

    /**
     * The liveness phase begins: every message held back goes on now, in the order it was taken, and from here on
     * the attacker only watches (see {@link #stopped}).
     */
    void stop() {
        List<Held> waiting = new ArrayList<>(delayed);
        held.values().forEach(waiting::addAll);
        delayed.clear();
        for (Held h : waiting) {
            release(h, "quiesce");
        }
    }

    /** In the liveness phase the attacker no longer acts; a step it had planned is on the record as skipped. */
    private boolean stopped(String what, String step) {
        if (!sim.quiesced()) {
            return false;
        }
        sim.record(ME, Kind.NOTE, what + "-skipped", Simulation.fields("step", step, "reason", "quiesced"));
        return true;
    }

    /** Decides what happens to an honest message in flight; passes it on to the network unless it acts. */
    void intercept(Transit t) {
        if (sim.quiesced()) {
            sim.transmit(t);
            return;
        }
        long now = sim.engine().now();
        List<AttackStep> steps = spec.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (remaining[i] > 0 && steps.get(i) instanceof AttackStep.Intercept ic
                    && now >= Simulation.nanos(ic.at()) && ic.match().matches(t.from(), t.to(), t.tag())) {
                remaining[i]--;
                scripted(ic, i, t);
                return;
            }
        }
        if (spec.strategy() == AttackerSpec.Strategy.RANDOM && !spec.random().ops().isEmpty()
                && choice.chance(spec.random().rate())) {
            randomMove(t);
            return;
        }
        sim.transmit(t);
    }

    private void scripted(AttackStep.Intercept ic, int index, Transit t) {
        String step = Integer.toString(index);
        if (ic instanceof AttackStep.Drop) {
            act("drop", t, "step", step);
        } else if (ic instanceof AttackStep.Delay d) {
            delay(t, Simulation.nanos(d.by()), step);
        } else if (ic instanceof AttackStep.Duplicate d) {
            duplicate(t, Simulation.nanos(d.after()), step);
        } else if (ic instanceof AttackStep.Reorder r) {
            reorder(t, Simulation.nanos(r.maxHold()), step);
        } else if (ic instanceof AttackStep.Redirect r) {
            redirect(t, r.to(), step);
        } else {
            tamper((AttackStep.Tamper) ic, t, step);
        }
    }

    private void randomMove(Transit t) {
        List<AttackStep.Op> ops = spec.random().ops();
        AttackStep.Op op = ops.get(choice.nextInt(ops.size()));
        long maxDelay = Simulation.nanos(spec.random().maxDelay());
        String step = "random";
        switch (op) {
            case DROP -> act("drop", t, "step", step);
            case DELAY -> delay(t, choice.nextLong(maxDelay + 1), step);
            case DUPLICATE -> duplicate(t, choice.nextLong(maxDelay + 1), step);
            case REORDER -> reorder(t, Math.max(1, maxDelay), step);
            case REDIRECT -> {
                List<String> others = new ArrayList<>(sim.deviceNames());
                others.remove(t.to());
                if (others.isEmpty()) {
                    sim.transmit(t);
                } else {
                    redirect(t, others.get(choice.nextInt(others.size())), step);
                }
            }
            case TAMPER -> flip(t, choice.nextLong(Math.max(1, t.bytes().length * 8L)), step);
            case REPLAY -> {
                sim.transmit(t);
                ObservedMessage<M> old = observed.get(choice.nextInt(observed.size()));
                List<String> names = sim.deviceNames();
                String to = names.get(choice.nextInt(names.size()));
                long after = choice.nextLong(maxDelay + 1);
                sim.engine().after(after, e -> replayNow(old, to, old.from().value(), step));
            }
            case INJECT -> {
                sim.transmit(t);
                List<Map<String, Object>> menu = binding.forgeryMenu();
                if (menu.isEmpty()) {
                    return;
                }
                Map<String, Object> message = menu.get(choice.nextInt(menu.size()));
                List<String> names = sim.deviceNames();
                String to = names.get(choice.nextInt(names.size()));
                String from = names.get(choice.nextInt(names.size()));
                long after = choice.nextLong(maxDelay + 1);
                sim.engine().after(after, e -> injectNow(message, to, from, step, "/attacker/random"));
            }
            case REGISTER -> sim.transmit(t);
            default -> throw new AssertionError(op);
        }
    }

    private void act(String what, Transit t, String... extra) {
        TraceFields.Builder f = TraceFields.builder(Simulation.fields("msg-id", t.msgId(), "from", t.from(), "to",
                t.to(), "tag", t.tag()));
        for (int i = 0; i < extra.length; i += 2) {
            f.put(extra[i], extra[i + 1]);
        }
        sim.record(ME, Kind.ATTACKER, what, f.build());
    }

    private void delay(Transit t, long by, String step) {
        act("delay", t, "step", step, "by-ns", Long.toString(by));
        Held h = new Held(t);
        delayed.add(h);
        sim.engine().after(by, e -> {
            if (!h.released) {
                h.released = true;
                delayed.remove(h);
                sim.transmit(t);
            }
        });
    }

    private void duplicate(Transit t, long after, String step) {
        act("duplicate", t, "step", step, "after-ns", Long.toString(after));
        sim.transmit(t);
        sim.engine().after(after, e -> sim.transmit(t));
    }

    private void reorder(Transit t, long maxHold, String step) {
        act("reorder", t, "step", step, "max-hold-ns", Long.toString(maxHold));
        Held h = new Held(t);
        held.computeIfAbsent(link(t), k -> new ArrayList<>()).add(h);
        sim.engine().after(maxHold, e -> release(h, "timeout"));
    }

    /** Another message on the link got through: the held ones follow it, so they arrive after it. */
    void delivered(Transit t) {
        List<Held> waiting = held.remove(link(t));
        if (waiting == null) {
            return;
        }
        for (Held h : waiting) {
            release(h, "overtaken");
        }
    }

    private void release(Held h, String why) {
        if (h.released) {
            return;
        }
        h.released = true;
        List<Held> list = held.get(link(h.transit));
        if (list != null) {
            list.remove(h);
            if (list.isEmpty()) {
                held.remove(link(h.transit));
            }
        }
        act("release", h.transit, "why", why);
        sim.transmit(h.transit);
    }

    private static String link(Transit t) {
        return t.from() + "->" + t.to();
    }

    private void redirect(Transit t, String to, String step) {
        act("redirect", t, "step", step, "new-to", to);
        sim.transmit(t.withTo(to));
    }

    private void flip(Transit t, long bit, String step) {
        byte[] bytes = t.bytes().clone();
        long b = bytes.length == 0 ? 0 : Math.floorMod(bit, bytes.length * 8L);
        if (bytes.length > 0) {
            bytes[(int) (b / 8)] ^= (byte) (1 << (b % 8));
        }
        Transit changed = t.withBytes(bytes, Simulation.tagOf(bytes), sim.sha256(bytes));
        act("tamper", t, "step", step, "flip-bit", Long.toString(b), "bytes-sha256", changed.sha256(),
                "original-sha256", t.sha256());
        sim.transmit(changed);
    }

    private void tamper(AttackStep.Tamper tp, Transit t, String step) {
        Transit current = t;
        if (tp.substitute().isPresent()) {
            AttackStep.Substitute s = tp.substitute().get();
            Optional<byte[]> value = substituteValue(s, t);
            if (value.isEmpty()) {
                act("tamper-failed", t, "step", step, "reason", "no-source-field");
                sim.transmit(t);
                return;
            }
            DecodeResult<byte[]> r = Canonical.withField(t.bytes(), s.field(), value.get());
            if (r instanceof DecodeResult.Failure<byte[]> f) {
                act("tamper-failed", t, "step", step, "reason", f.reason().code());
                sim.transmit(t);
                return;
            }
            byte[] bytes = ((DecodeResult.Ok<byte[]>) r).value();
            current = t.withBytes(bytes, Simulation.tagOf(bytes), sim.sha256(bytes));
            act("tamper", t, "step", step, "field", Integer.toString(s.field()), "bytes-sha256", current.sha256(),
                    "original-sha256", t.sha256());
        }
        if (tp.flip().isPresent()) {
            String flip = tp.flip().get();
            long bit = flip.equals("random") ? choice.nextLong(Math.max(1, current.bytes().length * 8L))
                    : Long.parseLong(flip);
            flip(current, bit, step);
            return;
        }
        sim.transmit(current);
    }

    private Optional<byte[]> substituteValue(AttackStep.Substitute s, Transit t) {
        if (s.value().isPresent()) {
            return Optional.of(Bytes.fromHex(s.value().get()));
        }
        String from = s.copyFrom().orElse("last");
        ObservedMessage<M> source = null;
        for (int i = observed.size() - 1; i >= 0; i--) {
            ObservedMessage<M> o = observed.get(i);
            boolean wanted = from.equals("last")
                    ? o.tag().equals(t.tag()) && !o.msgId().equals(t.msgId())
                    : o.msgId().equals(from);
            if (wanted) {
                source = o;
                break;
            }
        }
        if (source == null) {
            return Optional.empty();
        }
        DecodeResult<Canonical.Record> r = Canonical.decode(source.bytes());
        if (r instanceof DecodeResult.Ok<Canonical.Record> ok && s.copyField() < ok.value().fields().size()) {
            return Optional.of(ok.value().fields().get(s.copyField()));
        }
        return Optional.empty();
    }

    // ----- timed steps --------------------------------------------------------------------------------------

    private void compromise(AttackerSpec.Compromise c) {
        compromised.computeIfAbsent(c.device(), k -> new TreeSet<>()).add(c.generation());
        TreeMap<String, String> f = new TreeMap<>(binding.compromisedKeyFacts(c.device(), c.generation(),
                binding()));
        f.putAll(Simulation.fields("device", c.device(), "generation", Integer.toString(c.generation())));
        sim.record(ME, Kind.ATTACKER, "compromise", f);
    }

    private void replay(AttackStep.Replay r) {
        ObservedMessage<M> source = null;
        for (int i = observed.size() - 1; i >= 0; i--) {
            ObservedMessage<M> o = observed.get(i);
            boolean wanted = r.msg().map(id -> id.equals(o.msgId()))
                    .orElseGet(() -> r.match().matches(o.from().value(), o.to().value(), o.tag()));
            if (wanted) {
                source = o;
                break;
            }
        }
        if (source == null) {
            sim.record(ME, Kind.ATTACKER, "replay-failed", Simulation.fields("reason", "nothing-observed",
                    "msg-id", r.msg().orElse("")));
            return;
        }
        replayNow(source, r.to().orElse(source.to().value()), r.from().orElse(source.from().value()), "scripted");
    }

    private void replayNow(ObservedMessage<M> source, String to, String from, String step) {
        if (stopped("replay", step)) {
            return;
        }
        byte[] bytes = source.bytes();
        Transit t = new Transit(from, to, bytes, source.msgId(), source.tag(), sim.sha256(bytes), true, true);
        act("replay", t, "step", step, "original-from", source.from().value(), "original-to", source.to().value());
        sim.deliver(t);
    }

    private void inject(AttackStep.Inject in, int index) {
        injectNow(in.message(), in.to(), in.from(), "scripted", "/attacker/steps/" + index);
    }

    private void injectNow(Map<String, Object> spec, String to, String from, String step, String path) {
        if (stopped("inject", step)) {
            return;
        }
        M message;
        try {
            message = binding.forge(spec, this);
        } catch (ScenarioException ex) {
            String p = ex.path().orElse("message");
            throw ex.withPath(p.startsWith("/") ? p : path + "/" + p);
        } catch (ForgeryRefused ex) {
            // A step the attacker cannot make: on the record, and nothing on the wire in its stead.
            sim.record(ME, Kind.ATTACKER, "inject-refused", Simulation.fields("step", step, "from", from, "to", to,
                    "reason", "key-not-held", "key", ex.key()));
            return;
        }
        byte[] bytes = codec.encode(message);
        String tag = Simulation.tagOf(bytes);
        Transit t = new Transit(from, to, bytes, sim.newMsgId(), tag, sim.sha256(bytes), true, true);
        act("inject", t, "step", step, "bytes-sha256", t.sha256(), "size", Integer.toString(bytes.length));
        remember(t, message);
        sim.deliver(t);
    }

    private void register(AttackStep.Register r) {
        if (stopped("register", r.device())) {
            return;
        }
        Node<M> n = sim.node(r.device());
        sim.record(ME, Kind.ATTACKER, "register", Simulation.fields("device", r.device(), "ed25519",
                DeterministicKeys.ed25519(sim.scenario().keySeed(), r.device(), 0).fingerprint()));
        sim.register(n);
        r.action().ifPresent(a -> sim.userAction(n, new org.trustlab.reference.core.UserAction(a,
                new TreeMap<>(r.args()))));
    }

    // ----- AttackerContext ----------------------------------------------------------------------------------

    @Override
    public List<ObservedMessage<M>> observed() {
        return Collections.unmodifiableList(observed);
    }

    @Override
    public KeyRing attackerKeys() {
        return DeterministicKeys.ring(sim.scenario().keySeed(), ME);
    }

    @Override
    public Optional<KeyRing> compromisedKeys(String device) {
        if (controlled.contains(device)) {
            return Optional.of(DeterministicKeys.ring(sim.scenario().keySeed(), device));
        }
        TreeSet<Integer> generations = compromised.get(device);
        if (generations == null) {
            return Optional.empty();
        }
        return Optional.of(new HeldKeys(sim.scenario().keySeed(), device, new TreeSet<>(generations)));
    }

    @Override
    public boolean holdsKeys(String device, int generation) {
        return controlled.contains(device)
                || compromised.getOrDefault(device, new TreeSet<>()).contains(generation);
    }

    @Override
    public byte[] ed25519PublicKey(String device, int generation) {
        return DeterministicKeys.ed25519(sim.scenario().keySeed(), device, generation).publicKey();
    }

    @Override
    public byte[] x25519PublicKey(String device, int generation) {
        return DeterministicKeys.x25519(sim.scenario().keySeed(), device, generation).publicKey();
    }

    @Override
    public List<LearnedSecret> learned() {
        return List.copyOf(learned);
    }

    @Override
    public DeterministicRandom random() {
        if (forgeRandom == null) {
            // The same stream as one made up front: a DRBG's output depends only on (seed, name) and the draws.
            forgeRandom = new DeterministicRandom(sim.runSeed(), "attacker/forge");
        }
        return forgeRandom;
    }

    @Override
    public Instant now() {
        return sim.scenario().epoch().plusNanos(sim.engine().now());
    }

    @Override
    public List<DeviceSpec> devices() {
        return sim.scenario().deviceSpecs();
    }

    @Override
    public BindingContext binding() {
        return sim.bindingContext();
    }

    /** The keys of a compromised device: only the generations handed over. */
    private static final class HeldKeys implements KeyRing {
        private final long seed;
        private final String device;
        private final TreeSet<Integer> generations;

        HeldKeys(long seed, String device, TreeSet<Integer> generations) {
            this.seed = seed;
            this.device = device;
            this.generations = generations;
        }

        private void check(int generation) {
            if (!generations.contains(generation)) {
                throw new IllegalStateException("the attacker does not hold generation " + generation + " of "
                        + device + "'s keys (holds " + generations + ")");
            }
        }

        @Override
        public Ed25519KeyPair ed25519(int generation) {
            check(generation);
            return DeterministicKeys.ed25519(seed, device, generation);
        }

        @Override
        public X25519KeyPair x25519(int generation) {
            check(generation);
            return DeterministicKeys.x25519(seed, device, generation);
        }

        @Override
        public RsaKeyPair rsa(int bits, int generation) {
            check(generation);
            return DeterministicKeys.rsa(seed, device, bits, generation);
        }
    }
}
