package org.trustlab.reference.relay;

import java.util.Objects;

/** What agents and the relay say to each other on the signaling channel. */
public sealed interface RelayMessage permits RelayMessage.Register, RelayMessage.Registered, RelayMessage.Refused,
        RelayMessage.Displaced, RelayMessage.Connect, RelayMessage.SlotKey, RelayMessage.Rendezvous {

    String TAG_REGISTER = "trustlab/relay/register/v1";
    String TAG_REGISTERED = "trustlab/relay/registered/v1";
    String TAG_REFUSED = "trustlab/relay/refused/v1";
    String TAG_DISPLACED = "trustlab/relay/displaced/v1";
    String TAG_CONNECT = "trustlab/relay/connect/v1";
    String TAG_SLOT_KEY = "trustlab/relay/slot-key/v1";
    String TAG_RENDEZVOUS = "trustlab/relay/rendezvous/v1";

    String ownerId();

    String machineId();

    default SlotId slot() {
        return new SlotId(ownerId(), machineId());
    }

    /**
     * An agent claims its slot. {@code registrationSecret} is the agent's proof (64 hex characters from an honest
     * agent, anything from an attacker); {@code authorization} is the owner's signature handed over at pairing, or
     * empty; {@code agentStatic} is the X25519 static key the registrant announces for the data plane (a client
     * that pins the agent's key never uses it).
     */
    record Register(String ownerId, String machineId, String registrationSecret, byte[] authorization,
            byte[] agentStatic) implements RelayMessage {
        public Register {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(machineId, "machineId");
            Objects.requireNonNull(registrationSecret, "registrationSecret");
            authorization = authorization.clone();
            agentStatic = agentStatic.clone();
        }

        @Override
        public byte[] agentStatic() {
            return agentStatic.clone();
        }

        @Override
        public byte[] authorization() {
            return authorization.clone();
        }

        @Override
        public String toString() {
            // Never the secret: records end up in logs and exception messages.
            return "Register[" + ownerId + "|" + machineId + "]";
        }
    }

    /** The relay bound the slot to this connection. */
    record Registered(String ownerId, String machineId) implements RelayMessage {}

    /** The relay refused the registration; {@code reason} is a {@link RelayReason} code. */
    record Refused(String ownerId, String machineId, String reason) implements RelayMessage {}

    /** Sent to the connection a slot was bound to when another registration with the proof takes it over. */
    record Displaced(String ownerId, String machineId) implements RelayMessage {}

    /** A client asks the relay for the slot's agent, to open the data plane. */
    record Connect(String ownerId, String machineId) implements RelayMessage {}

    /** The relay's answer to Connect: the X25519 key the slot's current registrant announced. */
    record SlotKey(String ownerId, String machineId, byte[] announcedStatic) implements RelayMessage {
        public SlotKey {
            announcedStatic = announcedStatic.clone();
        }

        @Override
        public byte[] announcedStatic() {
            return announcedStatic.clone();
        }
    }

    /**
     * A Noise KK handshake message relayed between a client and the slot's agent: to the relay, {@code peer} names
     * the client the agent answers (empty from a client); from the relay, the other end.
     */
    record Rendezvous(String ownerId, String machineId, String peer, byte[] handshake) implements RelayMessage {
        public Rendezvous {
            Objects.requireNonNull(peer, "peer");
            handshake = handshake.clone();
        }

        @Override
        public byte[] handshake() {
            return handshake.clone();
        }
    }
}
