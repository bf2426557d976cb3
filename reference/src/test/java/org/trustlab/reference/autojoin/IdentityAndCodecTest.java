package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;

class IdentityAndCodecTest {
    private final AutoJoinCodec codec = new AutoJoinCodec();

    @Test
    void clientIdIsBase26OfTheInstallationAndKeyHashInByteSyncsFormat() {
        byte[] key = CryptoProfile.ED25519.publicKey(DeterministicKeys.ring(1, "a"), 0);
        ClientId id = ClientId.derive("install-1", key);
        assertThat(id.value()).matches("[A-Z]{4}-[A-Z]{3}-[A-Z]{3}");
        assertThat(ClientId.derive("install-1", key)).isEqualTo(id);
        assertThat(ClientId.derive("install-2", key)).isNotEqualTo(id);
        byte[] other = CryptoProfile.ED25519.publicKey(DeterministicKeys.ring(1, "b"), 0);
        assertThat(ClientId.derive("install-1", other)).isNotEqualTo(id);
    }

    @Test
    void clientIdSurvivesAKeyRotationButTheKeyDoesNot() {
        var ring = DeterministicKeys.ring(1, "a");
        DeviceIdentity g0 = DeviceIdentity.of(ring, "a", CryptoProfile.ED25519, 0);
        DeviceIdentity g1 = DeviceIdentity.of(ring, "a", CryptoProfile.ED25519, 1);
        assertThat(g1.clientId()).isEqualTo(g0.clientId());
        assertThat(g1.fingerprint()).isNotEqualTo(g0.fingerprint());
    }

    @Test
    void safetyKeyIsTheSameOnBothSidesAndDependsOnTheSalt() {
        byte[] a = CryptoProfile.ED25519.publicKey(DeterministicKeys.ring(1, "a"), 0);
        byte[] b = CryptoProfile.ED25519.publicKey(DeterministicKeys.ring(1, "b"), 0);
        for (CryptoProfile p : List.of(CryptoProfile.BYTESYNC, CryptoProfile.ED25519)) {
            assertThat(p.safetyKey(a, b, "salt")).isEqualTo(p.safetyKey(b, a, "salt"))
                    .isNotEqualTo(p.safetyKey(a, b, "pepper"));
        }
        assertThat(CryptoProfile.BYTESYNC.safetyKey(a, b, "s")).hasSize(32); // MD5, as ByteSync computes it
    }

    @Test
    void newestTrustedKeyWinsAndMustMatchByteForByte() {
        TrustedPublicKeys store = new TrustedPublicKeys();
        ClientId id = new ClientId("ABCD-EFG-HIJ");
        store.trust(TrustedPublicKey.of(id, new byte[] {1}, "s", Instant.parse("2025-01-01T00:00:00Z")));
        store.trust(TrustedPublicKey.of(id, new byte[] {2}, "s", Instant.parse("2025-02-01T00:00:00Z")));
        assertThat(store.isTrusted(new PublicKeyInfo(id, new byte[] {2}))).isTrue();
        assertThat(store.isTrusted(new PublicKeyInfo(id, new byte[] {1}))).isFalse();
        store.forget(id);
        assertThat(store.isTrusted(new PublicKeyInfo(id, new byte[] {2}))).isFalse();
    }

    @Test
    void exchangePasswordRoundTripsAndRejectsOtherShapes() {
        ExchangePassword p = new ExchangePassword("S1", "phone", "pw");
        assertThat(ExchangePassword.parse(p.data())).contains(p);
        assertThat(ExchangePassword.parse("S1___phone")).isEmpty();
        assertThat(p.isMatch("S1", "phone", "PW", CryptoProfile.BYTESYNC)).isTrue();
        assertThat(p.isMatch("S1", "phone", "PW", CryptoProfile.HARDENED)).isFalse();
        assertThat(p.isMatch("S1", "phone", "pw", CryptoProfile.HARDENED)).isTrue();
    }

