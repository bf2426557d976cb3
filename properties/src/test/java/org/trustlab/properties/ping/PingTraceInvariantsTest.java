package org.trustlab.properties.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.properties.invariant.Violation;

/**
 * ping.pong-answers-ping on hand-built traces: it holds on one pong per ping, fires on a pong for a nonce the node
 * never sent (another node's ping included) and on a second accepted pong; refused pongs never count. No exemptions.
 */
class PingTraceInvariantsTest {
    private final Invariant invariant = new PingInvariants.PongAnswersPing();

    private static SyntheticTrace ping(SyntheticTrace b, String node, String nonce) {
        return b.audit(node, "ping-sent", "nonce", nonce, "seq", "0");
    }

    private static SyntheticTrace pong(SyntheticTrace b, String node, String nonce, String result) {
        return b.outcome(node, "pong-received", "result", result, "nonce", nonce, "seq", "0");
    }

    private List<Violation> check(SyntheticTrace b) {
        return invariant.check(b.build());
    }

    @Test
    void holdsOnOnePongPerPingAndIgnoresRefusedPongs() {
        assertThat(check(pong(pong(ping(new SyntheticTrace(), "a", "n1"), "a", "n1", "accepted"), "a", "n1",
                "rejected"))).isEmpty();
        assertThat(check(pong(new SyntheticTrace(), "a", "n9", "rejected"))).isEmpty();
    }

    @Test
    void firesOnAPongForAPingAnotherNodeSentOrThatCameBeforeThePing() {
        assertThat(check(pong(ping(new SyntheticTrace(), "b", "n1"), "a", "n1", "accepted"))).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("a accepted a pong for nonce n1 that it never "
                        + "sent"));
        assertThat(check(ping(pong(new SyntheticTrace(), "a", "n1", "accepted"), "a", "n1"))).hasSize(1);
    }

    @Test
    void firesOnASecondAcceptedPongWithThePingAndBothPongsAsEvidence() {
        assertThat(check(pong(pong(ping(new SyntheticTrace(), "a", "n1"), "a", "n1", "accepted"), "a", "n1",
                "accepted"))).singleElement().satisfies(v -> {
                    assertThat(v.message()).isEqualTo("a accepted a second pong for its ping 0 (nonce n1)");
                    assertThat(v.evidence()).hasSize(3);
                });
    }
}
