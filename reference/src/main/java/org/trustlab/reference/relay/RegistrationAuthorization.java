package org.trustlab.reference.relay;

import java.nio.charset.StandardCharsets;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.Hashes;

/**
 * The owner-authorized fix: at pairing the owner signs a domain-separated statement naming the machine_id and
 * SHA-256 of the agent's registration_secret. Only this commitment passes through pairing, never the secret; the
 * relay checks it on a slot's first registration, so a party who never paired cannot claim the slot.
 */
public final class RegistrationAuthorization {
    public static final String TAG = "trustlab/relay/registration-authorization/v1";

    private RegistrationAuthorization() {}

    public static byte[] commitment(String registrationSecret) {
        return Hashes.sha256(registrationSecret.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] statement(String machineId, byte[] commitment) {
        return Canonical.writer(TAG).string(machineId).bytes(commitment).toBytes();
    }

    public static byte[] sign(Ed25519KeyPair owner, String machineId, byte[] commitment) {
        return owner.sign(statement(machineId, commitment));
    }

    public static boolean verifies(byte[] ownerKey, String machineId, String registrationSecret, byte[] signature) {
        return Ed25519KeyPair.verify(ownerKey, statement(machineId, commitment(registrationSecret)), signature);
    }
}
