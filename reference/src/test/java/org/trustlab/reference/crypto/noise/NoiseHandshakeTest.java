package org.trustlab.reference.crypto.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.Aead;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.X25519KeyPair;

/** The handshake API as the relay and pnet use it, and every refusal with its reason. */
class NoiseHandshakeTest {
    private static final byte[] NOTHING = new byte[0];

    private final DeterministicRandom random = new DeterministicRandom(7, "noise-test");
    private final X25519KeyPair client = X25519KeyPair.generate(random.split("client"));
    private final X25519KeyPair agent = X25519KeyPair.generate(random.split("agent"));
    private final X25519KeyPair squatter = X25519KeyPair.generate(random.split("squatter"));
    private final byte[] psk = random.split("psk").bytes(32);

    private HandshakeSettings kk(String who, X25519KeyPair self, X25519KeyPair peer) {
        return HandshakeSettings.of(EphemeralKeys.from(random.split(who))).localStatic(self)
                .remoteStatic(peer.publicKey());
    }

    private HandshakeSettings nnPsk0(String who, byte[] key) {
        return HandshakeSettings.of(EphemeralKeys.from(random.split(who))).psk(key);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the whole handshake, the initiator writing first, and returns both transports. */
    private static TransportSession[] complete(HandshakeState initiator, HandshakeState responder) {
        HandshakeState sender = initiator;
        HandshakeState receiver = responder;
        int index = 0;
        while (!initiator.isComplete() || !responder.isComplete()) {
            assertThat(sender.messageIndex()).isEqualTo(index).isEqualTo(receiver.messageIndex());
            byte[] payload = utf8("payload " + index++);
            assertThat(receiver.readMessage(sender.writeMessage(payload))).isEqualTo(payload);
            HandshakeState t = sender;
            sender = receiver;
            receiver = t;
        }
        assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
        byte[] h = initiator.handshakeHash();
        TransportSession[] t = {initiator.split(), responder.split()};
        assertThat(t[0].handshakeHash()).isEqualTo(h);
        assertThat(t[1].handshakeHash()).isEqualTo(h);
        return t;
    }

    @Test
    void kkWithBothKeysPinnedCarriesTransportBothWays() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertThat(c.protocol()).isEqualTo(NoiseProtocol.KK);
        assertThat(c.role()).isEqualTo(NoiseRole.INITIATOR);
        assertThat(a.role()).isEqualTo(NoiseRole.RESPONDER);
        TransportSession[] t = complete(c, a);
        byte[] kib = new byte[1024];
        Arrays.fill(kib, (byte) 0x5a);
        byte[] sealed = t[0].encrypt(kib);
        assertThat(sealed).hasSize(1024 + 16);
        assertThat(t[1].decrypt(sealed)).isEqualTo(kib);
        assertThat(t[0].decrypt(t[1].encrypt(utf8("pong")))).isEqualTo(utf8("pong"));
        assertThat(a.remoteStatic()).hasValueSatisfying(k -> assertThat(k).isEqualTo(client.publicKey()));
        assertThat(t[0].handshakeHash()).isEqualTo(t[1].handshakeHash());
    }

