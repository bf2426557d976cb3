package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The liveness phase: from {@code quiesce.at} partitions heal, crashed devices restart, offline devices come online,
 * the attacker lets go of what it holds and stops, links lose nothing, and faults scheduled later do not happen.
 * The phase is on the record as a world fact.
 */
class QuiesceTest {
    private static String twoNodes(String b, String extra) {
        return """
                name: t
                protocol: ping
                seed: 1
                end: 2m
                devices:
                  - {name: a, role: node, config: {timeout: 1m}}
                  - %s
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b}}
                """.formatted(b) + extra;
    }

    private static List<String> kinds(RunResult r, String node) {
        return r.trace().select(e -> e.node().equals(node)).stream().map(e -> e.kind() + " " + e.type()).toList();
    }

    @Test
    void thePhaseIsAWorldFact() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node}", "quiesce: {at: 5s, within: 20s}\n"));
        TraceEvent fact = Sim.events(r, Kind.FACT, "quiesce").get(0);
        assertThat(fact.node()).isEqualTo(Simulation.WORLD);
        assertThat(fact.timeNanos()).isEqualTo(5_000_000_000L);
        assertThat(fact.field("at")).isEqualTo("PT5S");
        assertThat(fact.field("deadline")).isEqualTo("PT25S");
    }

    @Test
    void withoutAPhaseThereIsNoFact() {
        assertThat(Sim.events(Sim.run(twoNodes("{name: b, role: node}", "")), Kind.FACT, "quiesce")).isEmpty();
    }

    @Test
    void aCrashedDeviceRestartsAndAnOfflineOneComesOnline() {
        RunResult crashed = Sim.run(twoNodes("{name: b, role: node, mailbox: true}",
                "crashes:\n  - {device: b, at: 500ms}\nquiesce: {at: 5s, within: 20s}\n"));
        assertThat(kinds(crashed, "b")).containsSubsequence("CRASH crash", "RESTART restart",
                "DELIVER trustlab/ping/ping/v1");
        assertThat(Sim.outcomes(crashed, "a", "pong-received")).containsExactly("accepted");

        RunResult offline = Sim.run(twoNodes("{name: b, role: node, mailbox: true, online: [{from: 1m}]}",
                "quiesce: {at: 5s, within: 20s}\n"));
        TraceEvent online = Sim.events(offline, Kind.ONLINE, null).get(0);
        assertThat(online.timeNanos()).isEqualTo(5_000_000_000L);
        assertThat(Sim.outcomes(offline, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void partitionsHealAndLaterFaultsDoNotHappen() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node}", """
                network:
                  partitions:
                    - {at: 0s, groups: [[a], [b]]}
                    - {at: 30s, heal: 40s, groups: [[a], [b]]}
                crashes:
                  - {device: b, at: 35s}
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b}}
                  - {at: 10s, device: a, action: ping, args: {to: b}}
                quiesce: {at: 5s, within: 1m}
                """).replace("actions:\n  - {at: 1s, device: a, action: ping, args: {to: b}}\nnetwork", "network"));
        assertThat(Sim.events(r, Kind.HEAL, null)).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(5_000_000_000L));
        assertThat(Sim.events(r, Kind.PARTITION, null)).hasSize(1);
        assertThat(Sim.events(r, Kind.CRASH, null)).isEmpty();
        assertThat(Sim.events(r, Kind.NOTE, "partition-ignored")).hasSize(1);
        assertThat(Sim.events(r, Kind.NOTE, "crash-ignored")).hasSize(1);
        assertThat(Sim.outcomes(r, "a", "pong-received")).contains("accepted");
    }

    @Test
    void linksLoseNothingInThePhase() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node}", """
                network:
                  loss: 1.0
                actions:
                  - {at: 10s, device: a, action: ping, args: {to: b}}
                quiesce: {at: 5s, within: 1m}
                """).replace("actions:\n  - {at: 1s, device: a, action: ping, args: {to: b}}\nnetwork", "network"));
        assertThat(Sim.events(r, Kind.DROP, null)).isEmpty();
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void theAttackerLetsGoAndStops() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node}", """
                attacker:
                  strategy: scripted
                  steps:
                    - {at: 0s, op: delay, match: {from: a, to: b}, count: 1, by: 1h}
                    - {at: 8s, op: replay, match: {from: a, to: b}}
                quiesce: {at: 5s, within: 20s}
                """));
        TraceEvent release = Sim.attacker(r, "release").get(0);
        assertThat(release.field("why")).isEqualTo("quiesce");
        assertThat(release.timeNanos()).isEqualTo(5_000_000_000L);
        assertThat(Sim.attacker(r, "replay")).isEmpty();
        assertThat(Sim.events(r, Kind.NOTE, "replay-skipped")).hasSize(1);
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }
}
