package org.trustlab.simulator.vouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.vouch.PairingRecord;
import org.trustlab.reference.vouch.PairingType;
import org.trustlab.reference.vouch.TrustLevel;
import org.trustlab.reference.vouch.VouchDevice;
import org.trustlab.reference.vouch.VouchProfile;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.TraceEvent;

/** Set-up and config errors point at the YAML; roles carry the declared pairings; the attacker's analysis works. */
class VouchBindingTest {
    private static final VouchBinding BINDING = new VouchBinding();
    private static final Path DIR = Path.of("..", "scenarios", "vouch");
    private static final List<DeviceSpec> DEVICES = List.of(
            new DeviceSpec("laptop", "voucher", Map.of(), false),
            new DeviceSpec("desktop", "receiver", Map.of("auto_accept_vouched", false), false),
            new DeviceSpec("pad", "device", Map.of(), false));

    private static BindingContext ctx(Map<String, Object> setup, Optional<String> mutant) {
        return new BindingContext(0, Instant.parse("2025-01-01T00:00:00Z"), setup, mutant, DEVICES);
    }

    private static Map<String, Object> setup() {
        return Map.of("profile", "hardened", "pairings", List.of(
                Map.of("a", "laptop", "b", "desktop", "trust-b", "unreliable"),
                Map.of("a", "desktop", "b", "pad", "type", "proxied", "voucher", "laptop")));
    }

    @Test
    void rolesCarryTheDeclaredPairingsWithMatchingKeys() {
        assertThat(ProtocolBindings.lookup("vouch")).isPresent();
        BindingContext c = ctx(setup(), Optional.empty());
        VouchDevice laptop = (VouchDevice) BINDING.createRole(DEVICES.get(0), c);
        VouchDevice desktop = (VouchDevice) BINDING.createRole(DEVICES.get(1), c);
        assertThat(desktop.config().profile()).isEqualTo(VouchProfile.HARDENED);
        assertThat(desktop.config().autoAcceptVouched()).isFalse();
        PairingRecord onLaptop = laptop.pairing(DeviceId.of("desktop")).orElseThrow();
        PairingRecord onDesktop = desktop.pairing(DeviceId.of("laptop")).orElseThrow();
        assertThat(onLaptop.keys().send()).isEqualTo(onDesktop.keys().receive());
        assertThat(onLaptop.trust()).isEqualTo(TrustLevel.TRUSTED);
        assertThat(onDesktop.trust()).isEqualTo(TrustLevel.UNRELIABLE);
        PairingRecord pad = desktop.pairing(DeviceId.of("pad")).orElseThrow();
        assertThat(pad.type()).isEqualTo(PairingType.PROXIED);
        assertThat(pad.chainText()).isEqualTo("desktop>laptop>pad");
    }

