package org.trustlab.reference.crypto.kat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.reference.crypto.Aead;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reference.crypto.Hkdf;
import org.trustlab.reference.crypto.Hmac;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * The published known-answer vectors for every primitive of the crypto core, as data. JUnit and
 * {@code trustlab selftest} run this same list, so the jar a user runs is checked against the same bytes as the
 * build. Every vector goes through trustlab's own wrappers ({@link Ed25519KeyPair}, {@link Aead}, ...), not
 * straight to Bouncy Castle, so a wrapper bug (a wrong parameter, a swapped argument) fails a vector too.
 *
 * <p>The hex is copied from the cited documents; a failing vector means a mis-copy or a broken primitive, never
 * something to "fix" by changing the expected value to what the code produces.
 */
public final class KnownAnswers {
    private KnownAnswers() {}

    /** Every vector, in a fixed order. */
    public static List<KnownAnswer> all() {
        List<KnownAnswer> all = new ArrayList<>();
        all.addAll(ed25519());
        all.addAll(x25519());
        all.addAll(hkdf());
        all.addAll(chacha20Poly1305());
        all.addAll(hmacSha256());
        all.addAll(aes256Gcm());
        all.addAll(sha256());
        all.addAll(noise());
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- RFC 8032 section 7.1, Ed25519

    private static final String RFC8032 = "RFC 8032 section 7.1";

    /** RFC 8032 test 1024: a 1023-octet message. */
    private static final String RFC8032_1024_MESSAGE =
            "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1"
            + "e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
            + "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a"
            + "7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
            + "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10"
            + "3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
            + "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d"
            + "502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
            + "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b"
            + "eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
            + "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b"
            + "e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
            + "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d"
            + "cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
            + "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7"
            + "984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
            + "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09"
            + "43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
            + "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161"
            + "0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
            + "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca"
            + "c60c905c15fc910840b94c00a0b9d0";

    public static List<KnownAnswer> ed25519() {
        return List.of(
                ed25519("rfc8032-test-1", RFC8032 + ", TEST 1 (empty message)",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                ed25519("rfc8032-test-2", RFC8032 + ", TEST 2 (one octet)",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                ed25519("rfc8032-test-3", RFC8032 + ", TEST 3 (two octets)",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                        + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
                ed25519("rfc8032-test-1024", RFC8032 + ", TEST 1024 (1023 octets)",
                        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
                        RFC8032_1024_MESSAGE,
                        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
                        + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"),
                ed25519("rfc8032-test-sha-abc", RFC8032 + ", TEST SHA(abc) (the SHA-512 of \"abc\" as message)",
                        "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
                        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
                        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                        "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                        + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));
    }

    /**
     * Derives the public key from the secret, signs (Ed25519 is deterministic, so the signature must be the
     * published one byte for byte), verifies, and checks that a one-bit change of the signature is rejected.
     */
    public static KnownAnswer ed25519(String name, String source, String secretHex, String publicHex,
            String messageHex, String signatureHex) {
        return new KnownAnswer(name, source, () -> {
            Ed25519KeyPair pair = Ed25519KeyPair.fromPrivate(Bytes.fromHex(secretHex));
            byte[] message = Bytes.fromHex(messageHex);
            byte[] signature = pair.sign(message);
            byte[] publicKey = Bytes.fromHex(publicHex);
            byte[] flipped = Bytes.fromHex(signatureHex);
            flipped[0] ^= 0x01;
            return new Expect()
                    .bytes("public key", publicHex, pair.publicKey())
                    .bytes("signature", signatureHex, signature)
                    .isTrue("verify", Ed25519KeyPair.verify(publicKey, message, Bytes.fromHex(signatureHex)))
                    .isTrue("flipped signature rejected", !Ed25519KeyPair.verify(publicKey, message, flipped))
                    .result();
        });
    }

    // ---------------------------------------------------------------- RFC 7748, X25519

    private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    public static List<KnownAnswer> x25519() {
        return List.of(
                x25519Function("rfc7748-5.2-vector-1", "RFC 7748 section 5.2, first X25519 vector",
                        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
                // The input u-coordinate has its top bit set, which RFC 7748 section 5 says to mask: this vector
                // fails if the implementation does not.
                x25519Function("rfc7748-5.2-vector-2", "RFC 7748 section 5.2, second X25519 vector",
                        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
                x25519PublicKey("rfc7748-6.1-alice-public", "RFC 7748 section 6.1, Alice's public key",
                        ALICE_PRIVATE, ALICE_PUBLIC),
                x25519PublicKey("rfc7748-6.1-bob-public", "RFC 7748 section 6.1, Bob's public key",
                        BOB_PRIVATE, BOB_PUBLIC),
                x25519Shared("rfc7748-6.1-shared-secret", "RFC 7748 section 6.1, shared secret K (both sides)",
                        ALICE_PRIVATE, BOB_PUBLIC, BOB_PRIVATE, ALICE_PUBLIC, SHARED));
    }

    /** The X25519 function on a scalar and a u-coordinate. */
    public static KnownAnswer x25519Function(String name, String source, String scalarHex, String uHex,
            String outputHex) {
        return new KnownAnswer(name, source, () -> new Expect()
                .present("X25519(k, u)", outputHex,
                        X25519KeyPair.fromPrivate(Bytes.fromHex(scalarHex)).agree(Bytes.fromHex(uHex)))
                .result());
    }

    public static KnownAnswer x25519PublicKey(String name, String source, String privateHex, String publicHex) {
        return new KnownAnswer(name, source, () -> new Expect()
                .bytes("public key", publicHex, X25519KeyPair.fromPrivate(Bytes.fromHex(privateHex)).publicKey())
                .result());
    }

    public static KnownAnswer x25519Shared(String name, String source, String alicePrivateHex, String bobPublicHex,
            String bobPrivateHex, String alicePublicHex, String sharedHex) {
        return new KnownAnswer(name, source, () -> new Expect()
                .present("Alice's K", sharedHex,
                        X25519KeyPair.fromPrivate(Bytes.fromHex(alicePrivateHex)).agree(Bytes.fromHex(bobPublicHex)))
                .present("Bob's K", sharedHex,
                        X25519KeyPair.fromPrivate(Bytes.fromHex(bobPrivateHex)).agree(Bytes.fromHex(alicePublicHex)))
                .result());
    }

    // ---------------------------------------------------------------- RFC 5869 appendix A, HKDF-SHA256

    public static List<KnownAnswer> hkdf() {
        return List.of(
                hkdf("rfc5869-test-case-1", "RFC 5869 appendix A.1, basic test case with SHA-256",
                        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
                        "000102030405060708090a0b0c",
                        "f0f1f2f3f4f5f6f7f8f9",
                        42,
                        "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
                        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                        + "34007208d5b887185865"),
                hkdf("rfc5869-test-case-2", "RFC 5869 appendix A.2, longer inputs and outputs with SHA-256",
                        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                        + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
                        + "404142434445464748494a4b4c4d4e4f",
                        "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
                        + "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
                        + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                        "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
                        + "d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef"
                        + "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                        82,
                        "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
                        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
                hkdf("rfc5869-test-case-3", "RFC 5869 appendix A.3, zero-length salt and info with SHA-256",
                        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
                        "",
                        "",
                        42,
                        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
                        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                        + "9d201395faa4b61a96c8"));
    }

    /** Checks PRK (extract), OKM from the PRK (expand), and OKM in one call. */
    public static KnownAnswer hkdf(String name, String source, String ikmHex, String saltHex, String infoHex,
            int length, String prkHex, String okmHex) {
        return new KnownAnswer(name, source, () -> {
            byte[] ikm = Bytes.fromHex(ikmHex);
            byte[] salt = Bytes.fromHex(saltHex);
            byte[] info = Bytes.fromHex(infoHex);
            byte[] prk = Hkdf.extract(salt, ikm);
            return new Expect()
                    .bytes("PRK", prkHex, prk)
                    .bytes("OKM (expand)", okmHex, Hkdf.expand(prk, info, length))
                    .bytes("OKM (extract-then-expand)", okmHex, Hkdf.sha256(ikm, salt, info, length))
                    .result();
        });
    }

    // ---------------------------------------------------------------- RFC 8439 section 2.8.2, ChaCha20-Poly1305

    private static final String RFC8439 = "RFC 8439 section 2.8.2";
    private static final String CHACHA_KEY = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    private static final String CHACHA_NONCE = "070000004041424344454647";
    private static final String CHACHA_AAD = "50515253c0c1c2c3c4c5c6c7";
    private static final String CHACHA_PLAINTEXT = Bytes.hex(("Ladies and Gentlemen of the class of '99: If I could"
            + " offer you only one tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII));
    private static final String CHACHA_CIPHERTEXT =
            "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116";
    private static final String CHACHA_TAG = "1ae10b594f09e26a7e902ecbd0600691";

    public static List<KnownAnswer> chacha20Poly1305() {
        return List.of(
                aeadSeal("rfc8439-2.8.2-seal", RFC8439 + ", AEAD encryption: ciphertext and tag",
                        Aead.CHACHA20_POLY1305, CHACHA_KEY, CHACHA_NONCE, CHACHA_AAD, CHACHA_PLAINTEXT,
                        CHACHA_CIPHERTEXT + CHACHA_TAG),
                aeadOpen("rfc8439-2.8.2-open", RFC8439 + ", AEAD decryption of the published ciphertext and tag",
                        Aead.CHACHA20_POLY1305, CHACHA_KEY, CHACHA_NONCE, CHACHA_AAD, CHACHA_CIPHERTEXT + CHACHA_TAG,
                        CHACHA_PLAINTEXT),
                aeadTamper("rfc8439-2.8.2-tamper", RFC8439 + ", any one-bit change to ciphertext, tag, AAD or nonce"
                        + " must fail to open", Aead.CHACHA20_POLY1305, CHACHA_KEY, CHACHA_NONCE, CHACHA_AAD,
                        CHACHA_CIPHERTEXT + CHACHA_TAG));
    }

    public static KnownAnswer aeadSeal(String name, String source, Aead aead, String keyHex, String nonceHex,
            String aadHex, String plaintextHex, String sealedHex) {
        return new KnownAnswer(name, source, () -> new Expect()
                .bytes("ciphertext || tag", sealedHex, aead.seal(Bytes.fromHex(keyHex), Bytes.fromHex(nonceHex),
                        Bytes.fromHex(aadHex), Bytes.fromHex(plaintextHex)))
                .result());
    }

    public static KnownAnswer aeadOpen(String name, String source, Aead aead, String keyHex, String nonceHex,
            String aadHex, String sealedHex, String plaintextHex) {
        return new KnownAnswer(name, source, () -> new Expect()
                .present("plaintext", plaintextHex, aead.open(Bytes.fromHex(keyHex), Bytes.fromHex(nonceHex),
                        Bytes.fromHex(aadHex), Bytes.fromHex(sealedHex)))
                .result());
    }

    /**
     * The published sealed bytes open; a flipped bit in the first ciphertext byte, the last tag byte, the AAD
     * or the nonce does not. Without the first check the rejections would pass for a cipher that rejects
     * everything.
     */
    public static KnownAnswer aeadTamper(String name, String source, Aead aead, String keyHex, String nonceHex,
            String aadHex, String sealedHex) {
        return new KnownAnswer(name, source, () -> {
            byte[] key = Bytes.fromHex(keyHex);
            byte[] nonce = Bytes.fromHex(nonceHex);
            byte[] aad = Bytes.fromHex(aadHex);
            byte[] sealed = Bytes.fromHex(sealedHex);
            return new Expect()
                    .isTrue("untouched opens", aead.open(key, nonce, aad, sealed).isPresent())
                    .isTrue("ciphertext bit flip rejected", rejected(aead.open(key, nonce, aad, flip(sealed, 0))))
                    .isTrue("tag bit flip rejected",
                            rejected(aead.open(key, nonce, aad, flip(sealed, sealed.length - 1))))
                    .isTrue("AAD bit flip rejected", aad.length == 0
                            || rejected(aead.open(key, nonce, flip(aad, 0), sealed)))
                    .isTrue("nonce bit flip rejected", rejected(aead.open(key, flip(nonce, 0), aad, sealed)))
                    .result();
        });
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static boolean rejected(Optional<byte[]> opened) {
        return opened.isEmpty();
    }

    // ---------------------------------------------------------------- RFC 4231 section 4, HMAC-SHA256

    private static final String KEY_131_AA = "aa".repeat(131);

    public static List<KnownAnswer> hmacSha256() {
        return List.of(
                hmac("rfc4231-test-case-1", "RFC 4231 section 4.2", "0b".repeat(20), ascii("Hi There"),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                hmac("rfc4231-test-case-2", "RFC 4231 section 4.3 (key shorter than the output)", ascii("Jefe"),
                        ascii("what do ya want for nothing?"),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                hmac("rfc4231-test-case-3", "RFC 4231 section 4.4", "aa".repeat(20), "dd".repeat(50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                hmac("rfc4231-test-case-4", "RFC 4231 section 4.5", "0102030405060708090a0b0c0d0e0f10111213141516171819",
                        "cd".repeat(50),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                hmac("rfc4231-test-case-5", "RFC 4231 section 4.6 (output truncated to 128 bits)", "0c".repeat(20),
                        ascii("Test With Truncation"),
                        "a3b6167473100ee06e0c796c2955552b"),
                hmac("rfc4231-test-case-6", "RFC 4231 section 4.7 (131-byte key, hashed first)", KEY_131_AA,
                        ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                hmac("rfc4231-test-case-7", "RFC 4231 section 4.8 (131-byte key and data longer than a block)",
                        KEY_131_AA,
                        ascii("This is a test using a larger than block-size key and a larger than block-size data."
                                + " The key needs to be hashed before being used by the HMAC algorithm."),
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    /**
     * HMAC-SHA256 of the data; a published value shorter than 32 bytes is a truncated output (test case 5) and
     * is compared against the same-length prefix. A full-length value must also pass {@link Hmac#verifySha256}.
     */
    public static KnownAnswer hmac(String name, String source, String keyHex, String dataHex, String macHex) {
        return new KnownAnswer(name, source, () -> {
            byte[] key = Bytes.fromHex(keyHex);
            byte[] data = Bytes.fromHex(dataHex);
            byte[] mac = Hmac.sha256(key, data);
            int expectedLength = macHex.length() / 2;
            Expect expect = new Expect().bytes(expectedLength == mac.length ? "HMAC" : "HMAC, first "
                    + expectedLength * 8 + " bits", macHex, java.util.Arrays.copyOf(mac, expectedLength));
            if (expectedLength == mac.length) {
                expect.isTrue("verifySha256", Hmac.verifySha256(key, data, Bytes.fromHex(macHex)));
            }
            return expect.result();
        });
    }

    private static String ascii(String text) {
        return Bytes.hex(text.getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------- AES-256-GCM (McGrew and Viega test cases)

    private static final String GCM = "McGrew & Viega, The Galois/Counter Mode of Operation (GCM), appendix B";
    private static final String GCM_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String GCM_IV = "cafebabefacedbaddecaf888";
    private static final String GCM_PLAINTEXT_60 =
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String GCM_CIPHERTEXT_60 =
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662";
    private static final String GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String GCM_16_SEALED = GCM_CIPHERTEXT_60 + "76fc6ece0f4e1768cddf8853bb2d551b";

    public static List<KnownAnswer> aes256Gcm() {
        String zeroKey = "00".repeat(32);
        String zeroIv = "00".repeat(12);
        return List.of(
                aeadSeal("gcm-test-case-13", GCM + ", test case 13 (zero key, empty plaintext, no AAD)",
                        Aead.AES_256_GCM, zeroKey, zeroIv, "", "",
                        "530f8afbc74536b9a963b4f1c4cb738b"),
                aeadSeal("gcm-test-case-14", GCM + ", test case 14 (zero key, one zero block)",
                        Aead.AES_256_GCM, zeroKey, zeroIv, "", "00".repeat(16),
                        "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919"),
                aeadSeal("gcm-test-case-15", GCM + ", test case 15 (64 bytes, no AAD)",
                        Aead.AES_256_GCM, GCM_KEY, GCM_IV, "", GCM_PLAINTEXT_60 + "1aafd255",
                        GCM_CIPHERTEXT_60 + "898015ad" + "b094dac5d93471bdec1a502270e3cc6c"),
                aeadSeal("gcm-test-case-16-seal", GCM + ", test case 16 (60 bytes, 20 bytes of AAD)",
                        Aead.AES_256_GCM, GCM_KEY, GCM_IV, GCM_AAD, GCM_PLAINTEXT_60, GCM_16_SEALED),
                aeadOpen("gcm-test-case-16-open", GCM + ", test case 16, decryption",
                        Aead.AES_256_GCM, GCM_KEY, GCM_IV, GCM_AAD, GCM_16_SEALED, GCM_PLAINTEXT_60),
                aeadTamper("gcm-test-case-16-tamper", GCM + ", test case 16, any one-bit change must fail to open",
                        Aead.AES_256_GCM, GCM_KEY, GCM_IV, GCM_AAD, GCM_16_SEALED));
    }

    // ---------------------------------------------------------------- FIPS 180-2 appendix B, SHA-256

    public static List<KnownAnswer> sha256() {
        return List.of(
                sha256("fips180-2-sha256-abc", "FIPS 180-2 appendix B.1, one-block message \"abc\"", ascii("abc"),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                sha256("fips180-2-sha256-two-block", "FIPS 180-2 appendix B.2, 448-bit message",
                        ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    public static KnownAnswer sha256(String name, String source, String messageHex, String digestHex) {
        return new KnownAnswer(name, source,
                () -> new Expect().bytes("SHA-256", digestHex, Hashes.sha256(Bytes.fromHex(messageHex))).result());
    }

    // ---------------------------------------------------------------- Noise, the cacophony vectors

    private static final String CACOPHONY = "cacophony vectors/cacophony.txt at 8ee9d41 (public domain), ";

    /** The six payloads every cacophony vector sends, in order (handshake messages first). */
    private static final List<String> CACOPHONY_PAYLOADS = List.of(
            "4c756477696720766f6e204d69736573", "4d757272617920526f746862617264", "462e20412e20486179656b",
            "4361726c204d656e676572", "4a65616e2d426170746973746520536179",
            "457567656e2042f6686d20766f6e2042617765726b");

    private static final String CACOPHONY_PROLOGUE = "4a6f686e2047616c74";
    private static final String CACOPHONY_INIT_STATIC =
            "e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1";
    private static final String CACOPHONY_INIT_EPHEMERAL =
            "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a";
    private static final String CACOPHONY_RESP_STATIC =
            "4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893";
    private static final String CACOPHONY_RESP_EPHEMERAL =
            "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b";

    /**
     * The three patterns trustlab's protocols use (the relay's KK data plane and NNpsk0 pairing, pnet's XX), so that
     * {@code trustlab selftest} checks the Noise layer of the jar it runs; the build checks all 36 vectors of the
     * implemented patterns from the test resources.
     */
    public static List<KnownAnswer> noise() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("init_prologue", CACOPHONY_PROLOGUE);
        keys.put("resp_prologue", CACOPHONY_PROLOGUE);
        keys.put("init_ephemeral", CACOPHONY_INIT_EPHEMERAL);
        keys.put("resp_ephemeral", CACOPHONY_RESP_EPHEMERAL);
        Map<String, String> statics = new LinkedHashMap<>(keys);
        statics.put("init_static", CACOPHONY_INIT_STATIC);
        statics.put("resp_static", CACOPHONY_RESP_STATIC);
        Map<String, String> kk = new LinkedHashMap<>(statics);
        kk.put("init_remote_static", "31e0303fd6418d2f8c0e78b91f22e8caed0fbe48656dcf4767e4834f701b8f62");
        kk.put("resp_remote_static", "6bc3822a2aa7f4e6981d6538692b3cdf3e6df9eea6ed269eb41d93c22757b75a");
        Map<String, String> nnPsk0 = new LinkedHashMap<>(keys);
        nnPsk0.put("init_psks", "54686973206973206d7920417573747269616e20706572737065637469766521");
        nnPsk0.put("resp_psks", "54686973206973206d7920417573747269616e20706572737065637469766521");
        return List.of(
                cacophony("noise-kk-cacophony", "Noise_KK_25519_ChaChaPoly_SHA256", kk,
                        "24c6b51ecb76277140ca018b5985bc9f03de321dae2d34dcae433dafef0131d9",
                        "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79440177015efc1fe7a37c629af7"
                        + "120a96274e6ab7afcc9261901d0e09ae32a5bb96",
                        "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f144808843b274d3429adc47ca093ba63e"
                        + "f90f8da89fda108db471dccfa4894aa7b00003",
                        "966b05bc69ec01b8454d3160a214e6f24a3d884eb31ec2408af63f",
                        "0ad887fba4f611bbb4afe44ba3556b8164332ca7d5934634d63d80",
                        "012b28ae646ae7830e2c5472cb023eab071c1db3d8413ec69b513b83832f974c2d",
                        "bb3e6a48160d9c5971d37f975727294e0d868342db31832e54d07191ab0ca3c3703b5ed3d9"),
                cacophony("noise-nnpsk0-cacophony", "Noise_NNpsk0_25519_ChaChaPoly_SHA256", nnPsk0,
                        "f4d03dc34495c95729ea6de9e1b59004b59733102488b3e24bc441e0be208eaf",
                        "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c794479b962b8aff8485742ac32f9"
                        + "05ba45369e2465fb59e138a93d67a0d1266b6a54",
                        "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f144808843d6062704d5a9c422a8e83442"
                        + "3f8c1feada7e8d0d910a1a2cd030fb584221e3",
                        "e632c3763d7669067383433197a3baddf146e9e70ad4b4e9e59e0f",
                        "64c6bee32ea91c8474bb4c21d7a700109ad45af77b29764ba5eb1e",
                        "e2fa0bed0603b62d3ccac2ecabbf3fe33f3e86514909b323361626266cb2471cc8",
                        "0c01dc9cec1fe4ddd692e8dd32188aa351088dc91183639a53b57aa4692b5ebdef8b8ca111"),
                cacophony("noise-xx-cacophony", "Noise_XX_25519_ChaChaPoly_SHA256", statics,
                        "c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e",
                        "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d"
                        + "69736573",
                        "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c48378ffc"
                        + "e2b65285e08d6b68aaa3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f8982ffe09be"
                        + "9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad",
                        "c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df0f169ae80a89be"
                        + "0865b57f58c9fea0d4ec82a286427402f113e4b6ae769a1d95941d49b25030",
                        "96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df",
                        "3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5",
                        "eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09fce024b3a58502ae3f"));
    }

    private static KnownAnswer cacophony(String name, String protocolName, Map<String, String> keys,
                                         String handshakeHash, String... ciphertexts) {
        return noise(name, CACOPHONY + protocolName, protocolName, keys, handshakeHash, ciphertexts);
    }

    /** A Noise vector: both sides run, every message byte for byte, the handshake hash, then transport. */
    public static KnownAnswer noise(String name, String source, String protocolName, Map<String, String> keys,
                                    String handshakeHash, String... ciphertexts) {
        Map<String, String> fields = new LinkedHashMap<>(keys);
        fields.put("handshake_hash", handshakeHash);
        List<NoiseVector.Message> messages = new ArrayList<>();
        for (int i = 0; i < ciphertexts.length; i++) {
            messages.add(new NoiseVector.Message(Bytes.fromHex(CACOPHONY_PAYLOADS.get(i)),
                    Bytes.fromHex(ciphertexts[i])));
        }
        NoiseVector vector = new NoiseVector(protocolName, fields, messages);
        return new KnownAnswer(name, source, () -> NoiseVectorCheck.run(vector)
                .map(KatResult::fail)
                .orElseGet(() -> KatResult.pass(messages.size() + " messages and the handshake hash match")));
    }
}
