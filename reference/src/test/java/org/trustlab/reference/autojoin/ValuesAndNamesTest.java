package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withNonce;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withPurpose;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withRequester;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicRandom;

/**
 * Values compare by content (records holding arrays do not by themselves), names print as they parse, and keys
 * print by fingerprint only.
 */
class ValuesAndNamesTest {
    private static final World W = new World();
    private static final ClientId PHONE = W.id(World.PHONE).clientId();
    private static final ClientId LAPTOP = W.id(World.LAPTOP).clientId();
    private static final Instant T = TestNet.T0;

    private static Challenge challenge() {
        byte[] nonce = new byte[Challenge.NONCE_LENGTH];
        nonce[3] = 7;
        return new Challenge("S1", PHONE, LAPTOP, T, T.plusSeconds(30), Purpose.AUTO_JOIN, nonce, 2);
    }

    @Test
    void challengesAreEqualByTheirBindingsNotByArrayIdentity() {
        Challenge c = challenge();
        Challenge copy = withNonce(c, c.nonce());
        assertThat(copy).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.sameAs(copy)).isTrue();
        assertThat(c.sameAs(null)).isFalse();
        assertThat(c.equals("S1")).isFalse();
        byte[] other = c.nonce();
        other[0] = 1;
        for (Challenge d : List.of(withSession(c, "S2"), withRequester(c, LAPTOP), withPurpose(c, Purpose.AUTO_SYNCHRONIZE),
                withNonce(c, other))) {
            assertThat(d).isNotEqualTo(c);
            assertThat(c.sameAs(d)).isFalse();
        }
    }

    @Test
    void theSigningInputWithoutPurposeIsWhatTheOmitsPurposeMutantSigns() {
        Challenge c = challenge();
        Challenge other = withPurpose(c, Purpose.AUTO_SYNCHRONIZE);
        assertThat(c.signingInputWithoutPurpose()).isEqualTo(other.signingInputWithoutPurpose())
                .isNotEqualTo(c.signingInput());
        assertThat(c.signingInput()).isNotEqualTo(other.signingInput());
        assertThat(c.signingInputWithoutPurpose()).isNotEqualTo(withSession(c, "S2").signingInputWithoutPurpose());
    }

    @Test
    void printedValuesNameKeysByFingerprintOnly() {
        Challenge c = challenge();
        assertThat(c.toString()).contains("S1", PHONE.value(), LAPTOP.value(), "auto-join", c.nonceHex(), "epoch 2");
        byte[] key = W.id(World.PHONE).publicKey();
        PublicKeyInfo info = new PublicKeyInfo(PHONE, key);
        assertThat(info.toString()).contains(PHONE.value(), Bytes.fingerprint(key)).doesNotContain(Bytes.hex(key));
    }

    @Test
    void publicKeyInfosAreEqualByClientAndKeyBytes() {
        byte[] key = W.id(World.PHONE).publicKey();
        PublicKeyInfo info = new PublicKeyInfo(PHONE, key);
        assertThat(new PublicKeyInfo(PHONE, key.clone())).isEqualTo(info).hasSameHashCodeAs(info);
        assertThat(new PublicKeyInfo(LAPTOP, key)).isNotEqualTo(info);
        assertThat(new PublicKeyInfo(PHONE, W.id(World.LAPTOP).publicKey())).isNotEqualTo(info);
        assertThat(info).isNotEqualTo(key);
    }

    @Test
    void trustedKeysAreEqualByClientKeyBytesAndValidationDate() {
        byte[] key = W.id(World.PHONE).publicKey();
        TrustedPublicKey t = TrustedPublicKey.of(PHONE, key, "safety", T);
        assertThat(TrustedPublicKey.of(PHONE, key.clone(), "safety", T)).isEqualTo(t).hasSameHashCodeAs(t);
        assertThat(TrustedPublicKey.of(LAPTOP, key, "safety", T)).isNotEqualTo(t);
        assertThat(TrustedPublicKey.of(PHONE, W.id(World.LAPTOP).publicKey(), "safety", T)).isNotEqualTo(t);
        assertThat(TrustedPublicKey.of(PHONE, key, "safety", T.plusSeconds(1))).isNotEqualTo(t);
        assertThat(t).isNotEqualTo(key);
    }

    @Test
    void theTrustStoreListsEntriesByClientThenValidationDate() {
        TrustedPublicKeys store = new TrustedPublicKeys();
        TrustedPublicKey laterLaptop = TrustedPublicKey.of(LAPTOP, W.id(World.LAPTOP, 1).publicKey(), "s",
                T.plusSeconds(60));
        TrustedPublicKey laptop = TrustedPublicKey.of(LAPTOP, W.id(World.LAPTOP).publicKey(), "s", T);
        TrustedPublicKey phone = TrustedPublicKey.of(PHONE, W.id(World.PHONE).publicKey(), "s", T);
        store.trust(laterLaptop);
        store.trust(phone);
        store.trust(laptop);
        List<TrustedPublicKey> expected = new java.util.ArrayList<>(List.of(laterLaptop, phone, laptop));
        expected.sort(java.util.Comparator.comparing(TrustedPublicKey::clientId)
                .thenComparing(TrustedPublicKey::validationDate));
        assertThat(store.all()).containsExactlyElementsOf(expected);
        assertThat(expected).isNotEqualTo(List.of(laterLaptop, phone, laptop));
    }

    @Test
    void theGrantStoreListsItsGrants() {
        TrustedDeviceGrants grants = new TrustedDeviceGrants();
        TrustedDeviceGrant g = W.grant(World.LAPTOP, World.PHONE, GrantScope.AUTO_JOIN, false, Duration.ofDays(1));
        grants.put(g);
        assertThat(grants.all()).containsExactly(g);
    }

    @Test
    void mutantsAreFoundByQualifiedOrShortNameOnly() {
        for (AutoJoinMutant m : AutoJoinMutant.values()) {
            assertThat(m.qualifiedName()).isEqualTo("autojoin." + m.shortName());
            assertThat(AutoJoinMutant.fromName(m.qualifiedName())).contains(m);
            assertThat(AutoJoinMutant.fromName(m.shortName())).contains(m);
            assertThat(m.description()).isNotBlank();
            assertThat(m.breaks()).isNotEmpty().allMatch(id -> id.startsWith("autojoin."));
        }
        assertThat(AutoJoinMutant.fromName(null)).isEmpty();
        assertThat(AutoJoinMutant.fromName("autojoin.no-such-mutant")).isEmpty();
        assertThat(AutoJoinMutant.fromName("vouch." + AutoJoinMutant.NO_REPLAY_CACHE.shortName())).isEmpty();
        assertThat(AutoJoinMutant.none()).isEmpty();
    }

    @Test
    void namesPrintAsTheyParse() {
        for (CryptoProfile p : CryptoProfile.values()) {
            assertThat(p.toString()).isEqualTo(p.profileName());
            assertThat(CryptoProfile.fromName(p.toString())).contains(p);
        }
        assertThat(CryptoProfile.fromName("rot13")).isEmpty();
        for (GrantScope s : GrantScope.values()) {
            assertThat(s.toString()).isEqualTo(s.displayName());
            assertThat(GrantScope.fromName(s.toString())).contains(s);
            assertThat(GrantScope.fromName(s.name().toLowerCase(java.util.Locale.ROOT))).contains(s);
        }
        assertThat(GrantScope.fromName("AutoEverything")).isEmpty();
        for (Purpose p : Purpose.values()) {
            assertThat(p.toString()).isEqualTo(p.wireName());
            assertThat(Purpose.fromWire(p.toString())).contains(p);
        }
    }

    @Test
    void configCopiesChangeOnlyWhatTheyName() {
        ValidatorConfig v = W.validator(World.LAPTOP, Map.of());
        ValidatorConfig policy = v.withGrantPolicy(GrantScope.AUTO_SYNCHRONIZE, Duration.ofDays(7));
        assertThat(policy.grantScope()).isEqualTo(GrantScope.AUTO_SYNCHRONIZE);
        assertThat(policy.grantValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.instanceId()).isEqualTo(v.instanceId());
        assertThat(v.withKeyGeneration(3).keyGeneration()).isEqualTo(3);
        assertThat(v.withInstallationId("install-2").installationId()).isEqualTo("install-2");
        assertThat(v.withInstallationId("install-2").instanceId()).isEqualTo(v.instanceId());
        RequesterConfig r = W.requester(World.PHONE);
        assertThat(r.withInstallationId("install-3").installationId()).isEqualTo("install-3");
        assertThat(r.withInstallationId("install-3").trustedKeys()).isEqualTo(r.trustedKeys());
    }

    @Test
    void everyMessageSaysWhichWayItTravels() {
        Challenge c = challenge();
        assertThat(new AskPasswordExchangeKey("S1", "p", W.id(World.PHONE).publicKeyInfo()).toValidator()).isTrue();
        assertThat(new FinalizeJoinCloudSessionParameters("S1", "p", "l", "auto-join", "pw", new byte[1])
                .toValidator()).isTrue();
        assertThat(new ValidateJoinCloudSessionParameters("S1", "p", "l", "auto-join", new byte[1], new byte[0],
                new byte[1], "").toValidator()).isFalse();
        AutoJoinChallenge ch = new AutoJoinChallenge("p", "l", c);
        assertThat(ch.toValidator()).isFalse();
        assertThat(ch.sessionId()).isEqualTo("S1");
        AutoJoinChallengeResponse r = new AutoJoinChallengeResponse("p", "l", c, new byte[1]);
        assertThat(r.toValidator()).isTrue();
        assertThat(r.sessionId()).isEqualTo("S1");
    }

    @Test
    void anExchangePasswordIsExactlyThreeNonEmptyParts() {
        assertThat(ExchangePassword.parse("S1___phone___pw")).contains(new ExchangePassword("S1", "phone", "pw"));
        assertThat(ExchangePassword.parse("S1___phone___")).isEmpty();
        assertThat(ExchangePassword.parse("___phone___pw")).isEmpty();
        assertThat(ExchangePassword.parse("S1___phone___pw___more")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CryptoProfile.class)
    void theSafetyKeyIsTheSourcesHashOfBothKeyHashesInOrderAndTheSalt(CryptoProfile profile) throws Exception {
        byte[] a = W.id(World.PHONE).publicKey();
        byte[] b = W.id(World.LAPTOP).publicKey();
        String ha = hex(MessageDigest.getInstance("SHA-256").digest(a));
        String hb = hex(MessageDigest.getInstance("SHA-256").digest(b));
        String text = (ha.compareTo(hb) < 0 ? ha + "_" + hb : hb + "_" + ha) + "_salt";
        String algorithm = profile == CryptoProfile.BYTESYNC ? "MD5" : "SHA-256";
        String expected = hex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(profile.safetyKey(a, b, "salt")).isEqualTo(expected);
        assertThat(profile.safetyKey(b, a, "salt")).isEqualTo(expected);
    }

    @Test
    void anEmptySecretSealedToAnEd25519DeviceOpensToEmpty() {
        CryptoProfile p = CryptoProfile.ED25519;
        byte[] sealed = p.encrypt(W.id(World.LAPTOP).publicKey(), new byte[0], new DeterministicRandom(3, "seal"))
                .orElseThrow();
        var keys = org.trustlab.reference.crypto.DeterministicKeys.ring(TestNet.KEY_SEED, World.LAPTOP);
        assertThat(p.decrypt(keys, 0, sealed)).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(p.decrypt(keys, 0, Arrays.copyOf(sealed, sealed.length - 1))).isEmpty();
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
