package org.trustlab.reference.relay;

import java.util.Objects;
import java.util.Optional;
import org.trustlab.reference.crypto.Ed25519KeyPair;

/**
 * A relay slot's key: (owner_id, machine_id). The relay joins the two with {@code |} in its tables, so the
 * character is refused in either id: an id containing it could name another owner's slot.
 */
public record SlotId(String ownerId, String machineId) implements Comparable<SlotId> {
    public static final char SEPARATOR = '|';

    public SlotId {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(machineId, "machineId");
    }

    /** Why these ids cannot name a slot, or empty when they can. */
    public static Optional<RelayReason> refusal(String ownerId, String machineId) {
        if (ownerId.isEmpty() || machineId.isEmpty()) {
            return Optional.of(RelayReason.EMPTY_ID);
        }
        if (ownerId.indexOf(SEPARATOR) >= 0 || machineId.indexOf(SEPARATOR) >= 0) {
            return Optional.of(RelayReason.SEPARATOR_IN_ID);
        }
        return Optional.empty();
    }

    /** The owner's Ed25519 public key, when the owner id is one; an id that is not a key falls back to TOFU. */
    public Optional<byte[]> ownerKey() {
        return Base58.decode(ownerId).filter(k -> k.length == Ed25519KeyPair.KEY_LENGTH);
    }

    @Override
    public String toString() {
        return ownerId + SEPARATOR + machineId;
    }

    @Override
    public int compareTo(SlotId o) {
        return toString().compareTo(o.toString());
    }
}
