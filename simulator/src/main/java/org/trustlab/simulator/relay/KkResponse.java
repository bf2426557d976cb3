package org.trustlab.simulator.relay;

import java.util.List;
import org.trustlab.reference.crypto.noise.EphemeralKeys;
import org.trustlab.reference.crypto.noise.HandshakeSettings;
import org.trustlab.reference.crypto.noise.HandshakeState;
import org.trustlab.reference.crypto.noise.NoiseException;
import org.trustlab.reference.crypto.noise.NoiseProtocol;
import org.trustlab.reference.relay.RelayMessage;
import org.trustlab.reference.relay.RelayMessage.Rendezvous;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.ObservedMessage;

/**
 * A squatter answering a client's data-plane handshake: it holds the slot, so the relay forwarded the client's
 * first KK message to it. It answers as a KK responder with its own static key and the client's public key; that
 * works only when the client made the handshake to the attacker's key. A handshake made to the pinned agent key
 * does not open for it, and it sends what it can: bytes of the right length that no key verifies.
 */
final class KkResponse {
    /** e (32 bytes) and the empty payload's tag (16). */
    private static final int RESPONSE_BYTES = 48;

    private KkResponse() {}

    static RelayMessage forge(String ownerId, String machine, String client, AttackerContext<RelayMessage> ctx) {
        String relay = ctx.devices().stream().filter(d -> d.role().equals("relay")).map(d -> d.name()).findFirst()
                .orElse("relay");
        byte[] m1 = latestFirstMessage(ctx.observed(), relay, ownerId, machine, client);
        if (m1 != null) {
            try {
                HandshakeState hs = HandshakeState.responder(NoiseProtocol.KK, HandshakeSettings.of(
                        EphemeralKeys.from(ctx.random())).localStatic(ctx.attackerKeys().x25519(0))
                        .remoteStatic(ctx.x25519PublicKey(client, 0)));
                hs.readMessage(m1);
                return new Rendezvous(ownerId, machine, client, hs.writeMessage(new byte[0]));
            } catch (NoiseException refused) {
                // made to another static key: the attacker cannot answer it
            }
        }
        return new Rendezvous(ownerId, machine, client, ctx.random().bytes(RESPONSE_BYTES));
    }

    private static byte[] latestFirstMessage(List<ObservedMessage<RelayMessage>> seen, String relay,
            String ownerId, String machine, String client) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof Rendezvous r && r.ownerId().equals(ownerId)
                    && r.machineId().equals(machine) && r.peer().equals(client)
                    && seen.get(i).from().value().equals(relay)) {
                return r.handshake();
            }
        }
        return null;
    }
}
