package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.echo.EchoMessage;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * Every way the loader refuses a scenario, each with the exact place. A case writes {@code §} just before the
 * offending text; the test takes the marker out, works out its {@code line:column}, and the error must be
 * {@code s.yaml:line:column: what is wrong}. (The common cases are in {@link ScenarioLoaderTest}.)
 */
class ScenarioErrorLocationsTest {
    private static final String HEAD = """
            name: x
            protocol: ping
            devices:
              - {name: a, role: node}
              - {name: e, role: node, attacker: true}
            """;
    private static final String MARK = "§";

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // document and top level
        c.add(of("root is a list", "§- a\n- b\n", "the scenario must be a map, got a list"));
        c.add(of("two documents", HEAD + "---\n§name: y\n", "more than one YAML document"));
        c.add(of("empty name", HEAD.replace("name: x", "name: §''"), "'name' must be a non-empty string, got ''"));
        c.add(of("protocol a number", HEAD.replace("protocol: ping", "protocol: §5"),
                "'protocol' must be a non-empty string, got 5"));
        c.add(of("keys not a map", HEAD + "keys: §7\n", "'keys' must be a map, got 7"));
        c.add(of("key seed a decimal", HEAD + "keys: {seed: §1.5}\n", "'seed' must be an integer, got 1.5"));
        c.add(of("unknown key under keys", HEAD + "keys: {§colour: red}\n", "unknown key 'colour'"));
        c.add(of("mutant a list", HEAD + "mutant: §[x]\n", "'mutant' must be a non-empty string, got a list"));
        c.add(of("bad epoch", HEAD + "epoch: §yesterday\n", "'epoch' must be an ISO-8601 instant"));
        c.add(of("bad end", HEAD + "end: §-5m\n", "'end' must be a duration"));
        c.add(of("setup a list", HEAD + "setup: §[1]\n", "'setup' must be a map, got a list"));
        // devices
        c.add(of("no devices", "protocol: ping\ndevices: §[]\n", "a scenario needs at least one device"));
        c.add(of("devices a map", "protocol: ping\ndevices: §{a: 1}\n", "'devices' must be a list, got a map"));
        c.add(of("device a string", "protocol: ping\ndevices:\n  - §a\n", "'devices[0]' must be a map, got 'a'"));
        c.add(of("device name pattern", "protocol: ping\ndevices:\n  - {name: §_x, role: node}\n",
                "device name '_x' must match"));
        c.add(of("device without name", "protocol: ping\ndevices:\n  - §{role: node}\n",
                "missing required key 'name'"));
        c.add(of("device without role", "protocol: ping\ndevices:\n  - §{name: a}\n",
                "missing required key 'role'"));
        c.add(of("attacker flag a number", device("attacker: §1"), "'attacker' must be true or false, got 1"));
        c.add(of("mailbox a string", device("mailbox: §'yes'"), "'mailbox' must be true or false, got 'yes'"));
        c.add(of("config a list", device("config: §[1]"), "'config' must be a map, got a list"));
        c.add(of("clock a string", device("clock: §fast"), "'clock' must be a map, got 'fast'"));
        c.add(of("unknown clock key", device("clock: {§skew: 1s}"), "unknown key 'skew'"));
        c.add(of("drift not a number", device("clock: {drift-ppm: §fast}"),
                "'drift-ppm' must be a number, got 'fast'"));
        c.add(of("drift out of range", device("clock: {drift-ppm: §1000000}"), "drift-ppm must be within"));
        c.add(of("online a map", device("online: §{from: 1s}"), "'online' must be a list, got a map"));
        c.add(of("window a string", device("online: [§always]"), "'online[0]' must be a map, got 'always'"));
        c.add(of("window ends at its start", device("online: [{from: 5s, to: §5s}]"),
                "an online window must end after it starts"));
        c.add(of("window bad duration", device("online: [{from: §soon}]"), "'from' must be a duration"));
        // network
        c.add(of("network a string", HEAD + "network: §fast\n", "'network' must be a map, got 'fast'"));
        c.add(of("latency without dist", HEAD + "network: {latency: §{value: 1s}}\n", "missing required key 'dist'"));
        c.add(of("constant without value", HEAD + "network: {latency: §{dist: constant}}\n",
                "missing required key 'value'"));
        c.add(of("uniform max = min", HEAD + "network: {latency: {dist: uniform, min: 5ms, max: §5ms}}\n",
                "uniform latency needs max > min"));
        c.add(of("exponential mean zero", HEAD + "network: {latency: {dist: exponential, mean: §0s}}\n",
                "exponential latency needs a positive mean"));
        c.add(of("lognormal median zero", HEAD + "network: {latency: {dist: lognormal, median: §0ms, sigma: 1}}\n",
                "log-normal latency needs a positive median"));
        c.add(of("lognormal sigma zero", HEAD + "network: {latency: {dist: lognormal, median: 5ms, sigma: §0}}\n",
                "sigma must be positive"));
        c.add(of("lognormal sigma text", HEAD + "network: {latency: {dist: lognormal, median: 5ms, sigma: §wide}}\n",
                "'sigma' must be a number, got 'wide'"));
        c.add(of("unknown key in a latency", HEAD + "network: {latency: {dist: constant, value: 1s, §min: 1s}}\n",
                "unknown key 'min' (expected one of dist, value)"));
        c.add(of("negative loss", HEAD + "network: {loss: §-0.1}\n", "'loss' must be a probability"));
        c.add(of("reorder a string", HEAD + "network: {reorder: §often}\n",
                "'reorder' must be a number, got 'often'"));
        c.add(of("bad reorder-delay", HEAD + "network: {reorder-delay: §1}\n", "'reorder-delay' must be a duration"));
        c.add(of("links a map", HEAD + "network: {links: §{from: a}}\n", "'links' must be a list, got a map"));
        c.add(of("link to an unknown device", HEAD + "network: {links: [{from: §zed, to: a}]}\n",
                "unknown device 'zed' (devices: a, e)"));
        c.add(of("link without to", HEAD + "network: {links: [§{from: a}]}\n", "missing required key 'to'"));
        c.add(of("link duplicate over one", HEAD + "network: {links: [{from: a, to: '*', duplicate: §2}]}\n",
                "'duplicate' must be a probability between 0 and 1, got 2"));
        c.add(of("partition heals before it starts", HEAD + "network: {partitions: [{at: 5s, heal: §1s, "
                + "groups: [[a]]}]}\n", "a partition must heal after it starts"));
        c.add(of("partition without groups", HEAD + "network: {partitions: [§{at: 5s}]}\n",
                "missing required key 'groups'"));
        c.add(of("group not a list", HEAD + "network: {partitions: [{at: 1s, groups: [§a]}]}\n",
                "'groups[0]' must be a list, got 'a'"));
        c.add(of("device in two groups", HEAD + "network: {partitions: [{at: 1s, groups: [[a], [e, §a]]}]}\n",
                "device 'a' is in two groups"));
        c.add(of("unknown device in a group", HEAD + "network: {partitions: [{at: 1s, groups: [[§zed]]}]}\n",
                "unknown device 'zed'"));
        // crashes and actions
        c.add(of("crash of an unknown device", HEAD + "crashes: [{device: §zed, at: 1s}]\n", "unknown device 'zed'"));
        c.add(of("crash without at", HEAD + "crashes: [§{device: a}]\n", "missing required key 'at'"));
        c.add(of("action without action", HEAD + "actions: [§{at: 1s, device: a}]\n",
                "missing required key 'action'"));
        c.add(of("action args a list", HEAD + "actions: [{at: 1s, device: a, action: ping, args: §[1]}]\n",
                "'args' must be a map, got a list"));
        c.add(of("action arg a map", HEAD + "actions: [{at: 1s, device: a, action: ping, args: {to: §{x: 1}}}]\n",
                "'to' must be a string, number or boolean, got a map"));
        // attacker
        c.add(of("attacker a list", HEAD + "attacker: §[drop]\n", "'attacker' must be a map, got a list"));
        c.add(of("unknown strategy", HEAD + "attacker: {strategy: §sneaky}\n",
                "unknown strategy 'sneaky' (expected none, scripted or random)"));
        c.add(of("strategy none with steps", HEAD + "attacker: {strategy: §none, steps: [{op: drop}]}\n",
                "strategy 'none' takes no steps"));
        c.add(of("random a list", HEAD + "attacker: {random: §[1]}\n", "'random' must be a map, got a list"));
        c.add(of("random rate over one", HEAD + "attacker: {random: {rate: §2}}\n", "'rate' must be a probability"));
        c.add(of("random ops a string", HEAD + "attacker: {random: {ops: §drop}}\n",
                "'ops' must be a list, got 'drop'"));
        c.add(of("unknown random op", HEAD + "attacker: {random: {ops: [drop, §sneeze]}}\n",
                "unknown attacker op 'sneeze'"));
        c.add(of("bad random max-delay", HEAD + "attacker: {random: {max-delay: §long}}\n",
                "'max-delay' must be a duration"));
        c.add(of("compromise of an unknown device", HEAD + "attacker: {compromise: [{device: §zed}]}\n",
                "unknown device 'zed'"));
        c.add(of("negative key generation", HEAD + "attacker: {compromise: [{device: a, generation: §-1}]}\n",
                "generation must be a non-negative integer"));
        c.add(of("step without op", HEAD + "attacker: {steps: [§{at: 1s}]}\n", "missing required key 'op'"));
        c.add(of("step a string", HEAD + "attacker: {steps: [§drop]}\n", "'steps[0]' must be a map, got 'drop'"));
        c.add(of("delay without by", HEAD + "attacker: {steps: [§{op: delay}]}\n", "missing required key 'by'"));
        c.add(of("redirect without to", HEAD + "attacker: {steps: [§{op: redirect}]}\n",
                "missing required key 'to'"));
        c.add(of("redirect to an unknown device", HEAD + "attacker: {steps: [{op: redirect, to: §zed}]}\n",
                "unknown device 'zed'"));
        c.add(of("zero count", HEAD + "attacker: {steps: [{op: drop, count: §0}]}\n",
                "count must be a positive integer"));
        c.add(of("step time not a duration", HEAD + "attacker: {steps: [{op: drop, at: §later}]}\n",
                "'at' must be a duration"));
        c.add(of("option of another op", HEAD + "attacker: {steps: [{op: drop, §by: 1s}]}\n",
                "unknown key 'by' (expected one of at, op, match, count)"));
        c.add(of("match a string", HEAD + "attacker: {steps: [{op: drop, match: §all}]}\n",
                "'match' must be a map, got 'all'"));
        c.add(of("match an unknown device", HEAD + "attacker: {steps: [{op: drop, match: {from: §zed}}]}\n",
                "unknown device 'zed'"));
        c.add(of("tamper with nothing", HEAD + "attacker: {steps: [§{op: tamper}]}\n",
                "tamper needs 'flip' or 'substitute'"));
        c.add(of("negative flip", HEAD + "attacker: {steps: [{op: tamper, flip: §-3}]}\n",
                "flip takes a bit index >= 0 or 'random'"));
        c.add(of("flip a word", HEAD + "attacker: {steps: [{op: tamper, flip: §lots}]}\n",
                "'flip' must be an integer, got 'lots'"));
        c.add(of("substitute without field", HEAD + "attacker: {steps: [{op: tamper, substitute: §{value: '00'}}]}\n",
                "missing required key 'field'"));
        c.add(of("substitute value not hex", HEAD + "attacker: {steps: [{op: tamper, substitute: {field: 1, "
                + "value: §xyz}}]}\n", "value must be hex bytes"));
        c.add(of("substitute value and copy-from", HEAD + "attacker: {steps: [{op: tamper, substitute: §{field: 1, "
                + "value: '00', copy-from: last}}]}\n", "substitute needs exactly one of 'value' or 'copy-from'"));
        c.add(of("substitute neither", HEAD + "attacker: {steps: [{op: tamper, substitute: §{field: 1}}]}\n",
                "substitute needs exactly one of 'value' or 'copy-from'"));
        c.add(of("substitute field out of range", HEAD + "attacker: {steps: [{op: tamper, substitute: {field: "
                + "§2000, value: '00'}}]}\n", "field indices are between 0 and 1024"));
        c.add(of("replay to an unknown device", HEAD + "attacker: {steps: [{op: replay, to: §zed}]}\n",
                "unknown device 'zed'"));
        c.add(of("replay msg a number", HEAD + "attacker: {steps: [{op: replay, msg: §7}]}\n",
                "'msg' must be a non-empty string, got 7"));
        c.add(of("inject without message", HEAD + "attacker: {steps: [§{op: inject, to: a}]}\n",
                "missing required key 'message'"));
        c.add(of("inject message a string", HEAD + "attacker: {steps: [{op: inject, to: a, message: §hello}]}\n",
                "'message' must be a map, got 'hello'"));
        c.add(of("register without device", HEAD + "attacker: {steps: [§{op: register}]}\n",
                "missing required key 'device'"));
        // expectations
        c.add(of("expect a map", HEAD + "expect: §{device: a}\n", "'expect' must be a list, got a map"));
        c.add(of("expectation of nothing", HEAD + "expect: [§{device: a}]\n",
                "an expectation names an 'outcome', an 'audit', an 'invariant', or is a 'never'"));
        c.add(of("outcome without device", HEAD + "expect: [§{outcome: pong-received}]\n", "missing required key 'device'"));
        c.add(of("unknown result", HEAD + "expect: [{device: a, outcome: pong-received, result: §maybe}]\n",
                "result must be accepted, rejected, none or any, not 'maybe'"));
        c.add(of("result none with a reason", HEAD + "expect: [{device: a, outcome: pong-received, result: none, reason: §UNKNOWN_PING}]\n",
                "an outcome expected never to happen has no reason"));
        c.add(of("audit of an unknown device", HEAD + "expect: [{device: §zed, audit: x}]\n",
                "unknown device 'zed'"));
        c.add(of("invariant without holds", HEAD + "expect: [§{invariant: ping.pong-answers-ping}]\n", "missing required key 'holds'"));
        c.add(of("holds a string", HEAD + "expect: [{invariant: ping.pong-answers-ping, holds: §'true'}]\n",
                "'holds' must be true or false, got 'true'"));
        c.add(of("reason of an invariant", HEAD
                + "expect: [{invariant: ping.pong-answers-ping, holds: true, §reason: R}]\n",
                "unknown key 'reason' (expected one of invariant, holds, vacuous)"));
        c.add(of("holds and vacuous at once", HEAD
                + "expect: [{invariant: ping.pong-answers-ping, holds: true, vacuous: §true}]\n",
                "an invariant expectation says 'holds' or 'vacuous', not both"));
        c.add(of("vacuous false", HEAD + "expect: [{invariant: ping.pong-answers-ping, vacuous: §false}]\n",
                "'vacuous' can only be true; an invariant judged on the run says 'holds'"));
        c.add(of("neither holds nor vacuous", HEAD + "expect: [§{invariant: ping.pong-answers-ping}]\n",
                "missing required key 'holds'"));
        // the expectation language: counts, never, order
        String pong = "{device: a, outcome: pong-received";
        c.add(of("outcome and audit at once", HEAD + "expect: [" + pong + ", §audit: ping-sent}]\n",
                "unknown key 'audit' (expected one of device, outcome, result, reason,"));
        c.add(of("accepted with a reason", HEAD + "expect: [" + pong + ", result: accepted, reason: §UNKNOWN_PING}]\n",
                "an accepted outcome has no reason"));
        c.add(of("count with at-least", HEAD + "expect: [" + pong + ", count: §1, at-least: 1}]\n",
                "'count' is exact; it goes without 'at-least' and 'at-most'"));
        c.add(of("at-most below at-least", HEAD + "expect: [" + pong + ", at-least: 3, at-most: §2}]\n",
                "at-most 2 is below at-least 3"));
        c.add(of("at-most zero", HEAD + "expect: [" + pong + ", at-most: §0}]\n", "'at-most: 0' is written 'never:'"));
        c.add(of("at-least zero", HEAD + "expect: [" + pong + ", at-least: §0}]\n", "'at-least: 0' expects nothing"));
        c.add(of("negative count", HEAD + "expect: [" + pong + ", count: §-1}]\n", "'count' must be a count >= 0"));
        c.add(of("result none with a count", HEAD + "expect: [" + pong + ", result: §none, count: 2}]\n",
                "'result: none' says never; it takes no count"));
        c.add(of("result none with an order", HEAD + "expect: [{id: x, device: a, audit: ping-sent}, " + pong
                + ", result: none, after: §x}]\n", "an event that must never happen has no order"));
        c.add(of("order in a never", HEAD + "expect: [{never: {device: a, outcome: pong-received, §after: x}}]\n",
                "unknown key 'after'"));
        c.add(of("before and after", HEAD + "expect: [{id: x, device: a, audit: ping-sent}, " + pong
                + ", before: x, after: §x}]\n", "an expectation is ordered 'before' or 'after' one other, not both"));
        c.add(of("two labels alike", HEAD + "expect: [{id: x, device: a, audit: ping-sent}, {id: §x, device: a,"
                + " audit: ping-sent}]\n", "two expectations are labelled 'x'"));
        c.add(of("order against an unknown label", HEAD + "expect: [{id: sent, device: a, audit: ping-sent}, " + pong
                + ", after: §snet}]\n", "unknown expectation id 'snet' (did you mean 'sent'?)"));
        c.add(of("order against itself", HEAD + "expect: [{id: x, device: a, audit: ping-sent, before: §x}]\n",
                "an expectation cannot be ordered against itself"));
        c.add(of("result none inside never", HEAD + "expect: [{never: {device: a, outcome: pong-received, result:"
                + " §none}}]\n", "'result: none' is the older spelling of never"));
        c.add(of("never of nothing", HEAD + "expect: [{never: §{device: a}}]\n",
                "an event expectation names one 'outcome' or one 'audit'"));
        c.add(of("an argument for an action that takes none", HEAD.replace("protocol: ping", "protocol: echo")
                + "actions: [{at: 1s, device: a, action: send, args: {to: e, §colour: red}}]\n",
                "unknown argument 'colour' of send (it takes count, gap, to)"));
        c.add(of("a malformed signing key", HEAD + "attacker: {steps: [{op: inject, to: a, message: {type: ping,"
                + " sign-as: §a@x}}]}\n", "a signing key is 'attacker' or device[@generation], not 'a@x'"));
        c.add(of("a key generation not compromised", HEAD + "attacker: {compromise: [{device: a, generation: 1}],"
                + " steps: [{op: inject, to: a, message: {type: ping, sign-as: §a}}]}\n",
                "the attacker does not hold a's generation-0 key at 0s"));
        // the protocol's own checks, located by the loader
        c.add(of("ping config of the wrong type", device("config: {sign: §maybe}"), "'sign' must be true or false"));
        return c.stream();
    }

    /** HEAD with device a given one more entry. */
    private static String device(String entry) {
        return HEAD.replace("{name: a, role: node}", "{name: a, role: node, " + entry + "}");
    }

    private static Arguments of(String name, String markedYaml, String what) {
        return Arguments.of(name, markedYaml, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saysWhereAndWhat(String name, String markedYaml, String what) {
        int at = markedYaml.indexOf(MARK);
        assertThat(at).as("%s marks the place", name).isNotNegative();
        assertThat(markedYaml.indexOf(MARK, at + 1)).as("one mark").isNegative();
        String before = markedYaml.substring(0, at);
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int column = at - (before.lastIndexOf('\n') + 1) + 1;
        String yaml = markedYaml.replace(MARK, "");

        ScenarioException e = error(yaml, EchoBinding.bindings());
        assertThat(e.getMessage()).as(name).startsWith("s.yaml:" + line + ":" + column + ": " + what);
        assertThat(e.location()).contains(new ScenarioException.Location("s.yaml", line, column));
    }

    /** A binding that fails with a plain exception (a defect) still gets a located error, at the device. */
    @Test
    void aBindingThatThrowsSomethingElseIsStillLocated() {
        ProtocolBinding<EchoMessage> broken = new ProtocolBinding<>() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public WireCodec<EchoMessage> codec() {
                return new EchoBinding().codec();
            }

            @Override
            public org.trustlab.simulator.protocol.Vocabulary vocabulary() {
                return new EchoBinding().vocabulary();
            }

            @Override
            public Role<EchoMessage> createRole(DeviceSpec device, BindingContext ctx) {
                throw new IllegalArgumentException("no roles today");
            }

            @Override
            public EchoMessage forge(Map<String, Object> spec, AttackerContext<EchoMessage> ctx) {
                throw new UnsupportedOperationException();
            }
        };
        ScenarioException e = error("protocol: broken\ndevices:\n  - {name: a, role: x}\n",
                ProtocolBindings.empty().with(broken));
        assertThat(e.getMessage()).isEqualTo(
                "s.yaml:3:5: device 'a': java.lang.IllegalArgumentException: no roles today");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScenarioException error(String yaml, ProtocolBindings bindings) {
        try {
            new ScenarioLoader(bindings).parse(yaml, "s.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("loaded without error:\n" + yaml);
    }
}
