package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertAccepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.TestNet.carrying;
import static org.trustlab.reference.autojoin.World.DESKTOP;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;
import static org.trustlab.reference.autojoin.World.TABLET;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The password-based join's rejection paths on the validator, and the session server's part in the join. */
class ManualJoinPathsTest {
    private static final String MANUAL = AutoJoinMessage.MANUAL_JOIN;

    private static void join(TestNet net, String device, String session) {
        net.act(device, "join", Map.of("session", session, "password", World.PASSWORD));
    }

    /** The phone's join request, as the phone would sign it, with the password text chosen by the test. */
    private static AskJoinCloudSessionParameters askJoin(World w, String session, String passwordText) {
        byte[] encrypted = w.profile.encrypt(w.id(LAPTOP).publicKey(), passwordText.getBytes(StandardCharsets.UTF_8),
                new DeterministicRandom(5, "test-encrypt")).orElseThrow();
        byte[] signature = AutoJoinTestSupport.sign(w.profile, PHONE, 0, Transcripts.digitalSignature(session,
                w.id(PHONE).clientId(), w.id(PHONE).publicKey(), w.id(LAPTOP).clientId(), encrypted, new byte[0]));
        return new AskJoinCloudSessionParameters(session, PHONE, LAPTOP, encrypted, signature);
    }

    private static CloudSessionServer server(TestNet net) {
        return (CloudSessionServer) net.node(SERVER).role;
    }

