package org.trustlab.reference.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.relay.RelayMessage.Register;

/**
 * The signaling relay (agentProofOKLocked in the source). A registration is served in two steps, as the source's
 * handler does around accepting the connection: the proof is checked when the request arrives, the connection is
 * accepted (an await point: {@code accept/<n>} fires after up to {@link RelayConfig#acceptLatency}, and other
 * connections' steps run in between), and the proof is checked again under the lock that learns it. Without the
 * second check two registrations racing on an open slot would both win it.
 *
 * <p>State: the proof store, the live bindings, pending accepts, rate windows and flap counts are volatile (the
 * source keeps them in memory, so a restart re-opens every slot); revoked slots are persistent (operator
 * configuration).
 */
public final class Relay implements Role<RelayMessage> {
    public static final String ACTION_REVOKE = "relay.revoke";
    private static final String ACCEPT = "accept/";

    private record Pending(DeviceId from, Register register, boolean sawOpen) {}

    /** The connection a slot is bound to and the data-plane key its registrant announced. */
    private record Binding(DeviceId connection, byte[] announcedStatic) {}

    private final RelayConfig config;
    // persistent
    private final Set<SlotId> revoked = new TreeSet<>();
    // volatile
    private ProofStore store;
    private final Map<SlotId, Binding> live = new TreeMap<>();
    private final Map<Long, Pending> pending = new TreeMap<>();
    private final Map<DeviceId, Deque<Instant>> windows = new HashMap<>();
    private final Map<SlotId, Integer> flaps = new TreeMap<>();
    /** Only for the mutant that alerts a slot's first registration once in the relay's life. */
    private final Set<SlotId> everAlerted = new HashSet<>();
    private long nextConnection;

    public Relay(RelayConfig config) {
        this.config = config;
        this.store = newStore();
    }

    private ProofStore newStore() {
        return new ProofStore(config.proofStoreCap(), config.has(RelayMutant.UNBOUNDED_PROOF_STORE));
    }

