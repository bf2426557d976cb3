package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** Each device has its own clock; roles see only local time, and validity is judged on the verifier's clock. */
class ClockTest {

    @Test
    void aClockReadsEpochPlusOffsetPlusDriftedTime() {
        NodeClock exact = new NodeClock(Instant.EPOCH, 0, 0);
        assertThat(exact.localInstant(5_000_000_000L)).isEqualTo(Instant.ofEpochSecond(5));
        NodeClock skewed = new NodeClock(Instant.EPOCH, -3_000_000_000L, 0);
        assertThat(skewed.localInstant(5_000_000_000L)).isEqualTo(Instant.ofEpochSecond(2));
        NodeClock fast = new NodeClock(Instant.EPOCH, 0, 100_000);
        assertThat(fast.localNanos(10_000_000_000L)).isEqualTo(11_000_000_000L);
        assertThat(fast.globalDelay(11_000_000_000L)).isEqualTo(10_000_000_000L);
        NodeClock slow = new NodeClock(Instant.EPOCH, 0, -500_000);
        assertThat(slow.globalDelay(1_000_000_000L)).isEqualTo(2_000_000_000L);
    }

    private static String pingWith(String bClock, String bConfig) {
        return Sim.ping("").replace("  - {name: b, role: node}", "  - {name: b, role: node, clock: " + bClock
                + ", config: " + bConfig + "}");
    }

    @Test
    void aRoleSeesItsLocalTime() {
        RunResult r = Sim.run(pingWith("{offset: 90s}", "{}"));
        TraceEvent delivered = Sim.events(r, e -> e.kind() == Kind.DELIVER && e.node().equals("b")).get(0);
        Instant global = Instant.parse("2025-01-01T00:00:00Z").plusNanos(delivered.timeNanos());
        assertThat(Instant.parse(delivered.field("local-time"))).isEqualTo(global.plusSeconds(90));
        // b stamps its pong with its own clock
        assertThat(Sim.audits(r, "a", "pong-accepted")).hasSize(1);
    }

    @Test
    void skewMakesHonestMessagesLookStaleOrFromTheFuture() {
        assertThat(Sim.audits(Sim.run(pingWith("{offset: 90s}", "{max-age: 1m}")), "b", "ping-rejected"))
                .singleElement().satisfies(e -> assertThat(e.field("reason")).isEqualTo("PING_EXPIRED"));
        assertThat(Sim.audits(Sim.run(pingWith("{offset: -90s}", "{max-age: 1m}")), "b", "ping-rejected"))
                .singleElement().satisfies(e -> assertThat(e.field("reason")).isEqualTo("PING_FROM_FUTURE"));
        assertThat(Sim.audits(Sim.run(pingWith("{offset: 50s}", "{max-age: 1m}")), "b", "ping-answered"))
                .hasSize(1);
    }

    /** a's clock runs 10% fast: its 10 s local timeout fires after 9.09 s of global time. */
    @Test
    void driftChangesWhenLocalTimersFire() {
        RunResult r = Sim.run(Sim.ping("""
                links: []
                """.replace("links: []\n", "")).replace("  - {name: a, role: node}",
                "  - {name: a, role: node, clock: {drift-ppm: 100000}}").replace("  - {name: b, role: node}",
                "  - {name: b, role: node, online: [{from: 30s}]}"));
        TraceEvent timer = Sim.events(r, Kind.TIMER, null).get(0);
        assertThat(timer.timeNanos()).isEqualTo(1_000_000_000L + 9_090_909_091L);
        assertThat(timer.field("local-time")).isEqualTo("2025-01-01T00:00:11.100Z");
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("rejected PONG_TIMEOUT");
    }
}