    static List<AutoJoinMessage> samples() {
        ClientId a = new ClientId("AAAA-BBB-CCC");
        ClientId b = new ClientId("DDDD-EEE-FFF");
        PublicKeyInfo k = new PublicKeyInfo(a, new byte[] {1, 2, 3});
        Challenge c = new Challenge("S1", a, b, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:30Z"), Purpose.AUTO_INVENTORY, new byte[32], 3);
        return List.of(
                new AskPasswordExchangeKey("S1", "phone", k),
                new GiveCloudSessionPasswordExchangeKeyParameters("S1", "phone", "laptop", k),
                new AskJoinCloudSessionParameters("S1", "phone", "laptop", new byte[] {9}, new byte[] {8}),
                new ValidateJoinCloudSessionParameters("S1", "phone", "laptop", "auto-join", new byte[] {7},
                        new byte[32], new byte[] {6}, "fin"),
                new ValidateJoinCloudSessionParameters("S1", "phone", "laptop", "manual-join", new byte[] {7},
                        new byte[0], new byte[] {6}, ""),
                new FinalizeJoinCloudSessionParameters("S1", "phone", "laptop", "manual-join", "fin", new byte[] {5}),
                new AskAutoJoin("S1", "phone", "laptop", k, Purpose.AUTO_JOIN),
                new AutoJoinChallenge("phone", "laptop", c),
                new AutoJoinChallengeResponse("phone", "laptop", c, new byte[] {4}),
                new AutoJoinRejected("S1", "phone", "laptop", "auto-join", "GRANT_MISSING"));
    }

    @Test
    void everyMessageRoundTrips() {
        for (AutoJoinMessage m : samples()) {
            byte[] bytes = codec.encode(m);
            WireCodec.Decoded<AutoJoinMessage> d = codec.decode(bytes);
            assertThat(d).as("%s", m).isInstanceOf(WireCodec.Decoded.Ok.class);
            assertThat(codec.encode(((WireCodec.Decoded.Ok<AutoJoinMessage>) d).message())).isEqualTo(bytes);
            assertThat(Canonical.decode(bytes)).isInstanceOf(org.trustlab.reference.crypto.DecodeResult.Ok.class);
        }
    }

    @Test
    void badFieldsAreMalformedWithAReason() {
        byte[] ask = codec.encode(samples().get(6));
        byte[] badId = ((org.trustlab.reference.crypto.DecodeResult.Ok<byte[]>) Canonical.withField(ask, 3,
                "not-an-id".getBytes(java.nio.charset.StandardCharsets.UTF_8))).value();
        assertThat(codec.decode(badId)).isInstanceOfSatisfying(WireCodec.Decoded.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo("BAD_FIELD"));
        byte[] badPurpose = ((org.trustlab.reference.crypto.DecodeResult.Ok<byte[]>) Canonical.withField(ask, 5,
                "auto-everything".getBytes(java.nio.charset.StandardCharsets.UTF_8))).value();
        assertThat(codec.decode(badPurpose)).isInstanceOf(WireCodec.Decoded.Malformed.class);
        assertThat(codec.decode(Canonical.encode("trustlab/other/v1", List.of()))).isInstanceOfSatisfying(
                WireCodec.Decoded.Malformed.class, m -> assertThat(m.reason()).isEqualTo("UNKNOWN_TAG"));
    }

    @Test
    void randomCorruptionNeverThrows() {
        DeterministicRandom r = new DeterministicRandom(3, "fuzz");
        for (AutoJoinMessage m : samples()) {
            byte[] bytes = codec.encode(m);
            for (int i = 0; i < 300; i++) {
                byte[] copy = bytes.clone();
                int flips = 1 + r.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
                }
                byte[] cut = java.util.Arrays.copyOf(copy, r.nextInt(copy.length + 1));
                assertThat(codec.decode(copy)).isNotNull();
                assertThat(codec.decode(cut)).isNotNull();
            }
        }
    }
}
