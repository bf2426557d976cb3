package org.trustlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.simulator.protocol.Durations;

/**
 * Writes a {@link Scenario} as YAML that {@link ScenarioLoader} reads back to an equal scenario: campaigns write
 * shrunk counterexamples this way, and a reviewer replays them with {@code trustlab replay}.
 */
public final class ScenarioWriter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "10" written bare would read back as a number, not the string it was.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private ScenarioWriter() {}

    public static String toYaml(Scenario s) {
        try {
            return YAML.writeValueAsString(tree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree is plain maps, lists and scalars", e);
        }
    }

    /** Writes to a temporary file and moves it into place, so a reader never sees half a scenario. */
    public static void write(Scenario s, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, toYaml(s), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Map<String, Object> tree(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("protocol", s.protocol());
        m.put("seed", s.seed());
        m.put("keys", Map.of("seed", s.keySeed()));
        s.mutant().ifPresent(x -> m.put("mutant", x));
        m.put("epoch", s.epoch().toString());
        m.put("end", d(s.end()));
        s.quiesce().ifPresent(q -> {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("at", d(q.at()));
            qm.put("within", d(q.within()));
            m.put("quiesce", qm);
        });
        List<Object> devices = new ArrayList<>();
        for (Device dev : s.devices()) {
            devices.add(device(dev));
        }
        m.put("devices", devices);
        if (!s.setup().isEmpty()) {
            m.put("setup", s.setup());
        }
        m.put("network", network(s.network()));
        if (!s.crashes().isEmpty()) {
            List<Object> crashes = new ArrayList<>();
            for (CrashSpec c : s.crashes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("device", c.device());
                cm.put("at", d(c.at()));
                c.restart().ifPresent(r -> cm.put("restart", d(r)));
                crashes.add(cm);
            }
            m.put("crashes", crashes);
        }
        if (!s.actions().isEmpty()) {
            List<Object> actions = new ArrayList<>();
            for (ActionSpec a : s.actions()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("at", d(a.at()));
                am.put("device", a.device());
                am.put("action", a.action());
                if (!a.args().isEmpty()) {
                    am.put("args", a.args());
                }
                actions.add(am);
            }
            m.put("actions", actions);
        }
        s.attacker().ifPresent(a -> m.put("attacker", attacker(a)));
        if (!s.expect().isEmpty()) {
            List<Object> expect = new ArrayList<>();
            for (Expectation e : s.expect()) {
                expect.add(expectation(e));
            }
            m.put("expect", expect);
        }
        return m;
    }

    private static Map<String, Object> device(Device dev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", dev.name());
        m.put("role", dev.spec().role());
        if (!dev.spec().config().isEmpty()) {
            m.put("config", dev.spec().config());
        }
        if (dev.spec().attacker()) {
            m.put("attacker", true);
        }
        if (!dev.clock().equals(Device.ClockSpec.EXACT)) {
            // A fixed key order: Map.of iterates in an order that changes from one JVM to the next.
            Map<String, Object> clock = new LinkedHashMap<>();
            clock.put("offset", Durations.format(dev.clock().offset()));
            clock.put("drift-ppm", dev.clock().driftPpm());
            m.put("clock", clock);
        }
        if (!dev.online().isEmpty()) {
            List<Object> windows = new ArrayList<>();
            for (Device.Window w : dev.online()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("from", d(w.from()));
                w.to().ifPresent(t -> wm.put("to", d(t)));
                windows.add(wm);
            }
            m.put("online", windows);
        }
        if (dev.mailbox()) {
            m.put("mailbox", true);
        }
        return m;
    }

    private static Map<String, Object> network(NetworkSpec n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latency", latency(n.latency()));
        m.put("loss", n.loss());
        m.put("duplicate", n.duplicate());
        m.put("reorder", n.reorder());
        m.put("reorder-delay", d(n.reorderDelay()));
        if (!n.links().isEmpty()) {
            List<Object> links = new ArrayList<>();
            for (NetworkSpec.LinkSpec l : n.links()) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("from", l.from());
                lm.put("to", l.to());
                l.latency().ifPresent(x -> lm.put("latency", latency(x)));
                l.loss().ifPresent(x -> lm.put("loss", x));
                l.duplicate().ifPresent(x -> lm.put("duplicate", x));
                l.reorder().ifPresent(x -> lm.put("reorder", x));
                links.add(lm);
            }
            m.put("links", links);
        }
        if (!n.partitions().isEmpty()) {
            List<Object> partitions = new ArrayList<>();
            for (NetworkSpec.PartitionSpec p : n.partitions()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("at", d(p.at()));
                p.heal().ifPresent(h -> pm.put("heal", d(h)));
                pm.put("groups", p.groups());
                partitions.add(pm);
            }
            m.put("partitions", partitions);
        }
        return m;
    }

    private static Map<String, Object> latency(NetworkSpec.LatencySpec l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l instanceof NetworkSpec.LatencySpec.Constant c) {
            m.put("dist", "constant");
            m.put("value", d(c.value()));
        } else if (l instanceof NetworkSpec.LatencySpec.Uniform u) {
            m.put("dist", "uniform");
            m.put("min", d(u.min()));
            m.put("max", d(u.max()));
        } else if (l instanceof NetworkSpec.LatencySpec.Exponential e) {
            m.put("dist", "exponential");
            m.put("mean", d(e.mean()));
        } else {
            NetworkSpec.LatencySpec.LogNormal ln = (NetworkSpec.LatencySpec.LogNormal) l;
            m.put("dist", "lognormal");
            m.put("median", d(ln.median()));
            m.put("sigma", ln.sigma());
        }
        return m;
    }

    private static Map<String, Object> attacker(AttackerSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", a.strategy().yamlName());
        if (!a.steps().isEmpty()) {
            List<Object> steps = new ArrayList<>();
            for (AttackStep s : a.steps()) {
                steps.add(step(s));
            }
            m.put("steps", steps);
        }
        if (!a.compromise().isEmpty()) {
            List<Object> compromise = new ArrayList<>();
            for (AttackerSpec.Compromise c : a.compromise()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("device", c.device());
                cm.put("generation", c.generation());
                cm.put("at", d(c.at()));
                compromise.add(cm);
            }
            m.put("compromise", compromise);
        }
        // The random settings play no part unless the attacker is random: a scripted counterexample without them
        // reads as what it is.
        if (a.strategy() == AttackerSpec.Strategy.RANDOM) {
            Map<String, Object> random = new LinkedHashMap<>();
            random.put("rate", a.random().rate());
            random.put("ops", a.random().ops().stream().map(AttackStep.Op::yamlName).toList());
            random.put("max-delay", d(a.random().maxDelay()));
            m.put("random", random);
        }
        return m;
    }

    private static Map<String, Object> step(AttackStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", d(s.at()));
        m.put("op", s.op().yamlName());
        if (s instanceof AttackStep.Intercept ic) {
            if (!ic.match().isAny()) {
                m.put("match", match(ic.match()));
            }
            m.put("count", ic.count());
        }
        if (s instanceof AttackStep.Delay x) {
            m.put("by", d(x.by()));
        } else if (s instanceof AttackStep.Duplicate x) {
            m.put("after", d(x.after()));
        } else if (s instanceof AttackStep.Reorder x) {
            m.put("max-hold", d(x.maxHold()));
        } else if (s instanceof AttackStep.Redirect x) {
            m.put("to", x.to());
        } else if (s instanceof AttackStep.Tamper x) {
            x.flip().ifPresent(f -> m.put("flip", f.equals("random") ? f : Long.valueOf(f)));
            x.substitute().ifPresent(sub -> {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("field", sub.field());
                sub.value().ifPresent(v -> sm.put("value", v));
                sub.copyFrom().ifPresent(v -> sm.put("copy-from", v));
                sm.put("copy-field", sub.copyField());
                m.put("substitute", sm);
            });
        } else if (s instanceof AttackStep.Replay x) {
            x.msg().ifPresent(v -> m.put("msg", v));
            if (!x.match().isAny()) {
                m.put("match", match(x.match()));
            }
            x.to().ifPresent(v -> m.put("to", v));
            x.from().ifPresent(v -> m.put("from", v));
        } else if (s instanceof AttackStep.Inject x) {
            m.put("to", x.to());
            m.put("from", x.from());
            m.put("message", x.message());
        } else if (s instanceof AttackStep.Register x) {
            m.put("device", x.device());
            x.action().ifPresent(v -> m.put("action", v));
            if (!x.args().isEmpty()) {
                m.put("args", x.args());
            }
        }
        return m;
    }

    private static Map<String, Object> match(AttackStep.Match match) {
        Map<String, Object> m = new LinkedHashMap<>();
        match.from().ifPresent(v -> m.put("from", v));
        match.to().ifPresent(v -> m.put("to", v));
        match.tag().ifPresent(v -> m.put("tag", v));
        return m;
    }

    private static Map<String, Object> expectation(Expectation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof Expectation.EventExpected ev) {
            if (ev.quantity().isNever()) {
                m.put("never", eventMatch(ev.match()));
                return m;
            }
            ev.id().ifPresent(id -> m.put("id", id));
            m.putAll(eventMatch(ev.match()));
            Expectation.Quantity q = ev.quantity();
            if (q.min() == q.max()) {
                m.put("count", q.min());
            } else if (!q.equals(Expectation.Quantity.SOME)) {
                if (q.min() > 0) {
                    m.put("at-least", q.min());
                }
                if (q.max() >= 0) {
                    m.put("at-most", q.max());
                }
            }
            ev.order().ifPresent(o -> m.put(o.before() ? "before" : "after", o.other()));
        } else {
            Expectation.InvariantExpected i = (Expectation.InvariantExpected) e;
            m.put("invariant", i.invariant());
            if (i.verdict() == InvariantVerdict.VACUOUS) {
                m.put("vacuous", true);
            } else {
                m.put("holds", i.verdict() == InvariantVerdict.HELD);
            }
        }
        return m;
    }

    private static Map<String, Object> eventMatch(Expectation.Match match) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", match.device());
        m.put(match.source().yamlName(), match.type());
        boolean rejectedByReason = match.reason().isPresent() && match.result() == Expectation.Result.REJECTED;
        if (match.source() == Expectation.Source.OUTCOME && (match.result() != Expectation.Result.ANY
                || match.reason().isPresent()) && !rejectedByReason) {
            m.put("result", match.result().yamlName());
        } else if (rejectedByReason) {
            m.put("result", "rejected");
        }
        match.reason().ifPresent(r -> m.put("reason", r));
        m.putAll(match.match());
        if (!match.fields().isEmpty()) {
            m.put("fields", new LinkedHashMap<>(match.fields()));
        }
        return m;
    }

    private static String d(Duration duration) {
        return Durations.format(duration);
    }
}
