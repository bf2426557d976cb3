package org.trustlab.reference.autojoin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a joining device is set up.
 *
 * @param instanceId     this device's instance id (its network name)
 * @param installationId the installation id its client id is derived from
 * @param keyGeneration  the key generation it signs and decrypts with (a rotated device has a higher one)
 * @param server         the session server that relays messages, or empty to talk to validators directly
 * @param directory      device names a user action may use (the validator to join through), as client ids
 * @param trustedKeys    the keys this device trusts (a validator's key must be here for any join)
 */
public record RequesterConfig(String instanceId, String installationId, CryptoProfile profile, int keyGeneration,
        Optional<String> server, Set<AutoJoinMutant> mutants, Map<String, ClientId> directory,
        List<TrustedPublicKey> trustedKeys) {
    public RequesterConfig {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(profile, "profile");
        mutants = Set.copyOf(mutants);
        directory = new TreeMap<>(directory);
        trustedKeys = List.copyOf(trustedKeys);
    }

    public static RequesterConfig defaults(String instanceId, CryptoProfile profile) {
        return new RequesterConfig(instanceId, instanceId, profile, 0, Optional.empty(), Set.of(), Map.of(),
                List.of());
    }

    public RequesterConfig withTrust(List<TrustedPublicKey> keys, Map<String, ClientId> newDirectory) {
        return new RequesterConfig(instanceId, installationId, profile, keyGeneration, server, mutants, newDirectory,
                keys);
    }

    public RequesterConfig withKeyGeneration(int generation) {
        return new RequesterConfig(instanceId, installationId, profile, generation, server, mutants, directory,
                trustedKeys);
    }

    public RequesterConfig withServer(Optional<String> newServer) {
        return new RequesterConfig(instanceId, installationId, profile, keyGeneration, newServer, mutants, directory,
                trustedKeys);
    }

    public RequesterConfig withMutants(Set<AutoJoinMutant> newMutants) {
        return new RequesterConfig(instanceId, installationId, profile, keyGeneration, server, newMutants, directory,
                trustedKeys);
    }

    public RequesterConfig withInstallationId(String id) {
        return new RequesterConfig(instanceId, id, profile, keyGeneration, server, mutants, directory, trustedKeys);
    }
}
