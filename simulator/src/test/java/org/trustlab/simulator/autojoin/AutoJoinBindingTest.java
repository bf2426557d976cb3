package org.trustlab.simulator.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinRequester;
import org.trustlab.reference.autojoin.AutoJoinValidator;
import org.trustlab.reference.autojoin.CloudSessionServer;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;

/** Scenario set-up errors point at the YAML; roles come out of the right kind. */
class AutoJoinBindingTest {
    private static final AutoJoinBinding BINDING = new AutoJoinBinding();
    private static final List<DeviceSpec> DEVICES = List.of(
            new DeviceSpec("phone", "requester", Map.of(), false),
            new DeviceSpec("laptop", "validator", Map.of(), false),
            new DeviceSpec("server", "server", Map.of(), false));

    private static BindingContext ctx(Map<String, Object> setup, Optional<String> mutant) {
        return new BindingContext(0, Instant.parse("2025-01-01T00:00:00Z"), setup, mutant, DEVICES);
    }

    private static Map<String, Object> setup() {
        return Map.of("profile", "ed25519",
                "sessions", Map.of("S1", Map.of("password", "pw", "members", List.of("laptop"))),
                "trust", List.of(Map.of("device", "laptop", "trusts", List.of("phone"))),
                "grants", List.of(Map.of("owner", "laptop", "trusted", "phone", "expires", "-1h")));
    }

    @Test
    void isRegisteredAndCreatesEachRole() {
        assertThat(ProtocolBindings.lookup("autojoin")).isPresent();
        BindingContext c = ctx(setup(), Optional.empty());
        assertThat(BINDING.createRole(DEVICES.get(0), c)).isInstanceOf(AutoJoinRequester.class);
        assertThat(BINDING.createRole(DEVICES.get(1), c)).isInstanceOf(AutoJoinValidator.class);
        assertThat(BINDING.createRole(DEVICES.get(2), c)).isInstanceOf(CloudSessionServer.class);
    }

    @Test
    void limitsBeyondTheSpecificationsCapsAreRefusedWhereTheyAreWritten() {
        Map<String, Object> s = new java.util.HashMap<>(setup());
        s.put("skew-tolerance", "10m");
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.path()).contains("/setup/skew-tolerance");
                    assertThat(e.getMessage()).contains("exceeds the specification's cap of 30s");
                });
        DeviceSpec longLived = new DeviceSpec("laptop", "validator", Map.of("challenge-ttl", "10m"), false);
        assertThatThrownBy(() -> BINDING.createRole(longLived, ctx(setup(), Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.getMessage()).contains("challenge-ttl").contains("cap of 5m"));
        DeviceSpec atTheCap = new DeviceSpec("laptop", "validator", Map.of("challenge-ttl", "5m",
                "skew-tolerance", "30s"), false);
        assertThat(BINDING.createRole(atTheCap, ctx(setup(), Optional.empty())))
                .isInstanceOf(AutoJoinValidator.class);
    }

    @Test
    void theWorldsFactsComeFromTheScenarioAndTheUsersActions() {
        BindingContext c = ctx(setup(), Optional.empty());
        org.trustlab.simulator.protocol.WorldFacts facts = BINDING.worldFacts(c);
        assertThat(facts.initial()).extracting(f -> f.type())
                .containsExactly("identity", "identity", "limits", "grant", "session");
        assertThat(facts.initial().get(2).fields()).containsEntry("challenge-ttl", "PT30S")
                .containsEntry("skew-tolerance", "PT2S");
        String before = facts.initial().get(1).fields().get("key-fingerprint");
        var rotated = facts.afterUserAction("laptop", new org.trustlab.reference.core.UserAction("rotate-key",
                new java.util.TreeMap<>()));
        assertThat(rotated).singleElement().satisfies(f -> {
            assertThat(f.fields()).containsEntry("key-generation", "1");
            assertThat(f.fields().get("key-fingerprint")).isNotEqualTo(before);
        });
        assertThat(facts.afterUserAction("laptop", new org.trustlab.reference.core.UserAction("revoke-grant",
                new java.util.TreeMap<>(Map.of("client", "phone"))))).singleElement().satisfies(f -> assertThat(f.fields())
                        .containsEntry("trusted-client", facts.initial().get(0).fields().get("client")));
        assertThat(facts.afterUserAction("phone", new org.trustlab.reference.core.UserAction("auto-join",
                new java.util.TreeMap<>()))).isEmpty();
    }

    @Test
    void badSetupNamesTheOffendingKey() {
        Map<String, Object> s = new java.util.HashMap<>(setup());
        s.put("profile", "rot13");
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.path()).contains("/setup/profile"));
        s.put("profile", "ed25519");
        s.put("grants", List.of(Map.of("owner", "laptop", "trusted", "nobody")));
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.path()).contains("/setup/grants/0/trusted"));
        assertThatThrownBy(() -> BINDING.createRole(new DeviceSpec("x", "bystander", Map.of(), false),
                ctx(setup(), Optional.empty()))).isInstanceOf(ScenarioException.class);
    }

    @Test
    void mutantsAreNamedWithTheProtocolPrefix() {
        assertThat(BINDING.createRole(DEVICES.get(1), ctx(setup(), Optional.of("autojoin.no-replay-cache"))))
                .isInstanceOf(AutoJoinValidator.class);
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(1), ctx(setup(), Optional.of("no-replay-cache"))))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("autojoin.no-replay-cache");
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(1), ctx(setup(), Optional.of("autojoin.bogus"))))
                .isInstanceOf(ScenarioException.class);
    }
}
