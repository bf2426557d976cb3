package org.trustlab.reference.autojoin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.reference.crypto.DeterministicKeys;

/**
 * The test world: requester {@code phone}, validators {@code laptop} and {@code desktop} (members of S1; laptop
 * also of S2), a spare trusted device {@code tablet}, and the session {@code server}. By default laptop trusts
 * phone and tablet and holds AutoJoin grants for both; phone trusts both validators. Tests adjust the spec
 * before {@link #build()}.
 */
final class World {
    static final String PHONE = "phone";
    static final String LAPTOP = "laptop";
    static final String DESKTOP = "desktop";
    static final String TABLET = "tablet";
    static final String SERVER = "server";
    static final String PASSWORD = "Correct-Horse";

    CryptoProfile profile = CryptoProfile.ED25519;
    Set<AutoJoinMutant> mutants = EnumSet.noneOf(AutoJoinMutant.class);
    GrantScope phoneGrantScope = GrantScope.AUTO_JOIN;
    boolean phoneGrant = true;
    boolean phoneGrantRevoked = false;
    Duration phoneGrantExpiresIn = Duration.ofDays(30);
    boolean laptopTrustsPhone = true;
    boolean phoneTrustsLaptop = true;
    int phoneKeyGeneration = 0;
    Duration challengeTtl = ValidatorConfig.DEFAULT_CHALLENGE_TTL;
    Duration skewTolerance = ValidatorConfig.DEFAULT_SKEW_TOLERANCE;

    TestNet net;

    DeviceIdentity id(String name) {
        return id(name, 0);
    }

    DeviceIdentity id(String name, int generation) {
        return DeviceIdentity.of(DeterministicKeys.ring(TestNet.KEY_SEED, name), name, profile, generation);
    }

    TrustedPublicKey trust(String owner, String other, int generation) {
        byte[] key = id(other, generation).publicKey();
        return TrustedPublicKey.of(id(other).clientId(), key,
                profile.safetyKey(id(owner).publicKey(), key, "salt-" + owner + "-" + other),
                TestNet.T0.minus(Duration.ofDays(2)));
    }

    TrustedDeviceGrant grant(String owner, String trusted, GrantScope scope, boolean revoked, Duration expiresIn) {
        return new TrustedDeviceGrant(id(owner).clientId(), id(owner).fingerprint(), id(trusted).clientId(),
                id(trusted).fingerprint(), TestNet.T0.minus(Duration.ofDays(1)), TestNet.T0.plus(expiresIn), revoked,
                scope);
    }

    Map<String, ClientId> directory() {
        Map<String, ClientId> d = new TreeMap<>();
        for (String n : List.of(PHONE, LAPTOP, DESKTOP, TABLET)) {
            d.put(n, id(n).clientId());
        }
        return d;
    }

    ValidatorConfig validator(String name, Map<String, ValidatorConfig.SessionSecret> sessions) {
        List<TrustedPublicKey> keys = new ArrayList<>();
        List<TrustedDeviceGrant> grants = new ArrayList<>();
        if (laptopTrustsPhone || !name.equals(LAPTOP)) {
            keys.add(trust(name, PHONE, 0));
        }
        keys.add(trust(name, TABLET, 0));
        if (phoneGrant) {
            grants.add(grant(name, PHONE, phoneGrantScope, phoneGrantRevoked, phoneGrantExpiresIn));
        }
        grants.add(grant(name, TABLET, GrantScope.AUTO_SYNCHRONIZE, false, Duration.ofDays(30)));
        return ValidatorConfig.defaults(name, profile, sessions)
                .withServer(Optional.of(SERVER))
                .withTimes(challengeTtl, skewTolerance)
                .withDirectory(directory())
                .withMutants(mutants)
                .withTrust(keys, grants);
    }

    RequesterConfig requester(String name) {
        List<TrustedPublicKey> keys = new ArrayList<>();
        if (phoneTrustsLaptop || !name.equals(PHONE)) {
            keys.add(trust(name, LAPTOP, 0));
        }
        keys.add(trust(name, DESKTOP, 0));
        return RequesterConfig.defaults(name, profile)
                .withServer(Optional.of(SERVER))
                .withMutants(mutants)
                .withTrust(keys, directory())
                .withKeyGeneration(name.equals(PHONE) ? phoneKeyGeneration : 0);
    }

    TestNet build() {
        net = new TestNet();
        byte[] s1Key = new byte[32];
        s1Key[0] = 1;
        ValidatorConfig.SessionSecret s1 = new ValidatorConfig.SessionSecret(PASSWORD, Optional.of(s1Key));
        ValidatorConfig.SessionSecret s2 = new ValidatorConfig.SessionSecret("Other-Pass", Optional.empty());
        net.add(LAPTOP, new AutoJoinValidator(validator(LAPTOP, Map.of("S1", s1, "S2", s2))));
        net.add(DESKTOP, new AutoJoinValidator(validator(DESKTOP, Map.of("S1", s1))));
        net.add(PHONE, new AutoJoinRequester(requester(PHONE)));
        net.add(TABLET, new AutoJoinRequester(requester(TABLET)));
        net.add(SERVER, new CloudSessionServer(SERVER, Map.of("S1", List.of(LAPTOP, DESKTOP),
                "S2", List.of(LAPTOP))));
        return net;
    }

    void autoJoin(String device, String session, String validator) {
        net.act(device, "auto-join", Map.of("session", session, "validator", validator));
    }

    void autoJoin(String device, String session, String validator, String purpose) {
        net.act(device, "auto-join", Map.of("session", session, "validator", validator, "purpose", purpose));
    }

    AutoJoinValidator laptop() {
        return (AutoJoinValidator) net.node(LAPTOP).role;
    }

    AutoJoinRequester phone() {
        return (AutoJoinRequester) net.node(PHONE).role;
    }
}
