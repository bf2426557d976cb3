package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.TraceHashMain;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** One seed, one world: (scenario, seed) fixes every byte of the trace, in this JVM and in another. */
class DeterminismTest {
    /** Everything random at once: jitter, loss, duplication, reordering, a random attacker, crashes, windows. */
    static final String BUSY = """
            name: busy
            protocol: ping
            seed: 42
            end: 2m
            devices:
              - {name: a, role: node, config: {sign: true}}
              - {name: b, role: node, config: {require-signature: true, max-age: 1m}, clock: {offset: 2s, drift-ppm: 30}}
              - {name: c, role: node, mailbox: true, online: [{from: 0s, to: 20s}, {from: 40s}]}
            network:
              latency: {dist: lognormal, median: 30ms, sigma: 0.8}
              loss: 0.1
              duplicate: 0.1
              reorder: 0.2
            crashes:
              - {device: b, at: 30s, restart: 35s}
            actions:
              - {at: 1s, device: a, action: ping, args: {to: b, count: 20, interval: 2s}}
              - {at: 2s, device: c, action: ping, args: {to: a, count: 20, interval: 3s}}
              - {at: 25s, device: a, action: ping, args: {to: c, count: 3, interval: 2s}}
            attacker:
              strategy: random
              random: {rate: 0.3, max-delay: 2s}
            """;

    @Test
    void sameScenarioTwiceGivesTheSameTrace() {
        Scenario s = Sim.scenario(BUSY);
        RunResult first = Sim.run(s, 42);
        RunResult second = Sim.run(s, 42);
        assertThat(first.trace().events()).hasSizeGreaterThan(100);
        assertThat(second.traceSha256()).isEqualTo(first.traceSha256());
        assertThat(second.trace().events()).isEqualTo(first.trace().events());
        // The busy world really is busy: every kind of fault and attack shows up.
        assertThat(first.trace().events().stream().map(TraceEvent::kind).distinct())
                .contains(Kind.DROP, Kind.DUPLICATE, Kind.REORDER, Kind.ATTACKER, Kind.CRASH, Kind.RESTART,
                        Kind.OFFLINE, Kind.ONLINE, Kind.MAILBOX_HOLD, Kind.TIMER);
    }

    @Test
    void changingOnlyTheSeedChangesTheTrace() {
        Scenario s = Sim.scenario(BUSY);
        assertThat(Sim.run(s, 43).traceSha256()).isNotEqualTo(Sim.run(s, 42).traceSha256());
    }

    /**
     * The child JVM runs with another JIT (C1 only), another collector and every identity hash code equal, so a
     * result that leaned on compiler-dependent arithmetic or on the iteration order of an identity-hashed
     * collection would come out different there. It hashes two seeds; both must match this JVM's, and differ.
     */
    @Test
    void anotherJvmComputesTheSameHash(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("busy.yaml");
        Files.writeString(file, BUSY);
        Scenario s = Sim.scenario(BUSY);
        List<String> here = List.of(Sim.run(s, 42).traceSha256(), Sim.run(s, 43).traceSha256());
        assertThat(here.get(0)).isNotEqualTo(here.get(1));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2",
                "-cp", System.getProperty("java.class.path"), TraceHashMain.class.getName(), file.toString(), "42",
                "43")
                .redirectErrorStream(true).start();
        // Read to the end first (the child cannot block on a full pipe), then collect its exit status.
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out.lines().toList()).isEqualTo(here);
    }

    /**
     * The attacker draws from its own streams: a passive attacker (which sees and analyses everything but does not
     * act) adds its ATTACKER events and changes nothing else, not a single latency, loss or nonce.
     */
    @Test
    void aPassiveAttackerDoesNotShiftTheHonestStreams() {
        String honest = BUSY.substring(0, BUSY.indexOf("attacker:"));
        RunResult without = Sim.run(Sim.scenario(honest), 42);
        RunResult with = Sim.run(Sim.scenario(honest + "attacker: {strategy: none}\n"), 42);
        assertThat(Sim.events(with, Kind.ATTACKER, "learned")).isNotEmpty();
        assertThat(withoutAttacker(with)).isEqualTo(withoutAttacker(without)).hasSizeGreaterThan(100);
        // a random attacker that never strikes (rate 0) draws nothing either
        RunResult idle = Sim.run(Sim.scenario(honest + "attacker: {strategy: random, random: {rate: 0}}\n"), 42);
        assertThat(withoutAttacker(idle)).isEqualTo(withoutAttacker(without));
    }

    /** The events other than the attacker's, without their trace sequence numbers. */
    private static List<String> withoutAttacker(RunResult r) {
        return Sim.events(r, e -> e.kind() != Kind.ATTACKER).stream()
                .map(e -> e.timeNanos() + " " + e.node() + " " + e.kind() + " " + e.type() + " " + e.fields())
                .toList();
    }

    /**
     * Streams are split per component: a third device pinging b changes the world, but neither a's nonces nor the
     * delays on the links a->b and b->a.
     */
    @Test
    void addingADeviceDoesNotShiftTheOthersStreams() {
        String two = """
                name: t
                protocol: ping
                seed: 5
                end: 1m
                devices:
                  - {name: a, role: node}
                  - {name: b, role: node}
                network:
                  latency: {dist: exponential, mean: 50ms}
                  loss: 0.2
                actions:
                  - {at: 1s, device: a, action: ping, args: {to: b, count: 10, interval: 1s}}
                """;
        String three = two.replace("  - {name: b, role: node}\n", "  - {name: b, role: node}\n"
                + "  - {name: aa, role: node}\n") + "  - {at: 1s, device: aa, action: ping, args: {to: b, count: 10,"
                + " interval: 700ms}}\n";
        RunResult r2 = Sim.run(two);
        RunResult r3 = Sim.run(three);
        assertThat(Sim.audits(r3, "aa", "ping-sent")).hasSize(10);
        assertThat(nonces(r3)).isEqualTo(nonces(r2)).hasSize(10);
        assertThat(linkEvents(r3)).isEqualTo(linkEvents(r2)).hasSizeGreaterThan(10);
    }

    private static List<String> nonces(RunResult r) {
        return Sim.audits(r, "a", "ping-sent").stream().map(e -> e.field("nonce")).toList();
    }

    /** Time, kind and msg-id of every event on the links between a and b (msg-ids are renumbered, so left out). */
    private static List<String> linkEvents(RunResult r) {
        return Sim.events(r, e -> (e.kind() == Kind.DELIVER || e.kind() == Kind.DROP)
                && ("a".equals(e.field("from")) || "a".equals(e.field("to")))).stream()
                .map(e -> e.timeNanos() + " " + e.kind() + " " + e.field("from") + "->" + e.field("to")).toList();
    }
}
