package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** Loss, duplication, reordering, partitions, per-link overrides and latency distributions, with the echo protocol. */
class NetworkFaultsTest {

    /** a sends {@code count} notes to b at 1s (all at once, or one per {@code gap}), with the given network. */
    static String echo(int count, String gap, String network) {
        return """
                name: echo
                protocol: echo
                seed: 9
                end: 1m
                devices:
                  - {name: a, role: echo}
                  - {name: b, role: echo}
                  - {name: c, role: echo}
                actions:
                  - {at: 1s, device: a, action: send, args: {to: b, count: %d, gap: %s}}
                network:
                %s
                """.formatted(count, gap, network.indent(2).stripTrailing());
    }

    private static List<Long> receivedSeqs(RunResult r, String device) {
        return Sim.audits(r, device, "echo-received").stream().map(e -> Long.parseLong(e.field("seq"))).toList();
    }

    private static List<TraceEvent> drops(RunResult r, String reason) {
        return Sim.events(r, e -> e.kind() == Kind.DROP && reason.equals(e.field("reason")));
    }

    @Test
    void lossDropsSomeMessagesAndTheRestArrive() {
        RunResult r = Sim.run(echo(200, "0s", "loss: 0.3"));
        List<TraceEvent> lost = drops(r, "loss");
        long lostToB = lost.stream().filter(e -> e.field("to").equals("b")).count();
        assertThat(lostToB).isBetween(30L, 90L);
        assertThat(receivedSeqs(r, "b")).hasSize((int) (200 - lostToB));
        // replies cross b->a and are lost there too
        assertThat(lost.stream().filter(e -> e.field("to").equals("a")).count()).isPositive();
    }

    @Test
    void withoutLossEverythingArrives() {
        RunResult r = Sim.run(echo(200, "0s", "loss: 0"));
        assertThat(drops(r, "loss")).isEmpty();
        assertThat(receivedSeqs(r, "b")).hasSize(200);
        assertThat(Sim.outcomes(r, "a", "echo-returned")).hasSize(200);
    }

    @Test
    void aLinkOverrideAppliesToThatDirectionOnly() {
        RunResult r = Sim.run(echo(5, "0s", "links: [{from: a, to: b, loss: 1}]"));
        assertThat(receivedSeqs(r, "b")).isEmpty();
        assertThat(drops(r, "loss")).hasSize(5);
        RunResult back = Sim.run(echo(5, "0s", "links: [{from: b, to: '*', loss: 1}]"));
        assertThat(receivedSeqs(back, "b")).hasSize(5);
        assertThat(Sim.outcomes(back, "a", "echo-returned")).isEmpty();
    }

    @Test
    void aLinkOverrideChangesLatencyAndLaterEntriesWin() {
        RunResult r = Sim.run(echo(10, "0s", """
                latency: {dist: constant, value: 10ms}
                links:
                  - {from: '*', to: '*', latency: {dist: constant, value: 50ms}}
                  - {from: a, to: b, latency: {dist: uniform, min: 200ms, max: 300ms}}"""));
        Map<String, Long> sent = new HashMap<>();
        for (TraceEvent e : Sim.events(r, Kind.SEND, null)) {
            sent.put(e.field("msg-id"), e.timeNanos());
        }
        List<TraceEvent> delivered = Sim.events(r, Kind.DELIVER, null);
        assertThat(delivered).hasSize(20);
        for (TraceEvent d : delivered) {
            long delay = d.timeNanos() - sent.get(d.field("msg-id"));
            if (d.node().equals("b")) {
                assertThat(delay).isBetween(200_000_000L, 300_000_000L);
            } else {
                assertThat(delay).as("b->a keeps the '*' override").isEqualTo(50_000_000L);
            }
        }
    }

