package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.echo.EchoBinding;

/** What the writer writes, the loader reads back to an equal scenario (campaigns write shrunk failures so). */
class ScenarioWriterTest {
    static final String EVERYTHING = """
            name: everything
            protocol: ping
            seed: -7
            keys: {seed: 3}
            mutant: ping.accept-any-pong
            epoch: 2030-06-01T12:00:00Z
            end: 90s
            devices:
              - {name: a, role: node, config: {sign: true, timeout: 5s}}
              - name: b
                role: node
                config: {require-signature: true, max-age: 1m}
                clock: {offset: -1500ms, drift-ppm: 12.5}
                online: [{from: 0s, to: 10s}, {from: 20s}]
                mailbox: true
              - {name: eve, role: node, attacker: true}
            setup: {"true": yes, nested: {list: [a, 1]}, note: {"10": [1, 2.5, "true", null, 12345678901234]}}
            network:
              latency: {dist: uniform, min: 1ms, max: 2ms}
              loss: 0.1
              duplicate: 0.05
              reorder: 0.2
              reorder-delay: 30ms
              links:
                - {from: a, to: '*', latency: {dist: exponential, mean: 4ms}, loss: 0}
                - {from: b, to: a, latency: {dist: lognormal, median: 3ms, sigma: 0.4}, duplicate: 1, reorder: 0.5}
                - {from: eve, to: b, latency: {dist: constant, value: 0s}}
              partitions:
                - {at: 1s, heal: 2s, groups: [[a], [b, eve]]}
                - {at: 3s, groups: [[a, b]]}
            crashes:
              - {device: b, at: 4s, restart: 5s}
              - {device: a, at: 6s}
            actions:
              - {at: 1s, device: a, action: ping, args: {to: b, count: "10", interval: 1s}}
              - {at: 2s, device: b, action: ping, args: {to: a, count: 2}}
            attacker:
              strategy: random
              random: {rate: 0.25, ops: [drop, tamper], max-delay: 1s}
              compromise:
                - {device: a, generation: 1, at: 3s}
              steps:
                - {op: drop}
                - {at: 1s, op: delay, match: {from: a, to: b, tag: ping}, count: 2, by: 1s}
                - {op: duplicate, after: 10ms}
                - {op: reorder, max-hold: 1s}
                - {op: redirect, to: eve}
                - {op: tamper, flip: 7}
                - {op: tamper, flip: random, substitute: {field: 1, value: '00ff'}}
                - {op: tamper, substitute: {field: 2, copy-from: m3, copy-field: 1}}
                - {at: 2s, op: replay, msg: m1, to: a, from: eve}
                - {at: 3s, op: replay, match: {tag: pong}}
                - {at: 4s, op: inject, to: b, message: {type: ping, nonce: fresh, age: 5m}}
                - {at: 5s, op: register, device: eve, action: ping, args: {to: a}}
            expect:
              - {device: a, outcome: pong-received, result: accepted}
              - {device: a, outcome: pong-received, reason: UNKNOWN_PING}
              - {device: a, outcome: pong-received, result: any}
              - {device: b, outcome: pong-received, result: none}
              - {device: b, audit: ping-rejected, reason: BAD_SIGNATURE}
              - {device: b, audit: ping-answered}
              - {invariant: ping.pong-answers-ping, holds: false}
              - {id: first, device: a, outcome: pong-received, result: accepted, peer: b, count: 1}
              - {device: a, outcome: pong-received, reason: UNKNOWN_PING, at-least: 2, at-most: 3, after: first}
              - {device: b, audit: ping-answered, fields: {seq: "0"}, at-least: 2, before: first}
              - never: {device: a, audit: pong-rejected, reason: PONG_TIMEOUT, peer: eve}
            """;

    private static Scenario roundTrip(Scenario s) {
        return new ScenarioLoader(EchoBinding.bindings()).parse(ScenarioWriter.toYaml(s), "written.yaml");
    }

    @Test
    void everyFeatureSurvivesARoundTrip() {
        Scenario s = Sim.scenario(EVERYTHING);
        assertThat(s.attacker().orElseThrow().steps()).hasSize(12);
        Scenario back = roundTrip(s);
        assertThat(back).isEqualTo(s);
        assertThat(ScenarioWriter.toYaml(back)).isEqualTo(ScenarioWriter.toYaml(s));
        // and it runs to the same trace
        assertThat(Sim.run(back, 1).traceSha256()).isEqualTo(Sim.run(s, 1).traceSha256());
    }

    /** The written bytes are the same in every JVM: keys in a fixed order, never in a hash order (Map.of). */
    @Test
    void keysComeInAFixedOrder() {
        String yaml = ScenarioWriter.toYaml(Sim.scenario(EVERYTHING));
        assertThat(yaml).containsSubsequence("clock:", "offset: -1500ms", "drift-ppm: 12.5", "online:");
    }

    @Test
    void theShippedExamplesSurviveARoundTrip() throws IOException {
        for (Path example : examples()) {
            Scenario s = ScenarioLoader.load(example);
            assertThat(roundTrip(s)).as(example.toString()).isEqualTo(s);
        }
    }

    @Test
    void writesAtomicallyToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/shrunk.yaml");
        Scenario s = Sim.scenario(EVERYTHING);
        ScenarioWriter.write(s, file);
        assertThat(new ScenarioLoader(EchoBinding.bindings()).read(file)).isEqualTo(s);
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios", "examples"))) {
            List<Path> out = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(out).as("examples in scenarios/examples").hasSizeGreaterThanOrEqualTo(5);
            return out;
        }
    }
}
