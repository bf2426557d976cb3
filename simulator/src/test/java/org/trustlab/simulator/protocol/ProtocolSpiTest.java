package org.trustlab.simulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.echo.EchoBinding;

/** The helpers bindings build on: durations, typed config with pointed errors, and the registry. */
class ProtocolSpiTest {

    @Test
    void durationsParseAndFormatBackToTheSameValue() {
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("8d")).contains(Duration.ofDays(8));
        assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(Durations.parse("7us")).contains(Duration.ofNanos(7000));
        assertThat(Durations.parseSigned("-5m")).contains(Duration.ofMinutes(-5));
        for (String bad : new String[] {"", "5", "s", "5 minutes", "-5m", "5x", "1e3s"}) {
            assertThat(Durations.parse(bad)).as(bad).isEmpty();
        }
        for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofDays(8), Duration.ofNanos(7),
                Duration.ofMinutes(-90))) {
            assertThat(Durations.parseSigned(Durations.format(d))).contains(d);
        }
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
    }

    @Test
    void configViewReadsTypesAndPointsAtMisfits() {
        ConfigView c = new ConfigView(Map.of("n", 5, "b", true, "s", "x", "d", "3s", "l", List.of("a", 1),
                "m", Map.of("k", "v"), "ms", List.of(Map.of("k", 1))), "config");
        assertThat(c.integer("n", 0)).isEqualTo(5);
        assertThat(c.flag("b", false)).isTrue();
        assertThat(c.string("s")).isEqualTo("x");
        assertThat(c.duration("d", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.strings("l")).containsExactly("a", "1");
        assertThat(c.map("m").string("k")).isEqualTo("v");
        assertThat(c.maps("ms").get(0).integer("k", 0)).isEqualTo(1);
        assertThat(c.integer("absent", 7)).isEqualTo(7);
        assertThatThrownBy(() -> c.integer("s", 0)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).path()).contains("config/s"));
        assertThatThrownBy(() -> c.duration("s", Duration.ZERO)).hasMessageContaining("'s' must be a duration");
        assertThatThrownBy(() -> c.string("absent")).hasMessage("missing required key 'absent'");
        assertThatThrownBy(() -> c.maps("ms").get(0).flag("k", false))
                .satisfies(e -> assertThat(((ScenarioException) e).path()).contains("config/ms/0/k"));
        assertThatThrownBy(() -> c.onlyKeys("n")).hasMessageStartingWith("unknown key");
    }

    @Test
    void theRegistryAddsWithoutChangingTheStandardSet() {
        assertThat(ProtocolBindings.standard().names()).contains("ping").doesNotContain("echo");
        ProtocolBindings more = ProtocolBindings.standard().with(new EchoBinding());
        assertThat(more.find("echo")).isPresent();
        assertThat(ProtocolBindings.standard().find("echo")).isEmpty();
        assertThat(ProtocolBindings.lookup("ping")).isPresent();
    }

    @Test
    void bindingContextGivesKeysAndMutants() {
        BindingContext ctx = new BindingContext(4, Instant.EPOCH, Map.of(), Optional.of("ping.accept-any-pong"),
                List.of(new DeviceSpec("a", "node", Map.of(), false)));
        assertThat(ctx.keysOf("a").ed25519(0).fingerprint())
                .isEqualTo(new BindingContext(4, Instant.EPOCH, Map.of(), Optional.empty(), List.of())
                        .keysOf("a").ed25519(0).fingerprint());
        assertThat(ctx.mutant("ping.accept-any-pong")).isTrue();
        assertThat(ctx.mutant("other")).isFalse();
        assertThat(ctx.device("a")).isPresent();
        assertThatThrownBy(() -> ctx.setupView().string("grants"))
                .satisfies(e -> assertThat(((ScenarioException) e).path()).contains("/setup/grants"));
    }
}
