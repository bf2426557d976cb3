package org.trustlab.reference.relay;

import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.noise.EphemeralKeys;
import org.trustlab.reference.crypto.noise.HandshakeSettings;
import org.trustlab.reference.crypto.noise.HandshakeState;
import org.trustlab.reference.crypto.noise.NoiseException;
import org.trustlab.reference.crypto.noise.NoiseProtocol;

/**
 * The agent's end of the data plane: Noise_KK_25519_ChaChaPoly_SHA256 with the client's static key pinned at
 * pairing. The relay only carries the two handshake messages, so whoever holds the slot sees them, but only the
 * holder of the agent's static key can answer.
 */
final class DataPlane {
    private DataPlane() {}

    static Outputs<RelayMessage> respond(Agent.Identity id, RelayMessage.Rendezvous r, Env env) {
        Map<String, String> f = new TreeMap<>();
        f.put("owner-id", id.slot().ownerId());
        f.put("machine-id", id.slot().machineId());
        f.put("peer", r.peer());
        byte[] pinned = id.clients().get(r.peer());
        if (pinned == null) {
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.rejection("data-session-refused", RelayReason.UNKNOWN_CLIENT, f)).build();
        }
        try {
            HandshakeState hs = HandshakeState.responder(NoiseProtocol.KK, HandshakeSettings.of(
                    EphemeralKeys.from(env.random())).localStatic(env.keys().x25519(0)).remoteStatic(pinned));
            hs.readMessage(r.handshake());
            byte[] m2 = hs.writeMessage(new byte[0]);
            f.put("handshake-hash", Bytes.fingerprint(hs.split().handshakeHash()));
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.of("data-session-answered", f))
                    .send(id.relay(), new RelayMessage.Rendezvous(id.slot().ownerId(), id.slot().machineId(),
                            r.peer(), m2))
                    .build();
        } catch (NoiseException e) {
            return Outputs.<RelayMessage>builder()
                    .audit(AuditEvent.rejection("data-session-refused", e.reason(), f)).build();
        }
    }
}
