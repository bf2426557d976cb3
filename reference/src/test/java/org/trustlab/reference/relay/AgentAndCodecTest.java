package org.trustlab.reference.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.core.WireCodec;

/** The agent's side, the wire encoding and the owner-id spelling. */
class AgentAndCodecTest {
    private final RelayHarness env = new RelayHarness(RelayHarness.config(RelayMode.TOFU));
    private final SlotId slot = new SlotId(RelayHarness.ALICE_ID, "m1");
    private final Agent agent = new Agent(new Agent.Identity(DeviceId.of("relay"), slot, RelayHarness.secret("a1"),
            new byte[0], Duration.ofSeconds(10), java.util.Map.of()));

    @Test
    void anUnansweredRegistrationEndsWithNoAnswer() {
        Outputs<RelayMessage> sent = agent.onUserAction(UserAction.of(Agent.ACTION_REGISTER), env);
        assertThat(sent.sends()).hasSize(1);
        Outputs<RelayMessage> out = agent.onTimer(Agent.ANSWER, env);
        assertThat(out.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("NO_ANSWER"));
    }

    @Test
    void aDisplacementIsReportedWithItsReason() {
        Outputs<RelayMessage> out = agent.onMessage(DeviceId.of("relay"), new RelayMessage.Displaced(
                slot.ownerId(), slot.machineId()), env);
        assertThat(out.audit()).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("DISPLACED"));
    }

    @Test
    void answersFromAnyoneButTheRelayAreIgnored() {
        agent.onUserAction(UserAction.of(Agent.ACTION_REGISTER), env);
        Outputs<RelayMessage> out = agent.onMessage(DeviceId.of("attacker"), new RelayMessage.Registered(
                slot.ownerId(), slot.machineId()), env);
        assertThat(out.outcomes()).isEmpty();
        assertThat(agent.onRestart(env).sends()).hasSize(1);
    }

    @Test
    void everyMessageRoundTripsAndGarbageIsMalformed() {
        RelayCodec codec = new RelayCodec();
        for (RelayMessage m : new RelayMessage[] {RelayHarness.authorized("m1", "s"),
                new RelayMessage.Registered("o", "m"), new RelayMessage.Refused("o", "m", "SLOT_GONE"),
                new RelayMessage.Displaced("o", "m")}) {
            WireCodec.Decoded<RelayMessage> d = codec.decode(codec.encode(m));
            assertThat(d).isInstanceOf(WireCodec.Decoded.Ok.class);
            assertThat(codec.encode(((WireCodec.Decoded.Ok<RelayMessage>) d).message())).isEqualTo(codec.encode(m));
        }
        assertThat(codec.decode(new byte[] {0, 1, 2})).isInstanceOf(WireCodec.Decoded.Malformed.class);
    }

    @Test
    void base58RoundTripsKeysAndRefusesOtherText() {
        byte[] key = RelayHarness.ALICE.publicKey();
        assertThat(Base58.decode(Base58.encode(key))).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
        assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Base58.decode("build-farm")).isEmpty();
        assertThat(new SlotId("build-farm", "m1").ownerKey()).isEmpty();
        assertThat(slot.ownerKey()).isPresent();
    }
}
