package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertAccepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.TestNet.carrying;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;

/**
 * Forged, unsigned or replayed messages on the paths the scenario replays do not take: what each profile does with
 * them, and that the mutants meant to accept them do accept them (else a campaign could not tell them apart).
 */
class ForgedMessagesTest {
    private static final String AUTO = AutoJoinMessage.AUTO_JOIN;
    private static final String MANUAL = AutoJoinMessage.MANUAL_JOIN;

    /** The manual join's session key carries no challenge to keep the join open for: a bad signature ends it. */
    @Test
    void aSessionKeyWithAForgedSignatureEndsTheManualJoinAndTheGenuineOneComesTooLate() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        TestNet.Envelope genuine = net.runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE));
        ValidateJoinCloudSessionParameters g = (ValidateJoinCloudSessionParameters) genuine.message();
        byte[] forged = AutoJoinTestSupport.sign(w.profile, PHONE, 0, Transcripts.digitalSignature("S1",
                w.id(LAPTOP).clientId(), w.id(LAPTOP).publicKey(), w.id(PHONE).clientId(), g.encryptedAesKey(),
                g.challengeNonce()));
        net.inject(SERVER, PHONE, new ValidateJoinCloudSessionParameters("S1", g.joinerInstanceId(),
                g.validatorInstanceId(), MANUAL, g.encryptedAesKey(), g.challengeNonce(), forged,
                g.finalizationPassword()));
        net.run();
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.SIGNATURE_INVALID);
        net.deliver(genuine);
        assertThat(net.node(PHONE).outcomes(MANUAL)).hasSize(1);
        assertThat(w.phone().sessionKey("S1")).isEmpty();
    }

    /** An exchange key in a trusted member's name but not its key is anyone's forgery: ignored, the join stays open. */
    @Test
    void anExchangeKeyOfferedInATrustedMembersNameWithAnotherKeyIsIgnoredAndTheMembersOwnStillCompletes() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        TestNet.Envelope genuine = net.runUntil(carrying(GiveCloudSessionPasswordExchangeKeyParameters.class,
                PHONE));
        GiveCloudSessionPasswordExchangeKeyParameters g = (GiveCloudSessionPasswordExchangeKeyParameters) genuine
                .message();
        PublicKeyInfo impostor = new PublicKeyInfo(w.id(LAPTOP).clientId(), w.id(SERVER).publicKey());
        net.inject(SERVER, PHONE, new GiveCloudSessionPasswordExchangeKeyParameters("S1", g.joinerInstanceId(),
                g.validatorInstanceId(), impostor));
        net.run();
        assertThat(net.node(PHONE).audits("manual-join-message-ignored")).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo(AutoJoinReason.NOT_MUTUALLY_TRUSTED.code()));
        assertThat(net.node(PHONE).outcomes(MANUAL)).isEmpty();
        net.deliver(genuine);
        net.run();
        assertAccepted(net.node(PHONE), MANUAL);
    }

    @Test
    void anUnsignedRejectionIsIgnoredUnlessTheRequesterTrustsUnsignedRejections() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        AutoJoinRejected unsigned = new AutoJoinRejected("S1", PHONE, LAPTOP, AUTO,
                AutoJoinReason.NOT_MUTUALLY_TRUSTED.code());
        net.inflight.clear();
        net.inject(SERVER, PHONE, unsigned);
        net.run();
        assertThat(net.node(PHONE).outcomes(AUTO)).isEmpty();

        World m = new World();
        m.mutants = EnumSet.of(AutoJoinMutant.REQUESTER_TRUSTS_UNSIGNED_REJECTION);
        TestNet mutated = m.build();
        m.autoJoin(PHONE, "S1", LAPTOP);
        mutated.inflight.clear();
        mutated.inject(SERVER, PHONE, unsigned);
        mutated.run();
        assertRejected(mutated.node(PHONE), AUTO, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
    }

    @Test
    void theBurnsChallengeBeforeCheckingMutantRefusesAReplayedResponseAsReplayed() {
        World m = new World();
        m.mutants = EnumSet.of(AutoJoinMutant.BURNS_CHALLENGE_BEFORE_CHECKING);
        TestNet net = m.build();
        m.autoJoin(PHONE, "S1", LAPTOP);
        TestNet.Envelope response = net.runUntil(carrying(AutoJoinChallengeResponse.class, LAPTOP));
        net.deliver(response);
        net.deliver(response);
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_REPLAYED);
        assertThat(net.node(LAPTOP).audits(AUTO + "-rejected")).singleElement();
    }
}
