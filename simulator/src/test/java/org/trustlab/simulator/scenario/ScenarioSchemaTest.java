package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * {@code scenarios/scenario.schema.json} describes what the loader accepts. The loader names the keys it knows in
 * its "unknown key" error, so each map of the format is probed with one stray key and the keys the loader lists
 * must be exactly the properties the schema allows at that place. A key added to one and not the other fails here.
 */
class ScenarioSchemaTest {
    private static final String HEAD = """
            name: x
            protocol: ping
            devices:
              - {name: a, role: node}
              - {name: e, role: node, attacker: true}
            """;
    private static final Pattern EXPECTED = Pattern.compile("unknown key 'zzz' \\(expected one of ([^)]*)\\)");

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schema = new ObjectMapper().readTree(Path.of("..", "scenarios", "scenario.schema.json").toFile());
    }

    /** A place in the format: a scenario whose only fault is key {@code zzz} there, and the schema's properties. */
    static Stream<Arguments> places() {
        List<Arguments> out = new ArrayList<>();
        out.add(place("top level", HEAD + "zzz: 1\n", "/properties"));
        out.add(place("keys", HEAD + "keys: {seed: 1, zzz: 1}\n", "/properties/keys/properties"));
        out.add(place("device", HEAD.replace("{name: a, role: node}", "{name: a, role: node, zzz: 1}"),
                "/$defs/device/properties"));
        out.add(place("clock", HEAD.replace("{name: a, role: node}", "{name: a, role: node, clock: {zzz: 1}}"),
                "/$defs/device/properties/clock/properties"));
        out.add(place("online window", HEAD.replace("{name: a, role: node}",
                "{name: a, role: node, online: [{zzz: 1}]}"), "/$defs/device/properties/online/items/properties"));
        out.add(place("network", HEAD + "network: {zzz: 1}\n", "/$defs/network/properties"));
        out.add(place("quiesce", HEAD + "quiesce: {at: 1s, within: 1s, zzz: 1}\n", "/properties/quiesce/properties"));
        String[] latencies = {"{dist: constant, value: 1s, zzz: 1}", "{dist: uniform, min: 1s, max: 2s, zzz: 1}",
            "{dist: exponential, mean: 1s, zzz: 1}", "{dist: lognormal, median: 1s, sigma: 1, zzz: 1}"};
        for (int i = 0; i < latencies.length; i++) {
            out.add(place("latency " + latencies[i], HEAD + "network: {latency: " + latencies[i] + "}\n",
                    "/$defs/latency/oneOf/" + i + "/properties"));
        }
        out.add(place("link", HEAD + "network: {links: [{from: a, to: '*', zzz: 1}]}\n",
                "/$defs/network/properties/links/items/properties"));
        out.add(place("partition", HEAD + "network: {partitions: [{at: 1s, groups: [[a]], zzz: 1}]}\n",
                "/$defs/network/properties/partitions/items/properties"));
        out.add(place("crash", HEAD + "crashes: [{device: a, at: 1s, zzz: 1}]\n", "/$defs/crash/properties"));
        out.add(place("action", HEAD + "actions: [{at: 1s, device: a, action: ping, zzz: 1}]\n",
                "/$defs/action/properties"));
        out.add(place("attacker", HEAD + "attacker: {zzz: 1}\n", "/$defs/attacker/properties"));
        out.add(place("compromise", HEAD + "attacker: {compromise: [{device: a, zzz: 1}]}\n",
                "/$defs/attacker/properties/compromise/items/properties"));
        out.add(place("random", HEAD + "attacker: {random: {zzz: 1}}\n",
                "/$defs/attacker/properties/random/properties"));
        String[][] steps = {
            {"drop", "{op: drop, zzz: 1}"},
            {"delay", "{op: delay, by: 1s, zzz: 1}"},
            {"duplicate", "{op: duplicate, zzz: 1}"},
            {"reorder", "{op: reorder, zzz: 1}"},
            {"redirect", "{op: redirect, to: a, zzz: 1}"},
            {"tamper", "{op: tamper, flip: 1, zzz: 1}"},
            {"replay", "{op: replay, zzz: 1}"},
            {"inject", "{op: inject, to: a, message: {}, zzz: 1}"},
            {"register", "{op: register, device: e, zzz: 1}"}};
        for (String[] s : steps) {
            out.add(place("step " + s[0], HEAD + "attacker: {steps: [" + s[1] + "]}\n", stepPointer(s[0])));
        }
        out.add(place("substitute", HEAD + "attacker: {steps: [{op: tamper, substitute: {field: 1, value: '00', "
                + "zzz: 1}}]}\n", stepPointer("tamper") + "/substitute/properties"));
        out.add(place("match", HEAD + "attacker: {steps: [{op: drop, match: {zzz: 1}}]}\n", "/$defs/match/properties"));
        out.add(place("outcome expectation", HEAD + "expect: [{device: a, outcome: pong-received, zzz: 1}]\n",
                "/$defs/expectation/oneOf/0/properties"));
        out.add(place("audit expectation", HEAD + "expect: [{device: a, audit: ping-answered, zzz: 1}]\n",
                "/$defs/expectation/oneOf/1/properties"));
        out.add(place("invariant expectation", HEAD
                + "expect: [{invariant: ping.pong-answers-ping, holds: true, zzz: 1}]\n",
                "/$defs/expectation/oneOf/2/properties"));
        out.add(place("never", HEAD + "expect: [{never: {device: a, outcome: pong-received}, zzz: 1}]\n",
                "/$defs/expectation/oneOf/3/properties"));
        out.add(place("never an outcome", HEAD + "expect: [{never: {device: a, outcome: pong-received, zzz: 1}}]\n",
                "/$defs/neverOutcome/properties"));
        out.add(place("never an audit event", HEAD + "expect: [{never: {device: a, audit: ping-sent, zzz: 1}}]\n",
                "/$defs/neverAudit/properties"));
        return out.stream();
    }

    private static Arguments place(String name, String yaml, String schemaPointer) {
        return Arguments.of(name, yaml, schemaPointer);
    }

    /** The {@code then} branch of the step schema whose {@code if} names this op. */
    private static String stepPointer(String op) {
        JsonNode allOf = readSchemaQuietly().at("/$defs/step/allOf");
        for (int i = 0; i < allOf.size(); i++) {
            if (allOf.get(i).at("/if/properties/op/const").asText().equals(op)) {
                return "/$defs/step/allOf/" + i + "/then/properties";
            }
        }
        throw new AssertionError("the schema has no branch for op " + op);
    }

    private static JsonNode readSchemaQuietly() {
        if (schema == null) {
            try {
                readSchema();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return schema;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void theSchemaAllowsExactlyTheKeysTheLoaderKnows(String name, String yaml, String schemaPointer) {
        ScenarioException e = error(yaml);
        Matcher m = EXPECTED.matcher(e.getMessage());
        assertThat(m.find()).as("%s: %s", name, e.getMessage()).isTrue();
        TreeSet<String> loader = new TreeSet<>(Arrays.asList(m.group(1).split(", ")));
        JsonNode properties = schema.at(schemaPointer);
        assertThat(properties.isObject()).as("schema has %s", schemaPointer).isTrue();
        TreeSet<String> inSchema = new TreeSet<>();
        properties.fieldNames().forEachRemaining(inSchema::add);
        assertThat(inSchema).as(name).isEqualTo(loader);
        // The loader located the stray key; the schema forbids it too.
        assertThat(e.location()).isPresent();
        assertThat(schema.at(schemaPointer.substring(0, schemaPointer.lastIndexOf('/')) + "/additionalProperties")
                .asBoolean(true)).as("%s forbids other keys", name).isFalse();
    }

    @Test
    void attackerOpsStrategiesAndDistributionsAgree() {
        List<String> ops = Arrays.stream(AttackStep.Op.values()).map(AttackStep.Op::yamlName).toList();
        assertThat(strings(schema.at("/$defs/step/properties/op/enum"))).isEqualTo(ops);
        assertThat(strings(schema.at("/$defs/attacker/properties/random/properties/ops/items/enum"))).isEqualTo(ops);
        assertThat(strings(schema.at("/$defs/attacker/properties/strategy/enum"))).isEqualTo(Arrays.stream(
                AttackerSpec.Strategy.values()).map(AttackerSpec.Strategy::yamlName).toList());
        List<String> dists = new ArrayList<>();
        schema.at("/$defs/latency/oneOf").forEach(v -> dists.add(v.at("/properties/dist/const").asText()));
        assertThat(error(HEAD + "network: {latency: {dist: zzz}}\n").what())
                .endsWith("(expected " + String.join(", ", dists.subList(0, dists.size() - 1)) + " or "
                        + dists.get(dists.size() - 1) + ")");
        List<String> results = strings(schema.at("/$defs/expectation/oneOf/0/properties/result/enum"));
        assertThat(error(HEAD + "expect: [{device: a, outcome: pong-received, result: zzz}]\n").what())
                .startsWith("result must be " + String.join(", ", results.subList(0, results.size() - 1)) + " or "
                        + results.get(results.size() - 1) + ",");
        for (String op : ops) {
            assertThat(schema.at(stepPointer(op)).isObject()).as(op).isTrue();
        }
    }

    @Test
    void requiredKeysAreRequiredByBoth() {
        assertThat(strings(schema.at("/required"))).containsExactlyInAnyOrder("protocol", "devices");
        assertThat(error("name: x\ndevices: [{name: a, role: node}]\n").what())
                .isEqualTo("missing required key 'protocol'");
        assertThat(error("name: x\nprotocol: ping\n").what()).isEqualTo("missing required key 'devices'");
        assertThat(strings(schema.at("/$defs/device/required"))).containsExactlyInAnyOrder("name", "role");
        assertThat(error("protocol: ping\ndevices: [{name: a}]\n").what()).isEqualTo("missing required key 'role'");
        // everything else is optional: the smallest scenario loads
        assertThat(new ScenarioLoader(EchoBinding.bindings()).parse("protocol: ping\ndevices: [{name: a, role: "
                + "node}]\n", "min.yaml").devices()).hasSize(1);
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("a list in the schema").isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static ScenarioException error(String yaml) {
        try {
            new ScenarioLoader(EchoBinding.bindings()).parse(yaml, "s.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("loaded without error:\n" + yaml);
    }
}
