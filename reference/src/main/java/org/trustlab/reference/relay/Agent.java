package org.trustlab.reference.relay;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.ReasonCode;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;

/**
 * A machine's agent: registers its slot on the relay with its registration_secret (and, where the owner paired it
 * under the fix, the owner's authorization), and re-registers after a restart. The secret and authorization are
 * persistent (the agent's config file); whether a registration awaits an answer is volatile.
 */
public final class Agent implements Role<RelayMessage> {
    public static final String ACTION_REGISTER = "relay.register";
    public static final String OUTCOME = "registration";
    static final TimerId ANSWER = new TimerId("answer");

    /** What the agent holds, from its configuration and pairing. */
    public record Identity(DeviceId relay, SlotId slot, String registrationSecret, byte[] authorization,
            Duration answerTimeout, Map<String, byte[]> clients) {
        public Identity {
            authorization = authorization.clone();
            TreeMap<String, byte[]> copy = new TreeMap<>();
            clients.forEach((k, v) -> copy.put(k, v.clone()));
            clients = Collections.unmodifiableMap(copy);
        }

        @Override
        public byte[] authorization() {
            return authorization.clone();
        }

        @Override
        public String toString() {
            return "Identity[" + slot + "]"; // never the secret
        }
    }

    private final Identity id;
    // persistent
    private boolean wantsSlot;
    // volatile
    private boolean awaiting;

    public Agent(Identity id) {
        this.id = id;
    }

    @Override
    public Outputs<RelayMessage> onUserAction(UserAction action, Env env) {
        if (!action.name().equals(ACTION_REGISTER)) {
            return Role.super.onUserAction(action, env);
        }
        wantsSlot = true;
        return register(env);
    }

    private Outputs<RelayMessage> register(Env env) {
        awaiting = true;
        return Outputs.<RelayMessage>builder()
                .audit(AuditEvent.of("registration-sent", fields(id.relay())))
                .send(id.relay(), new RelayMessage.Register(id.slot().ownerId(), id.slot().machineId(),
                        id.registrationSecret(), id.authorization(), env.keys().x25519(0).publicKey()))
                .setTimer(ANSWER, id.answerTimeout())
                .build();
    }

    @Override
    public Outputs<RelayMessage> onMessage(DeviceId from, RelayMessage message, Env env) {
        if (!from.equals(id.relay()) || !message.slot().equals(id.slot())) {
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.of("message-ignored", fields(from))).build();
        }
        Outputs.Builder<RelayMessage> out = Outputs.builder();
        if (message instanceof RelayMessage.Rendezvous r) {
            return DataPlane.respond(id, r, env);
        }
        if (message instanceof RelayMessage.Displaced) {
            return out.audit(AuditEvent.rejection("displaced", RelayReason.DISPLACED, fields(from))).build();
        }
        if (!awaiting) {
            return out.audit(AuditEvent.of("message-ignored", fields(from))).build();
        }
        awaiting = false;
        out.cancelTimer(ANSWER);
        if (message instanceof RelayMessage.Refused r) {
            ReasonCode reason = r::reason;
            return out.audit(AuditEvent.rejection("registration-refused", reason, fields(from)))
                    .outcome(Outcome.rejected(OUTCOME, reason, fields(from))).build();
        }
        return out.audit(AuditEvent.of("slot-held", fields(from)))
                .outcome(Outcome.accepted(OUTCOME, fields(from))).build();
    }

    @Override
    public Outputs<RelayMessage> onTimer(TimerId timer, Env env) {
        if (!timer.equals(ANSWER) || !awaiting) {
            return Outputs.none();
        }
        awaiting = false;
        return Outputs.<RelayMessage>builder()
                .outcome(Outcome.rejected(OUTCOME, RelayReason.NO_ANSWER, fields(id.relay())))
                .build();
    }

    @Override
    public void onCrash() {
        awaiting = false;
    }

    /** A restarted agent claims its slot again with the same secret: the legitimate re-registration. */
    @Override
    public Outputs<RelayMessage> onRestart(Env env) {
        return wantsSlot ? register(env) : Outputs.none();
    }

    private Map<String, String> fields(DeviceId peer) {
        Map<String, String> f = new TreeMap<>();
        f.put("owner-id", id.slot().ownerId());
        f.put("machine-id", id.slot().machineId());
        f.put("peer", peer.value());
        return f;
    }
}
