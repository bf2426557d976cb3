package org.trustlab.reference.autojoin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a validating session member is set up.
 *
 * @param instanceId     this device's instance id (its network name)
 * @param installationId the installation id its client id is derived from
 * @param sessions       the sessions it is a member of, with their password and (optionally) shared AES key
 * @param server         the session server that relays messages, or empty to talk to joiners directly
 * @param challengeTtl   how long an issued challenge may be answered (the default: 30 s)
 * @param skewTolerance  grace added on both sides of a challenge's window, on this device's clock
 * @param grantScope     the scope of the grants this member creates after a manual join
 * @param grantValidity  how long such a grant lasts
 * @param directory      device names a user action may use, resolved to client ids
 */
public record ValidatorConfig(String instanceId, String installationId, CryptoProfile profile, int keyGeneration,
        Map<String, SessionSecret> sessions, Optional<String> server, Duration challengeTtl, Duration skewTolerance,
        GrantScope grantScope, Duration grantValidity, Set<AutoJoinMutant> mutants, Map<String, ClientId> directory,
        List<TrustedPublicKey> trustedKeys, List<TrustedDeviceGrant> grants) {

    public static final Duration DEFAULT_CHALLENGE_TTL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SKEW_TOLERANCE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_GRANT_VALIDITY = Duration.ofDays(30);

    public ValidatorConfig {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(profile, "profile");
        sessions = new TreeMap<>(sessions);
        directory = new TreeMap<>(directory);
        mutants = Set.copyOf(mutants);
        trustedKeys = List.copyOf(trustedKeys);
        grants = List.copyOf(grants);
        if (challengeTtl.isNegative() || challengeTtl.isZero()) {
            throw new IllegalArgumentException("challenge TTL must be positive: " + challengeTtl);
        }
        if (skewTolerance.isNegative()) {
            throw new IllegalArgumentException("skew tolerance must not be negative: " + skewTolerance);
        }
    }

    /** A member's knowledge of a session: its password and, when the members share one, its AES key. */
    public record SessionSecret(String password, Optional<byte[]> aesKey) {
        public SessionSecret {
            Objects.requireNonNull(password, "password");
            aesKey = aesKey.map(byte[]::clone);
        }
    }

    /** A config with the defaults, for tests and simple hosts. */
    public static ValidatorConfig defaults(String instanceId, CryptoProfile profile, Map<String, SessionSecret> sessions) {
        return new ValidatorConfig(instanceId, instanceId, profile, 0, sessions, Optional.empty(),
                DEFAULT_CHALLENGE_TTL, DEFAULT_SKEW_TOLERANCE, GrantScope.AUTO_JOIN, DEFAULT_GRANT_VALIDITY,
                Set.of(), Map.of(), List.of(), List.of());
    }

    public ValidatorConfig withTrust(List<TrustedPublicKey> keys, List<TrustedDeviceGrant> newGrants) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, server, challengeTtl,
                skewTolerance, grantScope, grantValidity, mutants, directory, keys, newGrants);
    }

    public ValidatorConfig withMutants(Set<AutoJoinMutant> newMutants) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, server, challengeTtl,
                skewTolerance, grantScope, grantValidity, newMutants, directory, trustedKeys, grants);
    }

    public ValidatorConfig withServer(Optional<String> newServer) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, newServer,
                challengeTtl, skewTolerance, grantScope, grantValidity, mutants, directory, trustedKeys, grants);
    }

    public ValidatorConfig withDirectory(Map<String, ClientId> newDirectory) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, server, challengeTtl,
                skewTolerance, grantScope, grantValidity, mutants, newDirectory, trustedKeys, grants);
    }

    public ValidatorConfig withTimes(Duration ttl, Duration skew) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, server, ttl, skew,
                grantScope, grantValidity, mutants, directory, trustedKeys, grants);
    }

    public ValidatorConfig withGrantPolicy(GrantScope scope, Duration validity) {
        return new ValidatorConfig(instanceId, installationId, profile, keyGeneration, sessions, server, challengeTtl,
                skewTolerance, scope, validity, mutants, directory, trustedKeys, grants);
    }

    public ValidatorConfig withKeyGeneration(int generation) {
        return new ValidatorConfig(instanceId, installationId, profile, generation, sessions, server, challengeTtl,
                skewTolerance, grantScope, grantValidity, mutants, directory, trustedKeys, grants);
    }

    public ValidatorConfig withInstallationId(String id) {
        return new ValidatorConfig(instanceId, id, profile, keyGeneration, sessions, server, challengeTtl,
                skewTolerance, grantScope, grantValidity, mutants, directory, trustedKeys, grants);
    }
}