    @Override
    public Outputs<RelayMessage> onMessage(DeviceId from, RelayMessage message, Env env) {
        if (message instanceof RelayMessage.Connect c) {
            return connect(from, c.slot());
        }
        if (message instanceof RelayMessage.Rendezvous r) {
            return rendezvous(from, r);
        }
        if (!(message instanceof Register r)) {
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.of("message-ignored", Map.of("from", from.value(), "message",
                            message.getClass().getSimpleName())))
                    .build();
        }
        Optional<RelayReason> refusal = admit(from, r, env.now());
        if (refusal.isPresent()) {
            return refuse(from, r, refusal.get());
        }
        boolean open = !store.holds(r.slot());
        long n = nextConnection++;
        pending.put(n, new Pending(from, r, open));
        Duration await = Duration.ofNanos(env.random().nextLong(config.acceptLatency().toNanos() + 1));
        Map<String, String> fields = slotFields(r.slot(), from, "connection", Long.toString(n));
        if (config.has(RelayMutant.LOGS_PROOF)) {
            fields.put("proof", r.registrationSecret());
        }
        return Outputs.<RelayMessage>builder()
                .audit(AuditEvent.of("connection-accepting", fields))
                .setTimer(new TimerId(ACCEPT + n), await)
                .build();
    }

    /** The checks before the connection is accepted; empty when it may be. */
    private Optional<RelayReason> admit(DeviceId from, Register r, Instant now) {
        Optional<RelayReason> ids = SlotId.refusal(r.ownerId(), r.machineId());
        if (ids.isPresent()) {
            return ids;
        }
        if (!withinRate(from, now)) {
            return Optional.of(RelayReason.RATE_LIMITED);
        }
        SlotId slot = r.slot();
        if (revoked.contains(slot)) {
            return Optional.of(RelayReason.SLOT_GONE);
        }
        if (r.registrationSecret().isEmpty()) {
            return Optional.of(RelayReason.PROOF_MISSING);
        }
        if (!live.containsKey(slot) && live.size() >= config.maxAgents()) {
            return Optional.of(RelayReason.AGENT_CAP_REACHED);
        }
        Optional<byte[]> learned = store.proof(slot);
        if (learned.isPresent()) {
            return proofMatches(learned.get(), r.registrationSecret()) ? Optional.empty()
                    : Optional.of(RelayReason.PROOF_MISMATCH);
        }
        return ownerAuthorization(r);
    }

    private boolean proofMatches(byte[] learned, String presented) {
        if (config.has(RelayMutant.LEARNS_EVERY_REGISTRATION)) {
            return true;
        }
        return config.has(RelayMutant.PREFIX_COMPARISON) ? ProofStore.prefixMatches(learned, presented)
                : ProofStore.matches(learned, presented);
    }

    /** owner-authorized: an open slot whose owner id is a key is claimed only with the owner's signature. */
    private Optional<RelayReason> ownerAuthorization(Register r) {
        if (config.mode() != RelayMode.OWNER_AUTHORIZED || config.has(RelayMutant.OWNER_AUTHORIZATION_UNCHECKED)) {
            return Optional.empty();
        }
        Optional<byte[]> ownerKey = r.slot().ownerKey();
        if (ownerKey.isEmpty()) {
            return Optional.empty(); // an owner id that is not a key: TOFU, as the source's fallback
        }
        if (r.authorization().length == 0) {
            return Optional.of(RelayReason.OWNER_AUTHORIZATION_MISSING);
        }
        return RegistrationAuthorization.verifies(ownerKey.get(), r.machineId(), r.registrationSecret(),
                r.authorization()) ? Optional.empty() : Optional.of(RelayReason.OWNER_SIGNATURE_INVALID);
    }

    private boolean withinRate(DeviceId from, Instant now) {
        Deque<Instant> w = windows.computeIfAbsent(from, k -> new ArrayDeque<>());
        Instant start = now.minus(config.rateWindow());
        while (!w.isEmpty() && !w.peekFirst().isAfter(start)) {
            w.pollFirst();
        }
        if (w.size() >= config.rateLimit()) {
            return false;
        }
        w.addLast(now);
        return true;
    }

    @Override
    public Outputs<RelayMessage> onTimer(TimerId timer, Env env) {
        if (!timer.name().startsWith(ACCEPT)) {
            return Outputs.none();
        }
        Pending p = pending.remove(Long.parseLong(timer.name().substring(ACCEPT.length())));
        if (p == null) {
            return Outputs.none();
        }
        return underLock(p);
    }

    /** The connection is accepted: check again and learn, in one step (the lock). */
    private Outputs<RelayMessage> underLock(Pending p) {
        SlotId slot = p.register().slot();
        String proof = p.register().registrationSecret();
        Outputs.Builder<RelayMessage> out = Outputs.builder();
        if (revoked.contains(slot)) {
            return refuse(p.from(), p.register(), RelayReason.SLOT_GONE);
        }
        Optional<byte[]> learned = store.proof(slot);
        boolean trustFirstCheck = config.has(RelayMutant.NO_SECOND_CHECK) && p.sawOpen();
        if (learned.isPresent() && !trustFirstCheck && !proofMatches(learned.get(), proof)) {
            return refuse(p.from(), p.register(), RelayReason.PROOF_RACE_LOST);
        }
        boolean learn = learned.isEmpty() || trustFirstCheck || config.has(RelayMutant.LEARNS_EVERY_REGISTRATION);
        if (learn) {
            boolean changed = learned.isPresent() && !ProofStore.matches(learned.get(), proof);
            learn(slot, p.from(), proof, learned.isEmpty(), changed, out);
        } else {
            store.seen(slot);
        }
        Binding was = live.put(slot, new Binding(p.from(), p.register().agentStatic()));
        DeviceId previous = was == null ? null : was.connection();
        if (previous != null && !previous.equals(p.from())) {
            int count = flaps.merge(slot, 1, Integer::sum);
            out.send(previous, new RelayMessage.Displaced(slot.ownerId(), slot.machineId()));
            out.audit(AuditEvent.of("slot-displaced", slotFields(slot, p.from(), "previous", previous.value(),
                    "flaps", Integer.toString(count))));
            if (count == config.flapThreshold()) {
                out.audit(AuditEvent.of("slot-flapping", slotFields(slot, p.from(), "flaps",
                        Integer.toString(count))));
                alert(out, "flapping", slot, p.from());
            }
        }
        out.audit(AuditEvent.of("slot-registered", slotFields(slot, p.from(), "learned", Boolean.toString(learn))));
        out.send(p.from(), new RelayMessage.Registered(slot.ownerId(), slot.machineId()));
        return out.build();
    }

    private void learn(SlotId slot, DeviceId from, String proof, boolean first, boolean changed,
            Outputs.Builder<RelayMessage> out) {
        ProofStore.Learned result = store.learn(slot, proof);
        if (result instanceof ProofStore.TooLong t) {
            out.audit(AuditEvent.of("proof-not-stored", slotFields(slot, from, "bytes", Integer.toString(t.bytes()))));
            return;
        }
        ((ProofStore.Stored) result).evicted().ifPresent(e -> {
            live.remove(e);
            out.audit(AuditEvent.of("proof-evicted", Map.of("owner-id", e.ownerId(), "machine-id", e.machineId())));
        });
        out.audit(AuditEvent.of("proof-learned", slotFields(slot, from, "entries", Integer.toString(store.size()))));
        if (first && (!config.has(RelayMutant.ALERTS_FIRST_SLOT_ONLY) || everAlerted.add(slot))) {
            alert(out, "first-registration", slot, from);
        } else if (changed) {
            alert(out, "proof-changed", slot, from);
        }
    }

    private void alert(Outputs.Builder<RelayMessage> out, String kind, SlotId slot, DeviceId from) {
        if (config.mode() == RelayMode.TOFU_ALERTS) {
            out.audit(AuditEvent.of("operator-alert", slotFields(slot, from, "alert", kind)));
        }
    }

    private Outputs<RelayMessage> refuse(DeviceId to, Register r, RelayReason reason) {
        return Outputs.<RelayMessage>builder()
                .audit(AuditEvent.rejection("registration-refused", reason, slotFields(r.slot(), to)))
                .send(to, new RelayMessage.Refused(r.ownerId(), r.machineId(), reason.code()))
                .build();
    }

    private static Map<String, String> slotFields(SlotId slot, DeviceId source, String... more) {
        Map<String, String> f = new TreeMap<>();
        f.put("owner-id", slot.ownerId());
        f.put("machine-id", slot.machineId());
        f.put("source", source.value());
        for (int i = 0; i + 1 < more.length; i += 2) {
            f.put(more[i], more[i + 1]);
        }
        return f;
    }

    /** A client asks for the slot's agent: the relay names the key the slot's registrant announced. */
    private Outputs<RelayMessage> connect(DeviceId from, SlotId slot) {
        Binding b = live.get(slot);
        if (b == null) {
            return refuseData(from, slot, RelayReason.AGENT_NOT_CONNECTED);
        }
        return Outputs.<RelayMessage>builder()
                .send(from, new RelayMessage.SlotKey(slot.ownerId(), slot.machineId(), b.announcedStatic()))
                .build();
    }

    /**
     * Rendezvous: a handshake message from the slot's connection goes to the client it names; one from anyone else
     * goes to the slot's connection, naming its sender. The relay reads none of it: whoever holds the slot gets the
     * client's messages, which is all a squatter gains.
     */
    private Outputs<RelayMessage> rendezvous(DeviceId from, RelayMessage.Rendezvous r) {
        SlotId slot = r.slot();
        Binding b = live.get(slot);
        if (b == null) {
            return refuseData(from, slot, RelayReason.AGENT_NOT_CONNECTED);
        }
        if (b.connection().equals(from)) {
            if (r.peer().isEmpty()) {
                return Outputs.none();
            }
            return Outputs.<RelayMessage>builder().send(DeviceId.of(r.peer()), new RelayMessage.Rendezvous(
                    slot.ownerId(), slot.machineId(), from.value(), r.handshake())).build();
        }
        return Outputs.<RelayMessage>builder().send(b.connection(), new RelayMessage.Rendezvous(slot.ownerId(),
                slot.machineId(), from.value(), r.handshake())).build();
    }

    private Outputs<RelayMessage> refuseData(DeviceId to, SlotId slot, RelayReason reason) {
        return Outputs.<RelayMessage>builder()
                .audit(AuditEvent.rejection("rendezvous-refused", reason, slotFields(slot, to)))
                .send(to, new RelayMessage.Refused(slot.ownerId(), slot.machineId(), reason.code()))
                .build();
    }

    /** The operator revokes a slot ({@code owner-id}, {@code machine-id}): it answers "gone" from now on. */
    @Override
    public Outputs<RelayMessage> onUserAction(UserAction action, Env env) {
        if (!action.name().equals(ACTION_REVOKE)) {
            return Role.super.onUserAction(action, env);
        }
        String owner = action.arg("owner-id");
        String machine = action.arg("machine-id");
        if (owner == null || machine == null || SlotId.refusal(owner, machine).isPresent()) {
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.rejection("user-action-ignored",
                            SlotId.refusal(owner == null ? "" : owner, machine == null ? "" : machine)
                                    .orElse(RelayReason.EMPTY_ID),
                            Map.of("action", action.name())))
                    .build();
        }
        SlotId slot = new SlotId(owner, machine);
        revoked.add(slot);
        store.forget(slot);
        Binding was = live.remove(slot);
        Outputs.Builder<RelayMessage> out = Outputs.<RelayMessage>builder()
                .audit(AuditEvent.of("slot-revoked", Map.of("owner-id", owner, "machine-id", machine)));
        if (was != null) {
            out.send(was.connection(), new RelayMessage.Refused(owner, machine, RelayReason.SLOT_GONE.code()));
        }
        return out.build();
    }

    @Override
    public void onCrash() {
        store = newStore();
        live.clear();
        pending.clear();
        windows.clear();
        flaps.clear();
    }

    /** The proof store's entries: what the host measures against the configured cap. */
    public int proofStoreEntries() {
        return store.size();
    }
}
