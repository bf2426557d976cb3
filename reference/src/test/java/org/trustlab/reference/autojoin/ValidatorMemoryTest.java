package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.TestNet.carrying;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;

/**
 * What the validator remembers of the challenges it issued: kept past expiry for a while so a late response is named
 * expired, then dropped; lost on a crash (volatile state).
 */
class ValidatorMemoryTest {
    private static final String AUTO = AutoJoinMessage.AUTO_JOIN;
    /** The validator's retention past a challenge's expiry (AutoJoinValidator.RETENTION). */
    private static final Duration RETENTION = Duration.ofMinutes(10);

    private static TestNet.Envelope heldResponse(World w, TestNet net) {
        w.autoJoin(PHONE, "S1", LAPTOP);
        return net.runUntil(carrying(AutoJoinChallengeResponse.class, LAPTOP));
    }

    private static byte[] nonce(TestNet.Envelope response) {
        return ((AutoJoinChallengeResponse) response.message()).challenge().nonce();
    }

    @Test
    void aLateResponseWithinTheRetentionIsNamedExpired() {
        World w = new World();
        TestNet net = w.build();
        TestNet.Envelope response = heldResponse(w, net);
        assertThat(w.laptop().remembers(nonce(response))).isTrue();
        net.advance(w.challengeTtl.plus(w.skewTolerance).plus(RETENTION).minusSeconds(1));
        net.deliver(response);
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_EXPIRED);
        assertThat(w.laptop().remembers(nonce(response))).isTrue();
    }

    @Test
    void aChallengePastTheRetentionIsForgottenAndItsResponseUnknown() {
        World w = new World();
        TestNet net = w.build();
        TestNet.Envelope response = heldResponse(w, net);
        net.advance(w.challengeTtl.plus(w.skewTolerance).plus(RETENTION).plusSeconds(1));
        net.deliver(response);
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
        assertThat(w.laptop().remembers(nonce(response))).isFalse();
    }

    @Test
    void aCrashForgetsEveryIssuedChallenge() {
        World w = new World();
        TestNet net = w.build();
        TestNet.Envelope response = heldResponse(w, net);
        net.crash(LAPTOP);
        assertThat(w.laptop().remembers(nonce(response))).isFalse();
        net.restart(LAPTOP);
        assertThat(w.laptop().epoch()).isEqualTo(1);
        net.deliver(response);
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
    }

    @Test
    void aMessageMeantForAJoinerIsIgnoredByTheValidator() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        AutoJoinChallenge challenge = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                .message();
        net.inject(SERVER, LAPTOP, challenge);
        net.run();
        assertThat(net.node(LAPTOP).audits("message-ignored")).singleElement()
                .matches(a -> a.fields().containsKey("message") && SERVER.equals(a.field("from")));
        assertThat(net.node(LAPTOP).outcomes).isEmpty();
    }

    @Test
    void theValidatorRunsOnTheConfigItWasGiven() {
        World w = new World();
        ValidatorConfig config = w.validator(LAPTOP, java.util.Map.of());
        assertThat(new AutoJoinValidator(config).config()).isSameAs(config);
    }
}
