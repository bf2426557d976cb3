package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withSession;
import static org.trustlab.reference.autojoin.TestNet.carrying;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;

/** What the requester keeps while a join is open, and when it lets go: once a join is decided, it stays decided. */
class RequesterStateTest {
    private static final String AUTO = AutoJoinMessage.AUTO_JOIN;
    private static final String MANUAL = AutoJoinMessage.MANUAL_JOIN;

    private static long decided(TestNet.Node node, String kind) {
        return node.outcomes(kind).size();
    }

    /** Delivers one message twice: the join it ends is decided once, and the copy is ignored. */
    private static void assertDecidedOnce(TestNet net, TestNet.Envelope message, String kind) {
        net.deliver(message);
        net.deliver(message);
        assertThat(decided(net.node(PHONE), kind)).isEqualTo(1);
        assertThat(net.node(PHONE).audits("message-ignored")).hasSize(1);
    }

    @Test
    void aRejectionDeliveredTwiceEndsTheManualJoinOnce() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S9", "password", World.PASSWORD));
        assertDecidedOnce(net, net.runUntil(carrying(AutoJoinRejected.class, PHONE)), MANUAL);
    }

    @Test
    void aRejectionDeliveredTwiceEndsTheAutomaticJoinOnce() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S9", LAPTOP);
        assertDecidedOnce(net, net.runUntil(carrying(AutoJoinRejected.class, PHONE)), AUTO);
        assertRejected(net.node(PHONE), AUTO, AutoJoinReason.WRONG_SESSION);
    }

    @Test
    void aSessionKeyDeliveredTwiceIsTakenOnce() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        assertDecidedOnce(net, net.runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE)), AUTO);
        assertThat(AutoJoinTestSupport.accepted(net.node(PHONE), AUTO)).isEqualTo(1);
    }

    @Test
    void aSessionKeyTheValidatorSignedButThatDoesNotDecryptEndsTheJoin() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        ValidateJoinCloudSessionParameters genuine = (ValidateJoinCloudSessionParameters) net
                .runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE)).message();
        byte[] garbage = new byte[80];
        byte[] signature = AutoJoinTestSupport.sign(w.profile, LAPTOP, 0, Transcripts.digitalSignature("S1",
                w.id(LAPTOP).clientId(), w.id(LAPTOP).publicKey(), w.id(PHONE).clientId(), garbage, new byte[0]));
        ValidateJoinCloudSessionParameters bad = new ValidateJoinCloudSessionParameters("S1", PHONE, LAPTOP, MANUAL,
                garbage, new byte[0], signature, genuine.finalizationPassword());
        net.inject(SERVER, PHONE, bad);
        net.run();
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.MALFORMED);
        net.inject(SERVER, PHONE, bad);
        net.run();
        assertThat(decided(net.node(PHONE), MANUAL)).isEqualTo(1);
        assertThat(w.phone().sessionKey("S1")).isEmpty();
    }

    @Test
    void anExchangeKeyNobodyAskedForIsIgnoredAndASecondOneToo() {
        World w = new World();
        TestNet net = w.build();
        GiveCloudSessionPasswordExchangeKeyParameters give = new GiveCloudSessionPasswordExchangeKeyParameters("S1",
                PHONE, LAPTOP, w.id(LAPTOP).publicKeyInfo());
        net.inject(SERVER, PHONE, give);
        net.run();
        assertThat(net.node(PHONE).audits("message-ignored")).hasSize(1);
        assertThat(net.inflight).isEmpty();

        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        net.runUntil(carrying(GiveCloudSessionPasswordExchangeKeyParameters.class, PHONE));
        net.deliver(new TestNet.Envelope(SERVER, PHONE, net.codec.encode(give)));
        net.deliver(new TestNet.Envelope(SERVER, PHONE, net.codec.encode(give)));
        assertThat(net.node(PHONE).audits("message-ignored")).hasSize(2);
        assertThat(net.inflight).filteredOn(e -> e.message() instanceof AutoJoinMessage.AskJoinCloudSessionParameters)
                .hasSize(1);
    }

    @Test
    void aTrustedValidatorKeyThatCannotBeEncryptedToEndsTheManualJoin() {
        World w = new World();
        ClientId laptop = w.id(LAPTOP).clientId();
        byte[] unusable = new byte[10];
        TestNet net = new TestNet();
        net.add(PHONE, new AutoJoinRequester(w.requester(PHONE).withTrust(
                List.of(TrustedPublicKey.of(laptop, unusable, "safety", TestNet.T0)), w.directory())));
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        net.inflight.clear();
        GiveCloudSessionPasswordExchangeKeyParameters give = new GiveCloudSessionPasswordExchangeKeyParameters("S1",
                PHONE, LAPTOP, new PublicKeyInfo(laptop, unusable));
        net.inject(SERVER, PHONE, give);
        net.run();
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.MALFORMED);
        assertThat(net.inflight).isEmpty();
        net.inject(SERVER, PHONE, give);
        net.run();
        assertThat(decided(net.node(PHONE), MANUAL)).isEqualTo(1);
    }

    @Test
    void aRequesterCrashForgetsItsOpenJoins() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        TestNet.Envelope give = net.runUntil(carrying(GiveCloudSessionPasswordExchangeKeyParameters.class, PHONE));
        w.autoJoin(PHONE, "S2", LAPTOP);
        TestNet.Envelope challenge = net.runUntil(carrying(AutoJoinChallenge.class, PHONE));
        net.crash(PHONE);
        net.deliver(give);
        net.deliver(challenge);
        assertThat(net.node(PHONE).audits("message-ignored")).hasSize(1);
        assertRejected(net.node(PHONE), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
        assertThat(net.node(PHONE).audits("challenge-signed")).isEmpty();
        assertThat(net.inflight).isEmpty();
    }

    @Test
    void aChallengeWithNoJoinOpenIsUnknownAndOneForAnotherSessionIsTheWrongSession() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                .message();
        net.inject(SERVER, PHONE, new AutoJoinChallenge(PHONE, LAPTOP, withSession(real.challenge(), "S2")));
        net.run();
        assertRejected(net.node(PHONE), AUTO, AutoJoinReason.WRONG_SESSION);

        World fresh = new World();
        TestNet quiet = fresh.build();
        quiet.inject(SERVER, PHONE, real);
        quiet.run();
        assertRejected(quiet.node(PHONE), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
    }

    @Test
    void aSecondChallengeForASignedJoinIsUnknownAndNotSigned() {
        World w = new World();
        w.profile = CryptoProfile.BYTESYNC;
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        TestNet.Envelope challenge = net.runUntil(carrying(AutoJoinChallenge.class, PHONE));
        net.deliver(challenge);
        net.inflight.clear();
        net.deliver(challenge);
        assertRejected(net.node(PHONE), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
        assertThat(net.node(PHONE).audits("challenge-signed")).hasSize(1);
        assertThat(net.inflight).isEmpty();
    }

    /** ed25519 and hardened: a replayed challenge is not signed and does not end the join it names either. */
    @Test
    void aSecondChallengeForASignedJoinIsIgnoredAndTheJoinStaysOpen() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        TestNet.Envelope challenge = net.runUntil(carrying(AutoJoinChallenge.class, PHONE));
        net.deliver(challenge);
        net.inflight.clear();
        net.deliver(challenge);
        assertThat(net.node(PHONE).audits("auto-join-message-ignored")).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo(AutoJoinReason.CHALLENGE_UNKNOWN.code()));
        assertThat(net.node(PHONE).audits("challenge-signed")).hasSize(1);
        assertThat(net.node(PHONE).outcomes(AUTO)).isEmpty();
        assertThat(net.inflight).isEmpty();
    }

    @Test
    void theSignsAnyChallengeMutantSignsAChallengeNobodyAskedFor() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                .message();
        World m = new World();
        m.mutants = EnumSet.of(AutoJoinMutant.REQUESTER_SIGNS_ANY_CHALLENGE);
        TestNet mutated = m.build();
        mutated.inject(SERVER, PHONE, real);
        mutated.run();
        assertThat(mutated.node(PHONE).audits("challenge-signed")).hasSize(1);
        assertThat(mutated.delivered).filteredOn(e -> e.message() instanceof AutoJoinChallengeResponse).hasSize(2);
    }

    @Test
    void aMessageMeantForAValidatorIsIgnoredByTheRequester() {
        World w = new World();
        TestNet net = w.build();
        net.inject(SERVER, PHONE, new AskAutoJoin("S1", PHONE, LAPTOP, w.id(PHONE).publicKeyInfo(),
                Purpose.AUTO_JOIN));
        net.run();
        assertThat(net.node(PHONE).audits("message-ignored")).singleElement()
                .matches(a -> a.fields().containsKey("message"));
        assertThat(net.node(PHONE).outcomes).isEmpty();
    }

    @Test
    void theSessionKeyDeliveryNamesTheChallengeNonceOnlyForAnAutomaticJoin() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        String nonce = net.node(LAPTOP).audits("challenge-issued").get(0).field("nonce");
        assertThat(nonce).isNotEmpty();
        assertThat(net.node(LAPTOP).audits("session-key-delivered").get(0).fields()).containsEntry("nonce", nonce);
        assertThat(net.node(PHONE).audits("session-key-received").get(0).fields()).containsEntry("nonce", nonce);

        World m = new World();
        m.phoneGrant = false;
        TestNet manual = m.build();
        manual.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        manual.run();
        assertThat(manual.node(LAPTOP).audits("session-key-delivered").get(0).fields()).doesNotContainKey("nonce");
        assertThat(manual.node(PHONE).audits("session-key-received").get(0).fields()).doesNotContainKey("nonce");
    }

    @Test
    void timersNobodySetChangeNothing() {
        World w = new World();
        TestNet net = w.build();
        for (String device : List.of(PHONE, LAPTOP, SERVER)) {
            TestNet.Node n = net.node(device);
            assertThat(n.role.onTimer(new org.trustlab.reference.core.TimerId("stray"), n))
                    .isEqualTo(org.trustlab.reference.core.Outputs.none());
        }
        // The roles' state is untouched: a join still runs end to end.
        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        AutoJoinTestSupport.assertAccepted(net.node(PHONE), AUTO);
    }
}
