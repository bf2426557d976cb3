package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertAccepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.core.AuditEvent;

/** The password-based join: where trust is checked both ways and grants come from. */
class ManualJoinTest {
    private static final String MANUAL = AutoJoinMessage.MANUAL_JOIN;

    private static void join(TestNet net, String password) {
        net.act(PHONE, "join", Map.of("session", "S1", "password", password));
        net.run();
    }

    @Test
    void manualJoinBetweenMutuallyTrustedDevicesCreatesTheGrantThatAutoJoinThenUses() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, World.PASSWORD);

        assertAccepted(net.node(LAPTOP), MANUAL);
        assertAccepted(net.node(PHONE), MANUAL);
        AuditEvent created = net.node(LAPTOP).audits("grant-created").get(0);
        assertThat(created.fields()).containsEntry("grant-trusted-client", w.id(PHONE).clientId().value())
                .containsEntry("grant-key-fingerprint", w.id(PHONE).fingerprint())
                .containsEntry("grant-scope", "AutoJoin")
                .containsEntry("grant-revoked", "false");
        assertThat(w.laptop().grants().forClient(w.id(PHONE).clientId())).isPresent();

        w.autoJoin(PHONE, "S2", LAPTOP);
        net.run();
        assertAccepted(net.node(LAPTOP), AutoJoinMessage.AUTO_JOIN);
    }

    @Test
    void wrongPasswordIsRejectedAndCreatesNoGrant() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, "Wrong-Horse");
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_PASSWORD);
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.WRONG_PASSWORD);
        assertThat(net.node(LAPTOP).audits("grant-created")).isEmpty();
    }

    @Test
    void hardenedComparesThePasswordExactly() {
        World w = new World();
        w.profile = CryptoProfile.HARDENED;
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, World.PASSWORD.toLowerCase(java.util.Locale.ROOT));
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.WRONG_PASSWORD);
        assertThat(net.node(LAPTOP).audits("password-compared-case-insensitively")).isEmpty();
    }

    @Test
    void bytesyncAcceptsThePasswordInAnyCaseAndTheAuditFlagsIt() {
        World w = new World();
        w.profile = CryptoProfile.BYTESYNC;
        w.phoneGrant = false;
        TestNet net = w.build();
        join(net, World.PASSWORD.toUpperCase(java.util.Locale.ROOT));
        assertAccepted(net.node(LAPTOP), MANUAL);
        assertThat(net.node(LAPTOP).audits("password-compared-case-insensitively")).hasSize(1);
        assertThat(net.node(LAPTOP).audits("grant-created")).hasSize(1);

        w.autoJoin(PHONE, "S2", LAPTOP);
        net.run();
        assertAccepted(net.node(LAPTOP), AutoJoinMessage.AUTO_JOIN);
    }

    @Test
    void untrustedJoinerGetsNoExchangeKey() {
        World w = new World();
        w.laptopTrustsPhone = false;
        TestNet net = w.build();
        join(net, World.PASSWORD);
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        assertThat(net.node(LAPTOP).audits("password-exchange-key-given")).isEmpty();
    }

    @Test
    void untrustedValidatorNeverSeesThePassword() {
        World w = new World();
        w.phoneTrustsLaptop = false;
        TestNet net = w.build();
        join(net, World.PASSWORD);
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        assertThat(net.delivered).noneMatch(e -> e.message() instanceof AskJoinCloudSessionParameters);
    }

    @Test
    void passwordThatDoesNotDecryptIsMalformed() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        AskJoinCloudSessionParameters ask = (AskJoinCloudSessionParameters) net
                .runUntil(TestNet.carrying(AskJoinCloudSessionParameters.class, LAPTOP)).message();
        byte[] garbage = ask.encryptedPassword();
        garbage[garbage.length - 1] ^= 1;
        // Re-sign so only the decryption fails (phone's own key: the test plays a buggy phone).
        byte[] sig = AutoJoinTestSupport.sign(w.profile, PHONE, 0, Transcripts.digitalSignature("S1",
                w.id(PHONE).clientId(), w.id(PHONE).publicKey(), w.id(LAPTOP).clientId(), garbage, new byte[0]));
        net.inject(SERVER, LAPTOP, new AskJoinCloudSessionParameters("S1", PHONE, LAPTOP, garbage, sig));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.MALFORMED);
    }

    @Test
    void joinerSignatureMustVerify() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        AskJoinCloudSessionParameters ask = (AskJoinCloudSessionParameters) net
                .runUntil(TestNet.carrying(AskJoinCloudSessionParameters.class, LAPTOP)).message();
        byte[] sig = ask.joinerSignature();
        sig[1] ^= 1;
        net.inject(SERVER, LAPTOP, new AskJoinCloudSessionParameters("S1", PHONE, LAPTOP, ask.encryptedPassword(),
                sig));
        net.run();
        assertRejected(net.node(LAPTOP), MANUAL, AutoJoinReason.SIGNATURE_INVALID);
    }
}