    @Test
    void badSetupAndConfigNameTheOffendingKey() {
        Map<String, Object> s = new HashMap<>(setup());
        s.put("profile", "paranoid");
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.path()).contains("/setup/profile"));
        s.put("profile", "spacedrive");
        s.put("pairings", List.of(Map.of("a", "laptop", "b", "nobody")));
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.path()).contains("/setup/pairings/0/b"));
        s.put("pairings", List.of(Map.of("a", "laptop", "b", "desktop", "trust-a", "sort-of")));
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(s, Optional.empty())))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.path()).contains("/setup/pairings/0/trust-a"));
        BindingContext ok = ctx(setup(), Optional.empty());
        assertThatThrownBy(() -> BINDING.createRole(new DeviceSpec("x", "device", Map.of("auto_accept", true),
                false), ok)).isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.path()).contains("config/auto_accept"));
        assertThatThrownBy(() -> BINDING.createRole(new DeviceSpec("x", "device",
                Map.of("vouch_response_timeout", "0s"), false), ok)).isInstanceOf(ScenarioException.class);
        assertThatThrownBy(() -> BINDING.createRole(new DeviceSpec("x", "bystander", Map.of(), false), ok))
                .isInstanceOf(ScenarioException.class);
    }

    @Test
    void mutantsAreNamedWithTheProtocolPrefix() {
        assertThat(BINDING.createRole(DEVICES.get(0), ctx(setup(), Optional.of("vouch.no-replay-cache"))))
                .isInstanceOf(VouchDevice.class);
        assertThatThrownBy(() -> BINDING.createRole(DEVICES.get(0), ctx(setup(), Optional.of("no-replay-cache"))))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("vouch.no-replay-cache");
    }

    private static List<TraceEvent> learned(RunResult r) {
        return r.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "learned")
                && VouchBinding.PROXIED_SESSION_KEY.equals(e.field("kind")));
    }

    private static List<String> heldBy(RunResult r, String node) {
        return r.trace().select(e -> e.is(TraceEvent.Kind.AUDIT, "holds-proxied-key") && e.node().equals(node))
                .stream().map(e -> e.field("key-fp")).toList();
    }

    @Test
    void aCompromisedSpacedriveVoucherExposesTheHonestPairsKeyButAHardenedOneDoesNot() {
        RunResult spacedrive = ScenarioRunner.run(ScenarioLoader.load(DIR.resolve("compromised-voucher-key.yaml")), 7);
        assertThat(spacedrive.roleErrors()).isEmpty();
        // The desktop-phone key, opened from the request the laptop sealed for the desktop.
        assertThat(learned(spacedrive).stream().map(e -> e.field("fingerprint")))
                .containsAnyElementsOf(heldBy(spacedrive, "desktop"));
        RunResult hardened = ScenarioRunner.run(ScenarioLoader.load(
                DIR.resolve("compromised-voucher-key-hardened.yaml")), 7);
        assertThat(heldBy(hardened, "desktop")).isNotEmpty();
        assertThat(learned(hardened).stream().map(e -> e.field("fingerprint")))
                .doesNotContainAnyElementsOf(heldBy(hardened, "desktop"));
        // Its own vouchee's key with the tablet is the only one it learns there.
        assertThat(learned(hardened)).extracting(e -> e.field("fingerprint"))
                .containsExactlyElementsOf(heldBy(hardened, "tablet"));
    }

    @Test
    void theRandomAttackerUsesTheForgeryMenuWithoutBreakingAnyRole() throws Exception {
        String yaml = Files.readString(DIR.resolve("target-offline-1h.yaml"))
                + "attacker:\n  strategy: random\n  random: {rate: 0.5, ops: [inject, replay, drop, duplicate, tamper]}\n";
        Path file = Files.createTempFile("vouch-random", ".yaml");
        try {
            Files.writeString(file, yaml);
            Scenario s = ScenarioLoader.load(file);
            int injections = 0;
            for (long seed = 1; seed <= 6; seed++) {
                RunResult r = ScenarioRunner.run(s, seed);
                assertThat(r.roleErrors()).as("seed %d", seed).isEmpty();
                injections += r.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "inject")).size();
                assertThat(ScenarioRunner.run(s, seed).traceSha256()).isEqualTo(r.traceSha256());
            }
            assertThat(injections).isPositive();
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Re-signing an observed vouch needs the key of whoever vouched, which only the run shows: without it the step
     * is recorded as not made and nothing is sent (before, the vouch went out unchanged, a replay in disguise).
     */
    @Test
    void reSigningAnObservedVouchNeedsTheVouchersKey() {
        String base = """
                protocol: vouch
                seed: 4
                devices:
                  - {name: laptop, role: voucher}
                  - {name: phone, role: vouchee}
                  - {name: desktop, role: receiver}
                  - {name: tablet, role: receiver}
                setup:
                  profile: hardened
                  pairings:
                    - {a: laptop, b: phone}
                    - {a: laptop, b: desktop}
                    - {a: laptop, b: tablet}
                actions:
                  - {at: 10s, device: laptop, action: network.pair.vouch, args: {vouchee: phone, targets: desktop}}
                attacker:
                  steps:
                    - {at: 30s, op: inject, to: tablet, from: laptop, message: {type: observed-request, resign-for: tablet}}
                end: 2m
                """;
        ScenarioRunner runner = new ScenarioRunner(ProtocolBindings.standard(), (id, t) -> Optional.empty());
        ScenarioLoader loader = new ScenarioLoader(ProtocolBindings.standard());
        RunResult refused = runner.execute(loader.parse(base, "s.yaml"));
        List<TraceEvent> notMade = refused.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "inject-refused"));
        assertThat(notMade).singleElement().satisfies(e -> {
            assertThat(e.field("key")).isEqualTo("laptop@0");
            assertThat(e.field("reason")).isEqualTo("key-not-held");
        });
        assertThat(refused.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "inject"))).isEmpty();

        RunResult made = runner.execute(loader.parse(base.replace("  steps:\n",
                "  compromise: [{device: laptop, at: 0s}]\n  steps:\n"), "s.yaml"));
        assertThat(made.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "inject-refused"))).isEmpty();
        assertThat(made.trace().select(e -> e.is(TraceEvent.Kind.ATTACKER, "inject"))).hasSize(1);
    }

    /**
     * A copy of an observed vouch can carry another key under the voucher's signature: {@code sent-to} picks the
     * vouch meant for the copy's target (the latest one went to another), {@code vouchee-key} swaps the key. Only
     * where the signature leaves the key out does the copy verify, and then the target stores the attacker's key.
     */
    @Test
    void aCopyWithASwappedVoucheeKeyVerifiesOnlyWhereTheSignatureLeavesTheKeyOut() {
        String text = """
                protocol: vouch
                seed: 4
                devices:
                  - {name: laptop, role: voucher}
                  - {name: phone, role: vouchee}
                  - {name: desktop, role: receiver}
                  - {name: tablet, role: receiver}
                setup:
                  profile: hardened
                  pairings:
                    - {a: laptop, b: phone}
                    - {a: laptop, b: desktop}
                    - {a: laptop, b: tablet}
                actions:
                  - {at: 10s, device: laptop, action: network.pair.vouch, args: {vouchee: phone, targets: "desktop,tablet"}}
                attacker:
                  steps:
                    - {at: 10s, op: drop, match: {from: laptop, to: desktop, tag: ProxyPairingRequest}, count: 1}
                    - {at: 11s, op: inject, to: desktop, from: laptop, message: {type: observed-request, sent-to: desktop, vouchee-key: attacker}}
                end: 1m
                """;
        ScenarioRunner runner = new ScenarioRunner(ProtocolBindings.standard(), (id, t) -> Optional.empty());
        Scenario scenario = new ScenarioLoader(ProtocolBindings.standard()).parse(text, "s.yaml");
        RunResult honest = runner.execute(scenario);
        assertThat(honest.trace().select(e -> e.is(TraceEvent.Kind.OUTCOME, "proxy-pairing")
                && e.node().equals("desktop")).get(0).field("reason")).isEqualTo("VOUCH_SIGNATURE_INVALID");
        RunResult broken = runner.execute(scenario.withMutant(Optional.of("vouch.unsigned-vouchee-key")));
        String attackerKey = org.trustlab.reference.crypto.DeterministicKeys.ed25519(0, "attacker", 0).fingerprint();
        assertThat(broken.trace().select(e -> e.is(TraceEvent.Kind.AUDIT, "pairing-stored")
                && e.node().equals("desktop") && "phone".equals(e.field("peer"))))
                .first().satisfies(e -> assertThat(e.field("peer-key")).isEqualTo(attackerKey));
    }
}
