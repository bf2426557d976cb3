package org.trustlab.reference.relay;

import java.time.Duration;
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
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.noise.EphemeralKeys;
import org.trustlab.reference.crypto.noise.HandshakeSettings;
import org.trustlab.reference.crypto.noise.HandshakeState;
import org.trustlab.reference.crypto.noise.NoiseException;
import org.trustlab.reference.crypto.noise.NoiseProtocol;

/**
 * The client of the data plane: asks the relay for a machine's slot and runs Noise_KK_25519_ChaChaPoly_SHA256 with
 * the agent through it, the agent's static key pinned at pairing. A squatted slot can deny or redirect the
 * rendezvous, but the squatter cannot answer a handshake made to the pinned key. The handshake in progress is
 * volatile.
 */
public final class Client implements Role<RelayMessage> {
    public static final String ACTION_CONNECT = "relay.connect";
    public static final String OUTCOME = "data-session";
    static final TimerId TIMEOUT = new TimerId("handshake-timeout");

    /** The slot of the agent the client paired with, and that agent's static key. */
    public record Pairing(DeviceId relay, SlotId slot, byte[] agentStatic, Duration timeout, boolean pinless) {
        public Pairing {
            agentStatic = agentStatic.clone();
        }

        @Override
        public byte[] agentStatic() {
            return agentStatic.clone();
        }
    }

    private final Pairing pairing;
    private HandshakeState handshake;
    private boolean asked;

    public Client(Pairing pairing) {
        this.pairing = pairing;
    }

    @Override
    public Outputs<RelayMessage> onUserAction(UserAction action, Env env) {
        if (!action.name().equals(ACTION_CONNECT)) {
            return Role.super.onUserAction(action, env);
        }
        asked = true;
        handshake = null;
        return Outputs.<RelayMessage>builder()
                .send(pairing.relay(), new RelayMessage.Connect(pairing.slot().ownerId(), pairing.slot().machineId()))
                .setTimer(TIMEOUT, pairing.timeout())
                .build();
    }

    @Override
    public Outputs<RelayMessage> onMessage(DeviceId from, RelayMessage message, Env env) {
        if (!asked || !from.equals(pairing.relay()) || !message.slot().equals(pairing.slot())) {
            return Outputs.<RelayMessage>builder().audit(AuditEvent.of("message-ignored", fields(from))).build();
        }
        if (message instanceof RelayMessage.Refused r) {
            return end(Outcome.rejected(OUTCOME, (ReasonCode) r::reason, fields(from)));
        }
        if (message instanceof RelayMessage.SlotKey k && handshake == null) {
            return open(k, env);
        }
        if (message instanceof RelayMessage.Rendezvous r && handshake != null) {
            try {
                handshake.readMessage(r.handshake());
                Map<String, String> f = fields(from);
                f.put("handshake-hash", Bytes.fingerprint(handshake.split().handshakeHash()));
                f.put("agent-key", Bytes.fingerprint(handshake.remoteStatic().orElseThrow()));
                return end(Outcome.accepted(OUTCOME, f));
            } catch (NoiseException e) {
                return end(Outcome.rejected(OUTCOME, e.reason(), fields(from)));
            }
        }
        return Outputs.<RelayMessage>builder().audit(AuditEvent.of("message-ignored", fields(from))).build();
    }

    /** The first handshake message, to the pinned key (the mutant: to whatever key the slot announced). */
    private Outputs<RelayMessage> open(RelayMessage.SlotKey k, Env env) {
        byte[] agentKey = pairing.pinless() ? k.announcedStatic() : pairing.agentStatic();
        try {
            handshake = HandshakeState.initiator(NoiseProtocol.KK, HandshakeSettings.of(
                    EphemeralKeys.from(env.random())).localStatic(env.keys().x25519(0)).remoteStatic(agentKey));
            byte[] m1 = handshake.writeMessage(new byte[0]);
            return Outputs.<RelayMessage>builder()
                    .send(pairing.relay(), new RelayMessage.Rendezvous(pairing.slot().ownerId(),
                            pairing.slot().machineId(), "", m1))
                    .build();
        } catch (NoiseException e) {
            return end(Outcome.rejected(OUTCOME, e.reason(), fields(pairing.relay())));
        }
    }

    private Outputs<RelayMessage> end(Outcome outcome) {
        asked = false;
        handshake = null;
        return Outputs.<RelayMessage>builder().cancelTimer(TIMEOUT).outcome(outcome).build();
    }

    @Override
    public Outputs<RelayMessage> onTimer(TimerId timer, Env env) {
        if (!timer.equals(TIMEOUT) || !asked) {
            return Outputs.none();
        }
        asked = false;
        handshake = null;
        return Outputs.<RelayMessage>builder()
                .outcome(Outcome.rejected(OUTCOME, RelayReason.HANDSHAKE_TIMEOUT, fields(pairing.relay()))).build();
    }

    @Override
    public void onCrash() {
        asked = false;
        handshake = null;
    }

    private Map<String, String> fields(DeviceId peer) {
        Map<String, String> f = new TreeMap<>();
        f.put("owner-id", pairing.slot().ownerId());
        f.put("machine-id", pairing.slot().machineId());
        f.put("peer", peer.value());
        return f;
    }
}