    @Test
    void aJoinRequestForAnotherValidatorIsTheWrongTarget() {
        World w = new World();
        TestNet net = w.build();
        net.inject(SERVER, LAPTOP, new AskJoinCloudSessionParameters("S1", PHONE, DESKTOP, new byte[1], new byte[1]));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_TARGET);
    }

    @Test
    void aJoinRequestOrExchangeKeyRequestForASessionTheValidatorIsNotInIsTheWrongSession() {
        World w = new World();
        TestNet net = w.build();
        net.inject(SERVER, LAPTOP, new AskJoinCloudSessionParameters("S9", PHONE, LAPTOP, new byte[1], new byte[1]));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_SESSION);
        net.inject(SERVER, LAPTOP, new AskPasswordExchangeKey("S9", PHONE, w.id(PHONE).publicKeyInfo()));
        net.run();
        assertThat(net.node(LAPTOP).outcomes(MANUAL)).hasSize(2);
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_SESSION);
        assertThat(net.node(LAPTOP).audits("password-exchange-key-given")).isEmpty();
    }

    @Test
    void aJoinRequestWithoutTheExchangeKeyStepIsNotMutuallyTrusted() {
        World w = new World();
        TestNet net = w.build();
        net.inject(SERVER, LAPTOP, askJoin(w, "S1", "S1___" + PHONE + "___" + World.PASSWORD));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
    }

    @Test
    void aPasswordBoundToAnotherSessionOrJoinerIsTheWrongPasswordEvenWhenThePasswordItselfIsRight() {
        for (String bound : List.of("S2___" + PHONE + "___" + World.PASSWORD,
                "S1___" + TABLET + "___" + World.PASSWORD)) {
            World w = new World();
            w.phoneGrant = false;
            TestNet net = w.build();
            join(net, PHONE, "S1");
            net.runUntil(carrying(AskJoinCloudSessionParameters.class, LAPTOP));
            net.inject(SERVER, LAPTOP, askJoin(w, "S1", bound));
            net.run();
            assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_PASSWORD);
            assertThat(net.node(LAPTOP).audits("grant-created")).as(bound).isEmpty();
        }
    }

    @Test
    void bytesyncIgnoresLetterCaseButStillRefusesAnotherPassword() {
        World w = new World();
        w.profile = CryptoProfile.BYTESYNC;
        w.phoneGrant = false;
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", "Wrong-Horse"));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_PASSWORD);
    }

    @Test
    void anExactPasswordIsNotFlaggedAsComparedIgnoringCase() {
        // The exact comparison (hardened) shares ed25519's code path; bytesync is the one that compares ignoring case.
        for (CryptoProfile profile : List.of(CryptoProfile.ED25519, CryptoProfile.BYTESYNC)) {
            World w = new World();
            w.profile = profile;
            w.phoneGrant = false;
            TestNet net = w.build();
            join(net, PHONE, "S1");
            net.run();
            assertAccepted(net.node(LAPTOP), MANUAL);
            assertThat(net.node(LAPTOP).audits("password-compared-case-insensitively")).as(profile.profileName())
                    .isEmpty();
        }
    }

    @Test
    void twoDevicesJoiningTheSameSessionAtOnceBothGetIn() {
        World w = new World();
        TestNet net = w.build();
        join(net, PHONE, "S1");
        join(net, TABLET, "S1");
        net.run();

        assertThat(AutoJoinTestSupport.accepted(net.node(LAPTOP), MANUAL)).isEqualTo(2);
        assertAccepted(net.node(PHONE), MANUAL);
        assertAccepted(net.node(TABLET), MANUAL);
        assertThat(net.node(LAPTOP).audits("grant-created")).hasSize(2);
        assertThat(net.node(SERVER).audits("session-member-added")).hasSize(2);
        assertThat(server(net).isMember("S1", PHONE)).isTrue();
        assertThat(server(net).isMember("S1", TABLET)).isTrue();
    }

    @Test
    void aValidatorCrashLosesTheJoinInProgress() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, PHONE, "S1");
        TestNet.Envelope ask = net.runUntil(carrying(AskJoinCloudSessionParameters.class, LAPTOP));
        net.crash(LAPTOP);
        net.restart(LAPTOP);
        net.deliver(ask);
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        assertThat(net.node(LAPTOP).audits("grant-created")).isEmpty();
    }

    @Test
    void aValidatorCrashBeforeTheKeyConfirmationCreatesNoGrant() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, PHONE, "S1");
        TestNet.Envelope confirmation = net.runUntil(carrying(FinalizeJoinCloudSessionParameters.class, LAPTOP));
        net.crash(LAPTOP);
        net.restart(LAPTOP);
        net.deliver(confirmation);
        assertThat(net.node(LAPTOP).audits("session-key-confirmation-failed")).singleElement()
                .matches(a -> AutoJoinReason.KEY_CONFIRMATION_FAILED.code().equals(a.reason()));
        assertThat(net.node(LAPTOP).audits("grant-created")).isEmpty();
    }

    @Test
    void theServerRefusesAJoinToASessionWithNoOtherMember() {
        World w = new World();
        TestNet net = w.build();
        join(net, PHONE, "S9");
        net.run();
        assertThat(net.node(SERVER).audits("relay-refused")).singleElement()
                .matches(a -> AutoJoinReason.WRONG_SESSION.code().equals(a.reason()));
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.WRONG_SESSION);
    }

    @Test
    void theServerNeverAsksTheJoinerToValidateItself() {
        World w = new World();
        TestNet net = w.build();
        net.add(SERVER, new CloudSessionServer(SERVER, Map.of("S1", List.of(PHONE, LAPTOP))));
        join(net, PHONE, "S1");
        net.run();
        assertThat(net.delivered).filteredOn(e -> e.message() instanceof AskPasswordExchangeKey)
                .extracting(TestNet.Envelope::to).containsExactly(SERVER, LAPTOP);
        assertAccepted(net.node(PHONE), MANUAL);
    }

    @Test
    void theServerAddsAMemberOnlyWithTheFinalizationPasswordItHandedOut() {
        World w = new World();
        TestNet net = w.build();
        assertThat(server(net).isMember("S1", LAPTOP)).isTrue();
        assertThat(server(net).isMember("S2", DESKTOP)).isFalse();
        assertThat(server(net).isMember("S9", LAPTOP)).isFalse();

        join(net, PHONE, "S1");
        FinalizeJoinCloudSessionParameters genuine = (FinalizeJoinCloudSessionParameters) net
                .runUntil(carrying(FinalizeJoinCloudSessionParameters.class, SERVER)).message();
        net.inject(PHONE, SERVER, new FinalizeJoinCloudSessionParameters(genuine.sessionId(),
                genuine.joinerInstanceId(), genuine.validatorInstanceId(), genuine.flow(), "00".repeat(16),
                genuine.keyConfirmation()));
        net.run();
        assertThat(net.node(SERVER).audits("finalization-refused")).singleElement()
                .matches(a -> AutoJoinReason.WRONG_PASSWORD.code().equals(a.reason()));
        assertThat(server(net).isMember("S1", PHONE)).isFalse();
        assertThat(net.node(LAPTOP).audits("session-key-confirmed")).isEmpty();

        net.inject(PHONE, SERVER, genuine);
        net.run();
        assertThat(server(net).isMember("S1", PHONE)).isTrue();
        assertThat(net.node(LAPTOP).audits("session-key-confirmed")).hasSize(1);
    }

    @Test
    void bytesTheServerCannotDecodeAreMalformed() {
        World w = new World();
        TestNet net = w.build();
        net.inflight.add(new TestNet.Envelope(PHONE, SERVER, new byte[] {1, 2, 3}));
        net.run();
        assertThat(net.node(SERVER).audits("message-rejected")).singleElement()
                .matches(a -> AutoJoinReason.MALFORMED.code().equals(a.reason()));
    }

    @Test
    void aTrustedJoinerKeyThatCannotBeEncryptedToGetsNoSessionKey() {
        // A trusted entry whose X25519 half is the all-zero point: its Ed25519 half still verifies the joiner's
        // signature, but no session key can be sealed to it.
        World w = new World();
        ClientId phone = w.id(PHONE).clientId();
        byte[] degenerate = java.util.Arrays.copyOf(w.id(PHONE).publicKey(), 64);
        java.util.Arrays.fill(degenerate, 32, 64, (byte) 0);
        ValidatorConfig config = w.validator(LAPTOP, Map.of("S1", new ValidatorConfig.SessionSecret(World.PASSWORD,
                java.util.Optional.empty()))).withTrust(List.of(TrustedPublicKey.of(phone, degenerate, "safety",
                        TestNet.T0.minusSeconds(60))), List.of());
        TestNet net = new TestNet();
        net.add(LAPTOP, new AutoJoinValidator(config));
        net.inject(PHONE, LAPTOP, new AskPasswordExchangeKey("S1", PHONE, new PublicKeyInfo(phone, degenerate)));
        net.run();
        assertThat(net.node(LAPTOP).audits("password-exchange-key-given")).hasSize(1);

        byte[] encrypted = w.profile.encrypt(w.id(LAPTOP).publicKey(),
                ("S1___" + PHONE + "___" + World.PASSWORD).getBytes(StandardCharsets.UTF_8),
                new DeterministicRandom(5, "test-encrypt")).orElseThrow();
        byte[] signature = AutoJoinTestSupport.sign(w.profile, PHONE, 0, Transcripts.digitalSignature("S1", phone,
                degenerate, w.id(LAPTOP).clientId(), encrypted, new byte[0]));
        net.inject(PHONE, LAPTOP, new AskJoinCloudSessionParameters("S1", PHONE, LAPTOP, encrypted, signature));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.MALFORMED);
        assertThat(net.node(LAPTOP).lastOutcome(MANUAL).fields()).containsEntry("detail",
                "recipient key cannot encrypt");
        assertThat(net.node(LAPTOP).audits("session-key-delivered")).isEmpty();
    }
}
