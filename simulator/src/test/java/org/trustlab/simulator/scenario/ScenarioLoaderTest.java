package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.protocol.ScenarioException;

/** A bad scenario file says where and what: {@code file:line:column: what is wrong}. */
class ScenarioLoaderTest {
    private static final String GOOD_HEAD = "name: x\nprotocol: ping\ndevices:\n  - name: a\n    role: node\n";

    private static ScenarioException error(String yaml) {
        try {
            new ScenarioLoader(EchoBinding.bindings()).parse(yaml, "bad.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("loaded without error:\n" + yaml);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad YAML syntax         | name: x\\nprotocol: ping\\ndevices:\\n  - name: a\\n    role: node\\n   bad: [1, 2\\n | bad.yaml:6:4: malformed YAML
            unterminated string     | name: "x\\n                                                                 | bad.yaml:2:1: malformed YAML
            unknown top-level key   | name: x\\nprotocl: ping\\n                                                    | bad.yaml:2:1: unknown key 'protocl'
            unknown device key      | HEAD    colour: red\\n                                                       | bad.yaml:6:5: unknown key 'colour'
            wrong type              | name: x\\nprotocol: ping\\nseed: many\\ndevices: []\\n                       | bad.yaml:3:7: 'seed' must be an integer, got 'many'
            wrong type for a list   | HEADactions: {at: 1s}\\n                                                     | bad.yaml:6:10: 'actions' must be a list, got a map
            unknown device          | HEADactions:\\n  - {at: 1s, device: zed, action: ping}\\n                     | bad.yaml:7:22: unknown device 'zed' (devices: a)
            unknown device in steps | HEADattacker:\\n  steps:\\n    - {op: redirect, to: bob}\\n                 | bad.yaml:8:26: unknown device 'bob'
            bad duration            | HEADcrashes:\\n  - device: a\\n    at: 5 minutes\\n                           | bad.yaml:8:9: 'at' must be a duration like 250ms, 30s, 5m, 2h or 8d, got '5 minutes'
            bad clock offset        | HEAD    clock: {offset: soon}\\n                                             | bad.yaml:6:21: 'offset' must be a signed duration
            probability over one    | HEADnetwork: {loss: 1.5}\\n                                                  | bad.yaml:6:17: 'loss' must be a probability between 0 and 1, got 1.5
            unknown distribution    | HEADnetwork:\\n  latency: {dist: pareto}\\n                                  | bad.yaml:7:19: unknown latency distribution 'pareto'
            unknown attacker op     | HEADattacker:\\n  steps:\\n    - {op: sneeze}\\n                            | bad.yaml:8:12: unknown attacker op 'sneeze'
            duplicate key           | name: x\\nname: y\\n                                                          | bad.yaml:2:1: duplicate key 'name'
            duplicate device        | HEAD  - name: a\\n    role: node\\n                                          | bad.yaml:6:11: duplicate device name 'a'
            reserved device name    | name: x\\nprotocol: ping\\ndevices:\\n  - {name: attacker, role: node}\\n       | bad.yaml:4:12: 'attacker' is reserved
            missing key             | name: x\\ndevices:\\n  - {name: a, role: node}\\n                            | bad.yaml:1:1: missing required key 'protocol'
            unknown protocol        | name: x\\nprotocol: pong\\ndevices:\\n  - {name: a, role: node}\\n           | bad.yaml:2:11: unknown protocol 'pong' (did you mean 'ping'?
            config the role refuses | HEAD    config: {timeout: soon}\\n                                           | bad.yaml:6:23: 'timeout' must be a duration
            unknown config key      | HEAD    config: {colour: red}\\n                                             | bad.yaml:6:14: unknown key 'colour'
            role the binding lacks  | name: x\\nprotocol: ping\\ndevices:\\n  - {name: a, role: pinger}\\n          | bad.yaml:4:21: ping devices have role 'node', not 'pinger'
            unknown mutant          | HEADmutant: ping.nothing\\n                                                  | bad.yaml:6:9: unknown ping mutant 'ping.nothing'
            register an honest one  | HEADattacker:\\n  steps:\\n    - {op: register, device: a}\\n               | bad.yaml:8:30: only a device with 'attacker: true' can be registered
            overlapping windows     | HEAD    online: [{from: 0s, to: 10s}, {from: 5s}]\\n                        | bad.yaml:6:42: online windows must be in order
            restart before crash    | HEADcrashes:\\n  - {device: a, at: 5s, restart: 1s}\\n                       | bad.yaml:7:34: a device restarts after it crashes
            quiesce without within  | HEADquiesce: {at: 5s}\\n                                                    | bad.yaml:6:10: missing required key 'within'
            quiesce within zero     | HEADquiesce: {at: 5s, within: 0s}\\n                                        | bad.yaml:6:27: 'within' must be a positive duration
            quiesce within negative | HEADquiesce: {at: 5s, within: -1s}\\n                                       | bad.yaml:6:27: 'within' must be
            quiesce past the end    | HEADend: 10s\\nquiesce: {at: 5s, within: 6s}\\n                           | bad.yaml:7:27: the liveness phase must end by the scenario's end
            empty file              | ''                                                                          | bad.yaml:1:1: the scenario file is empty
            """)
    void malformedScenariosSayWhereAndWhat(String what, String yaml, String expected) {
        String text = yaml.equals("''") ? "" : yaml.replace("HEAD", GOOD_HEAD).replace("\\n", "\n");
        ScenarioException e = error(text);
        assertThat(e.getMessage()).as(what).startsWith(expected);
        assertThat(e.location()).isPresent();
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, GOOD_HEAD + "end: forever\n");
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ":6:6: 'end' must be a duration");
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("missing.yaml")))
                .hasMessageStartingWith(dir.resolve("missing.yaml") + ":1:1: cannot read the scenario");
        Path ok = dir.resolve("fine.yaml");
        Files.writeString(ok, GOOD_HEAD);
        assertThat(ScenarioLoader.load(ok).name()).isEqualTo("x");
        Files.writeString(ok, GOOD_HEAD.replace("name: x\n", ""));
        assertThat(ScenarioLoader.load(ok).name()).as("named after the file").isEqualTo("fine");
    }

    @Test
    void defaultsAreFilledIn() {
        Scenario s = Sim.scenario(GOOD_HEAD);
        assertThat(s.seed()).isZero();
        assertThat(s.keySeed()).isZero();
        assertThat(s.epoch()).isEqualTo(Scenario.DEFAULT_EPOCH);
        assertThat(s.end()).isEqualTo(Scenario.DEFAULT_END);
        assertThat(s.network()).isEqualTo(NetworkSpec.DEFAULT);
        assertThat(s.attacker()).isEmpty();
        assertThat(s.devices().get(0).online()).isEmpty();
    }

    /** An error found mid-run (a forged message the protocol refuses) is located in the file afterwards. */
    @Test
    void runTimeErrorsAreLocatedInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("forge.yaml");
        Files.writeString(file, GOOD_HEAD + """
                attacker:
                  steps:
                    - op: inject
                      to: a
                      message: {type: ping, nonce: zz}
                """);
        Scenario s = ScenarioLoader.load(file);
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioRunner.run(s, 0));
        assertThat(e.path()).contains("/attacker/steps/0/message/nonce");
        assertThat(ScenarioLoader.locate(file, e).getMessage())
                .isEqualTo(file + ":10:36: nonce must be 'fresh', 'last-ping' or lower-case hex");
    }
}
