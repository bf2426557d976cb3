package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** Offline windows with and without a mailbox, and crashes that lose volatile state and timers. */
class OfflineAndCrashTest {

    private static String twoNodes(String b, String extra) {
        return """
                name: t
                protocol: ping
                seed: 1
                end: 2m
                devices:
                  - {name: a, role: node, config: {timeout: 30s}}
                  - %s
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b}}
                """.formatted(b) + extra;
    }

    private static List<String> kinds(RunResult r, String node) {
        return r.trace().select(e -> e.node().equals(node)).stream().map(e -> e.kind() + " " + e.type()).toList();
    }

    @Test
    void aMailboxHoldsMessagesUntilTheDeviceComesOnline() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node, mailbox: true, online: [{from: 10s}]}", ""));
        assertThat(kinds(r, "b")).containsSubsequence("OFFLINE offline", "MAILBOX_HOLD trustlab/ping/ping/v1",
                "ONLINE online", "AUDIT came-online", "DELIVER trustlab/ping/ping/v1", "AUDIT ping-answered");
        TraceEvent held = Sim.events(r, Kind.MAILBOX_HOLD, null).get(0);
        TraceEvent delivered = Sim.events(r, e -> e.kind() == Kind.DELIVER && e.node().equals("b")).get(0);
        assertThat(delivered.field("msg-id")).isEqualTo(held.field("msg-id"));
        assertThat(delivered.timeNanos()).isEqualTo(10_000_000_000L);
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted");
    }

    @Test
    void withoutAMailboxMessagesToAnOfflineDeviceAreDropped() {
        RunResult r = Sim.run(twoNodes("{name: b, role: node, online: [{from: 10s}]}", ""));
        assertThat(Sim.events(r, Kind.DROP, null)).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("offline"));
        assertThat(Sim.audits(r, "b", "came-online")).hasSize(1);
        assertThat(Sim.audits(r, "b", "ping-answered")).isEmpty();
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("rejected PONG_TIMEOUT");
    }

    @Test
    void anOfflineDeviceCannotSendAndWindowsOpenAndClose() {
        RunResult r = Sim.run("""
                name: t
                protocol: ping
                end: 1m
                devices:
                  - {name: a, role: node, online: [{from: 0s, to: 5s}, {from: 10s}]}
                  - {name: b, role: node}
                actions:
                  - {at: 7s, device: a, action: ping, args: {to: b}}
                  - {at: 12s, device: a, action: ping, args: {to: b}}
                """);
        assertThat(Sim.events(r, e -> e.node().equals("a") && (e.kind() == Kind.ONLINE || e.kind() == Kind.OFFLINE)))
                .extracting(e -> e.kind() + "@" + e.timeNanos() / 1_000_000_000L)
                .containsExactly("OFFLINE@5", "ONLINE@10");
        assertThat(Sim.events(r, Kind.DROP, null)).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("sender-offline"));
        assertThat(Sim.outcomes(r, "a", "pong-received")).containsExactly("accepted", "rejected PONG_TIMEOUT");
    }

    /** The pong arrives after a crash and restart: the outstanding ping was volatile, and so was its timer. */
    @Test
    void aCrashLosesVolatileStateAndTimers() {
        String network = """
                network:
                  latency: {dist: constant, value: 1s}
                """;
        RunResult clean = Sim.run(twoNodes("{name: b, role: node}", network));
        assertThat(Sim.outcomes(clean, "a", "pong-received")).containsExactly("accepted");

        RunResult crashed = Sim.run(twoNodes("{name: b, role: node}", network + """
                crashes:
                  - {device: a, at: 1500ms, restart: 1800ms}
                """));
        assertThat(kinds(crashed, "a")).containsSubsequence("AUDIT ping-sent", "CRASH crash", "RESTART restart",
                "AUDIT restarted", "DELIVER trustlab/ping/pong/v1", "AUDIT pong-rejected");
        // rejected as unknown, and no PONG_TIMEOUT: the timeout timer died with the crash
        assertThat(Sim.outcomes(crashed, "a", "pong-received")).containsExactly("rejected UNKNOWN_PING");
        assertThat(Sim.events(crashed, Kind.TIMER, null)).isEmpty();
        // the sequence counter is persistent
        assertThat(Sim.audits(crashed, "a", "restarted").get(0).field("next-seq")).isEqualTo("1");
    }

    @Test
    void aCrashedDeviceReceivesNothingUnlessItHasAMailboxAndIgnoresUserActions() {
        String crash = """
                crashes:
                  - {device: b, at: 500ms, restart: 20s}
                """;
        RunResult dropped = Sim.run(twoNodes("{name: b, role: node}", crash));
        assertThat(Sim.events(dropped, Kind.DROP, null)).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("crashed"));
        RunResult held = Sim.run(twoNodes("{name: b, role: node, mailbox: true}", crash));
        assertThat(Sim.events(held, Kind.MAILBOX_HOLD, null)).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("crashed"));
        assertThat(Sim.audits(held, "b", "ping-answered")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(20_000_000_000L));

        RunResult ignored = Sim.run(twoNodes("{name: b, role: node}", """
                crashes:
                  - {device: a, at: 500ms, restart: 5s}
                """));
        assertThat(Sim.events(ignored, Kind.USER_ACTION, "ping")).singleElement()
                .satisfies(e -> assertThat(e.field("status")).isEqualTo("ignored-crashed"));
        assertThat(Sim.audits(ignored, "a", "ping-sent")).isEmpty();
    }

    /** A replay cache that lives in memory is a replay window after a restart: the echo receiver shows it. */
    @Test
    void aRestartOpensAReplayWindowForVolatileCaches() {
        String base = """
                name: t
                protocol: echo
                end: 1m
                devices:
                  - {name: a, role: echo}
                  - {name: b, role: echo}
                actions:
                  - {at: 1s, device: a, action: send, args: {to: b}}
                attacker:
                  steps:
                    - {at: 10s, op: replay, match: {from: a, to: b}}
                """;
        RunResult remembered = Sim.run(base);
        assertThat(Sim.audits(remembered, "b", "echo-received")).hasSize(1);
        assertThat(Sim.audits(remembered, "b", "echo-refused")).singleElement()
                .satisfies(e -> assertThat(e.field("reason")).isEqualTo("DUPLICATE_SEQ"));
        RunResult forgotten = Sim.run(base + """
                crashes:
                  - {device: b, at: 5s, restart: 6s}
                """);
        assertThat(Sim.audits(forgotten, "b", "echo-received")).hasSize(2);
        assertThat(Sim.audits(forgotten, "b", "echo-refused")).isEmpty();
    }
}
