package org.trustlab.properties.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.protocol.Durations;

/**
 * What the report needs from a scenario file: its devices (name, role, attacker-controlled), the attacker's key
 * compromises, and the protocol's {@code setup:} (initial trust). Read leniently from the YAML text, because a
 * report must still show a failure whose scenario uses options the report does not know.
 */
public record ScenarioFacts(String name, String protocol, List<Device> devices, List<Compromise> compromises,
        boolean hasAttacker, JsonNode setup) {

    public record Device(String name, String role, boolean attacker) {}

    /** The attacker holds {@code device}'s generation-{@code generation} key from {@code atNanos} on. */
    public record Compromise(String device, long generation, long atNanos) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ScenarioFacts {
        devices = List.copyOf(devices);
        compromises = List.copyOf(compromises);
    }

    public static ScenarioFacts empty(String protocol) {
        return new ScenarioFacts("", protocol, List.of(), List.of(), false, MissingNode.getInstance());
    }

    public static ScenarioFacts parse(String yaml, String fallbackProtocol) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            return empty(fallbackProtocol);
        }
        if (root == null || !root.isObject()) {
            return empty(fallbackProtocol);
        }
        List<Device> devices = new ArrayList<>();
        for (JsonNode d : root.path("devices")) {
            if (d.hasNonNull("name")) {
                devices.add(new Device(d.get("name").asText(), d.path("role").asText(""),
                        d.path("attacker").asBoolean(false)));
            }
        }
        List<Compromise> compromises = new ArrayList<>();
        JsonNode attacker = root.path("attacker");
        for (JsonNode c : attacker.path("compromise")) {
            if (c.hasNonNull("device")) {
                compromises.add(new Compromise(c.get("device").asText(), c.path("generation").asLong(0),
                        duration(c.path("at").asText("0s")).orElse(0L)));
            }
        }
        boolean hasAttacker = attacker.isObject() && !"none".equals(attacker.path("strategy").asText(""));
        return new ScenarioFacts(root.path("name").asText(""), root.path("protocol").asText(fallbackProtocol),
                devices, compromises, hasAttacker, root.path("setup"));
    }

    /** A scenario duration ({@code 30s}, {@code -1d}, {@code 250ms}) in nanoseconds. */
    public static Optional<Long> duration(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parseSigned(text.trim());
        if (d.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(d.get().toNanos());
        } catch (ArithmeticException e) {
            return Optional.of(d.get().isNegative() ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4);
        }
    }
}
