package org.trustlab.reference.crypto.kat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trustlab.reference.crypto.Aead;

/** Runs every published vector as its own named test, and shows the harness catches a mis-copied vector. */
class KnownAnswersTest {

    @TestFactory
    Stream<DynamicTest> publishedVectors() {
        return KnownAnswers.all().stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            KatResult result = vector.run();
            assertThat(result.passed()).as("%s (%s): %s", vector.name(), vector.source(), result.detail()).isTrue();
        }));
    }

    @Test
    void everyFamilyIsCoveredAndNamesAreUniqueAndStable() {
        List<KnownAnswer> all = KnownAnswers.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        Set<String> names = new HashSet<>();
        for (KnownAnswer k : all) {
            assertThat(names.add(k.name())).as("duplicate name %s", k.name()).isTrue();
            assertThat(k.name()).matches("[a-z0-9.-]+");
            assertThat(k.source()).isNotBlank();
        }
        assertThat(names).contains("rfc8032-test-1", "rfc8032-test-2", "rfc8032-test-3", "rfc8032-test-1024",
                "rfc8032-test-sha-abc", "rfc7748-5.2-vector-1", "rfc7748-5.2-vector-2", "rfc7748-6.1-alice-public",
                "rfc7748-6.1-bob-public", "rfc7748-6.1-shared-secret", "rfc5869-test-case-1", "rfc5869-test-case-2",
                "rfc5869-test-case-3", "rfc8439-2.8.2-seal", "rfc8439-2.8.2-open", "rfc8439-2.8.2-tamper",
                "rfc4231-test-case-1", "rfc4231-test-case-5", "rfc4231-test-case-7", "gcm-test-case-16-seal",
                "gcm-test-case-16-tamper", "fips180-2-sha256-abc", "noise-kk-cacophony", "noise-nnpsk0-cacophony",
                "noise-xx-cacophony");
        assertThat(all.stream().map(KnownAnswer::name)).isEqualTo(KnownAnswers.all().stream()
                .map(KnownAnswer::name).toList());
    }

    // ---- mutants: the same vectors with one expected nibble changed must fail, naming what differed

    private static final java.util.Map<String, String> NN_KEYS = java.util.Map.of(
            "init_prologue", "4a6f686e2047616c74", "resp_prologue", "4a6f686e2047616c74",
            "init_ephemeral", "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a",
            "resp_ephemeral", "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b");
    private static final String NN_HASH = "9223fec1b892ec9d0dc2fb3bbeb261f170d1ea679f9c44ccf34aa131b4f5d97e";
    private static final String NN_MESSAGE_0 =
            "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573";
    private static final String NN_MESSAGE_1 =
            "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f144808843a0ff96bdf86b579ef7dbf94e812a7470"
            + "b903c20a85a87e3a1fe863264ae547";
    private static final String NN_MESSAGE_2 = "eb1a3e3d80c1792b1bb9cb0e1382f8d8322bfb1ca7c4c8517bb686";

    @Test
    void theNoiseWrapperPassesACacophonyVectorAndFailsAMisCopiedOne() {
        String nn = "Noise_NN_25519_ChaChaPoly_SHA256";
        assertThat(KnownAnswers.noise("nn", "test", nn, NN_KEYS, NN_HASH, NN_MESSAGE_0, NN_MESSAGE_1, NN_MESSAGE_2)
                .run().passed()).isTrue();
        KatResult r = KnownAnswers.noise("mutant", "test", nn, NN_KEYS, NN_HASH, NN_MESSAGE_0,
                NN_MESSAGE_1.replace("a0ff96", "a0ff97"), NN_MESSAGE_2).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("message 1 (handshake) differs");
        KatResult hash = KnownAnswers.noise("mutant", "test", nn, NN_KEYS, NN_HASH.replace("9223", "9224"),
                NN_MESSAGE_0, NN_MESSAGE_1, NN_MESSAGE_2).run();
        assertThat(hash.passed()).isFalse();
        assertThat(hash.detail()).contains("handshake hash");
    }

    @Test
    void aMisCopiedEd25519SignatureFails() {
        KatResult r = KnownAnswers.ed25519("mutant", "test",
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100c").run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("signature: expected ").contains("7a100c");
    }

    @Test
    void aMisCopiedEd25519PublicKeyFails() {
        KatResult r = KnownAnswers.ed25519("mutant", "test",
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511b", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b").run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("public key:");
    }

    @Test
    void aMisCopiedX25519OutputFails() {
        assertThat(KnownAnswers.x25519Function("mutant", "test",
                "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28553").run().passed()).isFalse();
    }

    @Test
    void aLowOrderPointInAnX25519VectorIsReportedAsARejection() {
        KatResult r = KnownAnswers.x25519Function("mutant", "test",
                "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4", "00".repeat(32),
                "00".repeat(32)).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).contains("got a rejection");
    }

    @Test
    void aMisCopiedHkdfOutputFails() {
        KatResult r = KnownAnswers.hkdf("mutant", "test", "0b".repeat(22), "", "", 42,
                "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c9").run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("OKM (expand)");
    }

    @Test
    void aMisCopiedHmacFailsIncludingTheTruncatedForm() {
        assertThat(KnownAnswers.hmac("mutant", "test", "0b".repeat(20), "4869205468657265",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff8").run().passed()).isFalse();
        assertThat(KnownAnswers.hmac("mutant", "test", "0c".repeat(20),
                "546573742057697468205472756e636174696f6e", "a3b6167473100ee06e0c796c2955552c").run().passed())
                .isFalse();
    }

    @Test
    void aMisCopiedAeadVectorFailsBothWays() {
        String key = "00".repeat(32);
        String nonce = "00".repeat(12);
        assertThat(KnownAnswers.aeadSeal("mutant", "test", Aead.AES_256_GCM, key, nonce, "", "",
                "530f8afbc74536b9a963b4f1c4cb738c").run().passed()).isFalse();
        KatResult open = KnownAnswers.aeadOpen("mutant", "test", Aead.AES_256_GCM, key, nonce, "",
                "530f8afbc74536b9a963b4f1c4cb738c", "").run();
        assertThat(open.passed()).isFalse();
        assertThat(open.detail()).contains("got a rejection");
        // A tamper vector over bytes that never opened fails on its first check, not vacuously passes.
        KatResult tamper = KnownAnswers.aeadTamper("mutant", "test", Aead.CHACHA20_POLY1305, key, nonce, "00",
                "00".repeat(20)).run();
        assertThat(tamper.passed()).isFalse();
        assertThat(tamper.detail()).startsWith("untouched opens");
    }

    @Test
    void aMisCopiedDigestFails() {
        assertThat(KnownAnswers.sha256("mutant", "test", "616263",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ae").run().passed()).isFalse();
    }

    @Test
    void aVectorWhosePrimitiveThrowsIsAFailureNotAnEscape() {
        // A 31-byte Ed25519 secret makes the primitive throw; the harness turns that into a failed vector.
        KatResult r = KnownAnswers.ed25519("mutant", "test", "00".repeat(31), "00".repeat(32), "",
                "00".repeat(64)).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("threw java.lang.IllegalArgumentException");
        KatResult badHex = KnownAnswers.sha256("mutant", "test", "zz", "00").run();
        assertThat(badHex.passed()).isFalse();
    }
}