    @Test
    void emptyPayloadsAreCarriedAsBareTags() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        byte[] m1 = c.writeMessage(NOTHING);
        assertThat(m1).hasSize(32 + 16);
        assertThat(a.readMessage(m1)).isEmpty();
        assertThat(c.readMessage(a.writeMessage(NOTHING))).isEmpty();
        TransportSession[] t = {c.split(), a.split()};
        assertThat(t[1].decrypt(t[0].encrypt(NOTHING))).isEmpty();
    }

    @Test
    void transportLengthsUpToTheLimitPass() {
        TransportSession[] t = complete(HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent)),
                HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client)));
        byte[] largest = new byte[65535 - 16];
        byte[] sealed = t[0].encrypt(largest);
        assertThat(sealed).hasSize(65535);
        assertThat(t[1].decrypt(sealed)).isEqualTo(largest);
        // 65,535 bytes is a legal length: a forged one fails on its tag, not on its length
        assertReason(() -> t[1].decrypt(new byte[65535]), NoiseReason.DECRYPT_FAILED);
    }

    @Test
    void theNonceIsTheCounterLittleEndianAfterFourZeroBytes() {
        // Section 12.3, checked against the AEAD directly: a counter with every byte different catches a wrong
        // byte order or shift that two copies of the same CipherState would agree on.
        byte[] key = random.split("cipher-key").bytes(32);
        CipherState cipher = new CipherState(key);
        cipher.setNonce(0x0102030405060708L);
        byte[] nonce = Bytes.fromHex("000000000807060504030201");
        byte[] ad = utf8("ad");
        assertThat(cipher.encryptWithAd(ad, utf8("m")))
                .isEqualTo(Aead.CHACHA20_POLY1305.seal(key, nonce, ad, utf8("m")));
        assertThat(cipher.nonce()).isEqualTo(0x0102030405060709L);
    }

    @Test
    void patternsAreCheckedWhenBuilt() {
        MessagePattern first = new MessagePattern(NoiseRole.INITIATOR, List.of(Token.E));
        MessagePattern second = new MessagePattern(NoiseRole.RESPONDER, List.of(Token.E, Token.EE));
        assertThatThrownBy(() -> new HandshakePattern("none", List.of(), List.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HandshakePattern("turns", List.of(), List.of(),
                List.of(second, first))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HandshakePattern("NN", List.of(), List.of(), List.of(first, second)))
                .isEqualTo(NoiseProtocol.parse("Noise_NN_25519_ChaChaPoly_SHA256").pattern());
        assertThat(HandshakePatterns.fundamentalNames()).hasSize(15).startsWith("N", "K", "X", "NN");
    }

    @Test
    void theSameSeedsGiveTheSameBytes() {
        byte[] first = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent)).writeMessage(utf8("x"));
        byte[] again = HandshakeState.initiator(NoiseProtocol.KK,
                HandshakeSettings.of(EphemeralKeys.from(new DeterministicRandom(7, "noise-test").split("c")))
                        .localStatic(client).remoteStatic(agent.publicKey())).writeMessage(utf8("x"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aSquatterWithAnotherKeyCannotReadTheFirstKkMessage() {
        // The client pins the agent's key; a squatter answering with its own key cannot decrypt message 1.
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        HandshakeState s = HandshakeState.responder(NoiseProtocol.KK, kk("s", squatter, client));
        byte[] m1 = c.writeMessage(utf8("hello"));
        assertThatThrownBy(() -> s.readMessage(m1)).isInstanceOf(NoiseException.class)
                .extracting(ex -> ((NoiseException) ex).reason()).isEqualTo(NoiseReason.DECRYPT_FAILED);
    }

    @Test
    void aKkResponderRefusesAnInitiatorItDidNotPin() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("s", squatter, agent));
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertReason(() -> a.readMessage(c.writeMessage(utf8("hello"))), NoiseReason.DECRYPT_FAILED);
        // the specification aborts a handshake after a failed decryption: the state refuses every further step
        assertReason(() -> a.writeMessage(NOTHING), NoiseReason.HANDSHAKE_FAILED);
        assertReason(() -> a.readMessage(NOTHING), NoiseReason.HANDSHAKE_FAILED);
        assertReason(a::split, NoiseReason.HANDSHAKE_FAILED);
    }

    @Test
    void nnPsk0WithTheSameTokenKeyCompletesAndAWrongOneFailsAtTheFirstMessage() {
        TransportSession[] t = complete(HandshakeState.initiator(NoiseProtocol.NN_PSK0, nnPsk0("i", psk)),
                HandshakeState.responder(NoiseProtocol.NN_PSK0, nnPsk0("r", psk)));
        assertThat(t[1].decrypt(t[0].encrypt(utf8("PairClaim")))).isEqualTo(utf8("PairClaim"));

        byte[] wrong = psk.clone();
        wrong[31] ^= 1;
        HandshakeState i = HandshakeState.initiator(NoiseProtocol.NN_PSK0, nnPsk0("i", wrong));
        HandshakeState r = HandshakeState.responder(NoiseProtocol.NN_PSK0, nnPsk0("r", psk));
        assertReason(() -> r.readMessage(i.writeMessage(NOTHING)), NoiseReason.DECRYPT_FAILED);
    }

    @Test
    void xxLearnsTheStaticKeysInBandForTheCallerToPin() {
        X25519KeyPair peer = X25519KeyPair.generate(random.split("peer"));
        HandshakeState i = HandshakeState.initiator(NoiseProtocol.XX,
                HandshakeSettings.of(EphemeralKeys.from(random.split("i"))).localStatic(client));
        HandshakeState r = HandshakeState.responder(NoiseProtocol.XX,
                HandshakeSettings.of(EphemeralKeys.from(random.split("r"))).localStatic(peer));
        assertThat(i.remoteStatic()).isEmpty();
        complete(i, r);
        assertThat(i.remoteStatic()).hasValueSatisfying(k -> assertThat(k).isEqualTo(peer.publicKey()));
        assertThat(r.remoteStatic()).hasValueSatisfying(k -> assertThat(k).isEqualTo(client.publicKey()));
    }

    @Test
    void stepsOutOfTurnAreRefusedWithoutSpoilingTheHandshake() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertReason(() -> a.writeMessage(NOTHING), NoiseReason.OUT_OF_ORDER);
        assertReason(() -> c.readMessage(new byte[64]), NoiseReason.OUT_OF_ORDER);
        assertReason(c::split, NoiseReason.HANDSHAKE_INCOMPLETE);
        assertReason(c::handshakeHash, NoiseReason.HANDSHAKE_INCOMPLETE);
        assertThat(c.isMyTurn()).isTrue();
        assertThat(a.isMyTurn()).isFalse();
        complete(c, a);
        assertReason(() -> c.writeMessage(NOTHING), NoiseReason.HANDSHAKE_COMPLETE);
        assertReason(c::split, NoiseReason.HANDSHAKE_COMPLETE);
    }

    @Test
    void truncatedAndOversizedHandshakeMessagesAreRefused() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        byte[] m1 = c.writeMessage(NOTHING);
        assertThat(m1).hasSize(32 + 16);
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertReason(() -> a.readMessage(Arrays.copyOf(m1, 31)), NoiseReason.MESSAGE_TOO_SHORT);
        HandshakeState a2 = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertReason(() -> a2.readMessage(Arrays.copyOf(m1, 32 + 15)), NoiseReason.MESSAGE_TOO_SHORT);
        HandshakeState a3 = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        assertReason(() -> a3.readMessage(new byte[65536]), NoiseReason.MESSAGE_TOO_LONG);
        HandshakeState c2 = HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent));
        assertReason(() -> c2.writeMessage(new byte[65535 - 48 + 1]), NoiseReason.MESSAGE_TOO_LONG);
        XxTruncatedStatic.check(random);
    }

    /** An XX message 2 cut inside the encrypted static key: the "s" token, not the payload, reports it. */
    private static final class XxTruncatedStatic {
        static void check(DeterministicRandom random) {
            HandshakeState i = HandshakeState.initiator(NoiseProtocol.XX, HandshakeSettings
                    .of(EphemeralKeys.from(random.split("xi"))).localStatic(X25519KeyPair.generate(random)));
            HandshakeState r = HandshakeState.responder(NoiseProtocol.XX, HandshakeSettings
                    .of(EphemeralKeys.from(random.split("xr"))).localStatic(X25519KeyPair.generate(random)));
            r.readMessage(i.writeMessage(NOTHING));
            byte[] m2 = r.writeMessage(NOTHING);
            assertThatThrownBy(() -> i.readMessage(Arrays.copyOf(m2, 32 + 40)))
                    .hasMessageContaining("MESSAGE_TOO_SHORT").hasMessageContaining("token s");
        }
    }

    @Test
    void aSmallOrderEphemeralIsRefused() {
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client));
        // the all-zero point: X25519 with it gives the all-zero secret whatever the private key
        assertReason(() -> a.readMessage(new byte[32 + 16]), NoiseReason.BAD_PUBLIC_KEY);
    }

    @Test
    void missingSurplusAndMalformedKeysAreRefusedAtInitialize() {
        EphemeralKeys e = EphemeralKeys.from(random);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.KK, HandshakeSettings.of(e).localStatic(client)),
                NoiseReason.MISSING_KEY);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.KK,
                HandshakeSettings.of(e).remoteStatic(agent.publicKey())), NoiseReason.MISSING_KEY);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.XX,
                HandshakeSettings.of(e).localStatic(client).remoteStatic(agent.publicKey())),
                NoiseReason.KEY_NOT_IN_PATTERN);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.NN_PSK0,
                HandshakeSettings.of(e).localStatic(client).psk(psk)), NoiseReason.KEY_NOT_IN_PATTERN);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.NN_PSK0, HandshakeSettings.of(e)),
                NoiseReason.MISSING_KEY);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.NN_PSK0, HandshakeSettings.of(e).psk(psk).psk(psk)),
                NoiseReason.KEY_NOT_IN_PATTERN);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.NN_PSK0, HandshakeSettings.of(e).psk(new byte[31])),
                NoiseReason.BAD_KEY_LENGTH);
        assertReason(() -> HandshakeState.initiator(NoiseProtocol.KK,
                HandshakeSettings.of(e).localStatic(client).remoteStatic(new byte[31])), NoiseReason.BAD_KEY_LENGTH);
    }

    @Test
    void transportRefusesForgeriesAndReplaysAndAForgeryDoesNotMoveTheCounter() {
        TransportSession[] t = complete(HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent)),
                HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client)));
        byte[] first = t[0].encrypt(utf8("one"));
        byte[] forged = first.clone();
        forged[0] ^= 1;
        assertReason(() -> t[1].decrypt(forged), NoiseReason.DECRYPT_FAILED);
        assertReason(() -> t[1].decrypt(new byte[15]), NoiseReason.MESSAGE_TOO_SHORT);
        assertReason(() -> t[1].decrypt(new byte[65536]), NoiseReason.MESSAGE_TOO_LONG);
        assertReason(() -> t[0].encrypt(new byte[65535 - 16 + 1]), NoiseReason.MESSAGE_TOO_LONG);
        assertThat(t[1].receiving().nonce()).isZero();
        assertThat(t[1].decrypt(first)).isEqualTo(utf8("one"));
        assertReason(() -> t[1].decrypt(first), NoiseReason.DECRYPT_FAILED);
        // a message sent on one direction does not open on the other
        assertReason(() -> t[0].decrypt(t[0].encrypt(utf8("reflected"))), NoiseReason.DECRYPT_FAILED);
    }

    @Test
    void rekeyOnBothSidesKeepsTheStreamAndOnOneSideBreaksIt() {
        TransportSession[] t = complete(HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent)),
                HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client)));
        assertThat(t[1].decrypt(t[0].encrypt(utf8("before")))).isEqualTo(utf8("before"));
        t[0].rekeySend();
        t[1].rekeyReceive();
        // rekey keeps the counter (section 11.3): the stream goes on at nonce 1 under the new key
        assertThat(t[0].sending().nonce()).isEqualTo(1);
        assertThat(t[1].decrypt(t[0].encrypt(utf8("after")))).isEqualTo(utf8("after"));
        t[0].rekeySend();
        assertReason(() -> t[1].decrypt(t[0].encrypt(utf8("one-sided"))), NoiseReason.DECRYPT_FAILED);
        assertReason(() -> new CipherState().rekey(), NoiseReason.MISSING_KEY);
    }

    @Test
    void theReservedNonceIsNeverUsed() {
        TransportSession[] t = complete(HandshakeState.initiator(NoiseProtocol.KK, kk("c", client, agent)),
                HandshakeState.responder(NoiseProtocol.KK, kk("a", agent, client)));
        t[0].sending().setNonce(-2L);
        byte[] last = t[0].encrypt(utf8("last"));
        assertThat(last).isNotEmpty();
        assertReason(() -> t[0].encrypt(utf8("one more")), NoiseReason.NONCE_EXHAUSTED);
        t[1].receiving().setNonce(-1L);
        assertReason(() -> t[1].decrypt(last), NoiseReason.NONCE_EXHAUSTED);
    }

    @Test
    void aOneWayPatternHasNoReturnDirection() {
        NoiseProtocol n = NoiseProtocol.parse("Noise_N_25519_ChaChaPoly_SHA256");
        HandshakeState i = HandshakeState.initiator(n, HandshakeSettings.of(EphemeralKeys.from(random))
                .remoteStatic(agent.publicKey()));
        HandshakeState r = HandshakeState.responder(n, HandshakeSettings.of(EphemeralKeys.none()).localStatic(agent));
        TransportSession[] t = complete(i, r);
        assertThat(t[1].decrypt(t[0].encrypt(utf8("x")))).isEqualTo(utf8("x"));
        assertReason(() -> t[1].encrypt(utf8("back")), NoiseReason.NO_SUCH_DIRECTION);
        assertReason(() -> t[0].decrypt(new byte[16]), NoiseReason.NO_SUCH_DIRECTION);
        assertReason(t[1]::rekeySend, NoiseReason.NO_SUCH_DIRECTION);
        assertReason(t[0]::rekeyReceive, NoiseReason.NO_SUCH_DIRECTION);
    }

    @Test
    void protocolNamesOutsideTheImplementedSetAreRefused() {
        for (String name : new String[] {"Noise_KK_448_ChaChaPoly_SHA256", "Noise_KK_25519_AESGCM_SHA256",
                "Noise_KK_25519_ChaChaPoly_BLAKE2s", "Noise_NK1_25519_ChaChaPoly_SHA256",
                "Noise__25519_ChaChaPoly_SHA256", "Noise_25519_ChaChaPoly_SHA256",
                "Noise_NNpsk3_25519_ChaChaPoly_SHA256", "Noise_QQ_25519_ChaChaPoly_SHA256", "KK"}) {
            assertReason(() -> NoiseProtocol.parse(name), NoiseReason.UNSUPPORTED_PROTOCOL);
        }
        assertThat(NoiseProtocol.parse("Noise_XXpsk0+psk3_25519_ChaChaPoly_SHA256").pattern().messages().toString())
                .isEqualTo("[-> psk, e, <- e, ee, s, es, -> s, se, psk]");
        assertThat(NoiseProtocol.NN_PSK0.pattern().messages().toString()).isEqualTo("[-> psk, e, <- e, ee]");
    }

    @Test
    void fixedEphemeralsRunOutLoudly() {
        EphemeralKeys none = EphemeralKeys.none();
        assertThatThrownBy(none::next).isInstanceOf(IllegalStateException.class);
        HandshakeState i = HandshakeState.initiator(NoiseProtocol.NN_PSK0, HandshakeSettings.of(none).psk(psk));
        assertThatThrownBy(() -> i.writeMessage(NOTHING)).isInstanceOf(IllegalStateException.class);
        assertReason(() -> i.writeMessage(NOTHING), NoiseReason.HANDSHAKE_FAILED);
    }

    @Test
    void settingsNeverPrintKeys() {
        String shown = nnPsk0("x", psk).localStatic(client).toString();
        assertThat(shown).doesNotContain(Bytes.hex(psk).substring(0, 8))
                .contains("psks=1").contains("localStatic=true").contains("remoteStatic=false");
        assertThat(kk("x", client, agent).toString()).contains("remoteStatic=true").contains("psks=0");
    }

    private static void assertReason(Runnable step, NoiseReason reason) {
        assertThatThrownBy(step::run).isInstanceOf(NoiseException.class)
                .satisfies(ex -> assertThat(((NoiseException) ex).reason()).isEqualTo(reason));
    }
}