    @Test
    void duplicationDeliversASecondCopyWithTheSameMsgId() {
        RunResult r = Sim.run(echo(20, "0s", "links: [{from: a, to: b, duplicate: 1}]"));
        List<TraceEvent> dups = Sim.events(r, Kind.DUPLICATE, null);
        assertThat(dups).hasSize(20);
        Map<String, Integer> deliveries = new HashMap<>();
        for (TraceEvent d : Sim.events(r, e -> e.kind() == Kind.DELIVER && e.node().equals("b"))) {
            deliveries.merge(d.field("msg-id"), 1, Integer::sum);
        }
        assertThat(deliveries).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(2));
        assertThat(Sim.audits(r, "b", "echo-refused")).hasSize(20)
                .allSatisfy(e -> assertThat(e.field("reason")).isEqualTo("DUPLICATE_SEQ"));
    }

    @Test
    void reorderingLetsLaterMessagesOvertake() {
        RunResult inOrder = Sim.run(echo(50, "0s", "latency: {dist: constant, value: 10ms}"));
        assertThat(receivedSeqs(inOrder, "b")).isSorted().hasSize(50);
        RunResult shuffled = Sim.run(echo(50, "0s", """
                latency: {dist: constant, value: 10ms}
                reorder: 0.5
                reorder-delay: 50ms"""));
        assertThat(Sim.events(shuffled, Kind.REORDER, null)).isNotEmpty();
        List<Long> seqs = receivedSeqs(shuffled, "b");
        assertThat(seqs).hasSize(50).doesNotHaveDuplicates().isNotEqualTo(seqs.stream().sorted().toList());
    }

    @Test
    void aPartitionDropsAcrossGroupsUntilItHeals() {
        RunResult r = Sim.run(echo(10, "1s", """
                partitions:
                  - {at: 3500ms, heal: 6500ms, groups: [[a], [b, c]]}"""));
        assertThat(Sim.events(r, Kind.PARTITION, "partition")).singleElement()
                .satisfies(e -> assertThat(e.field("groups")).isEqualTo("a | b,c"));
        assertThat(Sim.events(r, Kind.HEAL, "heal")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(6_500_000_000L));
        // sent at 4s, 5s, 6s: dropped; the rest (1, 2, 3, 7, 8, 9, 10 s) arrive
        assertThat(drops(r, "partition")).extracting(TraceEvent::timeNanos)
                .containsExactly(4_010_000_000L, 5_010_000_000L, 6_010_000_000L);
        assertThat(receivedSeqs(r, "b")).containsExactly(0L, 1L, 2L, 6L, 7L, 8L, 9L);
    }

    @Test
    void devicesInNoGroupShareOneGroup() {
        RunResult r = Sim.run(echo(3, "0s", """
                partitions:
                  - {at: 0s, groups: [[c]]}"""));
        assertThat(receivedSeqs(r, "b")).hasSize(3);
        RunResult cut = Sim.run(echo(3, "0s", """
                partitions:
                  - {at: 0s, groups: [[a]]}"""));
        assertThat(receivedSeqs(cut, "b")).isEmpty();
    }

    @Test
    void latencyFollowsTheConfiguredDistribution() {
        assertThat(delays(Sim.run(echo(100, "0s", "latency: {dist: constant, value: 25ms}"))))
                .allSatisfy(d -> assertThat(d).isEqualTo(25_000_000L));
        assertThat(delays(Sim.run(echo(100, "0s", "latency: {dist: uniform, min: 20ms, max: 40ms}"))))
                .allSatisfy(d -> assertThat(d).isBetween(20_000_000L, 40_000_000L))
                .doesNotHaveDuplicates();
        List<Long> exp = delays(Sim.run(echo(300, "0s", "latency: {dist: exponential, mean: 30ms}")));
        assertThat(exp.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(22e6, 38e6);
        List<Long> logn = delays(Sim.run(echo(300, "0s", "latency: {dist: lognormal, median: 30ms, sigma: 0.5}")));
        long below = logn.stream().filter(d -> d < 30_000_000L).count();
        assertThat(below).isBetween(240L, 360L).as("about half of %d delays below the median", logn.size());
    }

    /** Send-to-deliver delay of every delivered message, by msg-id. */
    private static List<Long> delays(RunResult r) {
        Map<String, Long> sent = new HashMap<>();
        for (TraceEvent e : Sim.events(r, Kind.SEND, null)) {
            sent.put(e.field("msg-id"), e.timeNanos());
        }
        return Sim.events(r, Kind.DELIVER, null).stream().map(e -> e.timeNanos() - sent.get(e.field("msg-id")))
                .toList();
    }
}
