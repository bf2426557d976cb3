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
