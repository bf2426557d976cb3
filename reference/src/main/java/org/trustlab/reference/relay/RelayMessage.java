package org.trustlab.reference.relay;

import java.util.Objects;

/** What agents and the relay say to each other on the signaling channel. */
public sealed interface RelayMessage permits RelayMessage.Register, RelayMessage.Registered, RelayMessage.Refused,
        RelayMessage.Displaced {

    String TAG_REGISTER = "trustlab/relay/register/v1";
    String TAG_REGISTERED = "trustlab/relay/registered/v1";
    String TAG_REFUSED = "trustlab/relay/refused/v1";
    String TAG_DISPLACED = "trustlab/relay/displaced/v1";

    String ownerId();

    String machineId();

    default SlotId slot() {
        return new SlotId(ownerId(), machineId());
    }

    /**
     * An agent claims its slot. {@code registrationSecret} is the agent's proof (64 hex characters from an honest
     * agent, anything from an attacker); {@code authorization} is the owner's signature handed over at pairing, or
     * empty.
     */
    record Register(String ownerId, String machineId, String registrationSecret, byte[] authorization)
            implements RelayMessage {
        public Register {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(machineId, "machineId");
            Objects.requireNonNull(registrationSecret, "registrationSecret");
            authorization = authorization.clone();
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
}
