package org.trustlab.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.Durations;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.Spelling;
import org.trustlab.simulator.scenario.AttackStep.Match;

/**
 * Turns a located YAML tree into a {@link Scenario}, checking every key, type, duration and device reference and
 * failing at the first misfit with its {@code file:line:column}. The format is described by
 * {@code scenarios/scenario.schema.json}.
 */
final class ScenarioReader {
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> RESERVED_NAMES = Set.of("network", "attacker");

    private final YamlTree tree;
    private final String defaultName;
    private final ProtocolBindings bindings;
    /** The protocol's words, once {@code protocol:} is read. */
    private NameCheck names;
    private final TreeSet<String> deviceNames = new TreeSet<>();
    private final TreeSet<String> attackerDevices = new TreeSet<>();

    ScenarioReader(YamlTree tree, String defaultName, ProtocolBindings bindings) {
        this.tree = tree;
        this.defaultName = defaultName;
        this.bindings = bindings;
    }

    Scenario read() {
        JsonNode root = tree.root;
        object(root, "");
        keys(root, "", "name", "protocol", "seed", "keys", "mutant", "epoch", "devices", "setup", "network",
                "crashes", "actions", "attacker", "expect", "end", "quiesce");
        String name = root.has("name") ? string(root.get("name"), "/name") : defaultName;
        String protocol = string(required(root, "", "protocol"), "/protocol");
        ProtocolBinding<?> binding = bindings.find(protocol).orElseThrow(() -> fail("/protocol",
                Spelling.unknown("protocol", protocol, bindings.names())));
        names = new NameCheck(binding.vocabulary(), protocol, tree);
        long seed = root.has("seed") ? integer(root.get("seed"), "/seed") : 0;
        long keySeed = 0;
        if (root.has("keys")) {
            JsonNode k = root.get("keys");
            object(k, "/keys");
            keys(k, "/keys", "seed");
            keySeed = k.has("seed") ? integer(k.get("seed"), "/keys/seed") : 0;
        }
        Optional<String> mutant = optional(root, "mutant").map(n -> string(n, "/mutant"));
        Instant epoch = optional(root, "epoch").map(n -> instant(n, "/epoch")).orElse(Scenario.DEFAULT_EPOCH);
        List<Device> devices = devices(required(root, "", "devices"));
        Map<String, Object> setup = optional(root, "setup").map(n -> {
            object(n, "/setup");
            return plainMap(n);
        }).orElse(Map.of());
        NetworkSpec network = optional(root, "network").map(this::network).orElse(NetworkSpec.DEFAULT);
        List<CrashSpec> crashes = list(root, "crashes", this::crash);
        List<ActionSpec> actions = list(root, "actions", this::action);
        Optional<AttackerSpec> attacker = optional(root, "attacker").map(this::attacker);
        List<Expectation> expect = list(root, "expect", this::expectation);
        orders(expect);
        Duration end = optional(root, "end").map(n -> duration(n, "/end")).orElse(Scenario.DEFAULT_END);
        Optional<QuiesceSpec> quiesce = optional(root, "quiesce").map(this::quiesce);
        if (quiesce.isPresent() && quiesce.get().deadline().compareTo(end) > 0) {
            throw fail("/quiesce/within", "the liveness phase must end by the scenario's end ("
                    + Durations.format(end) + "): 'at' + 'within' is " + Durations.format(quiesce.get().deadline()));
        }
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes, actions,
                attacker, expect, end, quiesce);
    }

    // ----- devices ------------------------------------------------------------------------------------------

    private List<Device> devices(JsonNode n) {
        array(n, "/devices");
        if (n.isEmpty()) {
            throw fail("/devices", "a scenario needs at least one device");
        }
        for (int i = 0; i < n.size(); i++) {
            String p = "/devices/" + i;
            object(n.get(i), p);
            String name = string(required(n.get(i), p, "name"), p + "/name");
            if (!DEVICE_NAME.matcher(name).matches()) {
                throw fail(p + "/name", "device name '" + name + "' must match " + DEVICE_NAME.pattern());
            }
            if (RESERVED_NAMES.contains(name)) {
                throw fail(p + "/name", "'" + name + "' is reserved for the trace; choose another device name");
            }
            if (!deviceNames.add(name)) {
                throw fail(p + "/name", "duplicate device name '" + name + "'");
            }
        }
        List<Device> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            out.add(deviceEntry(n.get(i), "/devices/" + i));
        }
        return out;
    }

    private Device deviceEntry(JsonNode d, String p) {
        keys(d, p, "name", "role", "config", "attacker", "clock", "online", "mailbox");
        String name = string(d.get("name"), p + "/name");
        String role = string(required(d, p, "role"), p + "/role");
        Map<String, Object> config = optional(d, "config").map(c -> {
            object(c, p + "/config");
            return plainMap(c);
        }).orElse(Map.of());
        boolean attacker = optional(d, "attacker").map(a -> bool(a, p + "/attacker")).orElse(false);
        if (attacker) {
            attackerDevices.add(name);
        }
        Device.ClockSpec clock = Device.ClockSpec.EXACT;
        if (d.has("clock")) {
            JsonNode c = d.get("clock");
            String cp = p + "/clock";
            object(c, cp);
            keys(c, cp, "offset", "drift-ppm");
            Duration offset = optional(c, "offset").map(o -> signedDuration(o, cp + "/offset")).orElse(Duration.ZERO);
            double drift = optional(c, "drift-ppm").map(o -> number(o, cp + "/drift-ppm")).orElse(0.0);
            if (!(drift > -1_000_000 && drift < 1_000_000)) {
                throw fail(cp + "/drift-ppm", "drift-ppm must be within (-1000000, 1000000)");
            }
            clock = new Device.ClockSpec(offset, drift);
        }
        List<Device.Window> windows = new ArrayList<>();
        if (d.has("online")) {
            String op = p + "/online";
            JsonNode w = d.get("online");
            array(w, op);
            Duration previousEnd = null;
            for (int i = 0; i < w.size(); i++) {
                String wp = op + "/" + i;
                object(w.get(i), wp);
                keys(w.get(i), wp, "from", "to");
                Duration from = optional(w.get(i), "from").map(x -> duration(x, wp + "/from")).orElse(Duration.ZERO);
                Optional<Duration> to = optional(w.get(i), "to").map(x -> duration(x, wp + "/to"));
                if (to.isPresent() && to.get().compareTo(from) <= 0) {
                    throw fail(wp + "/to", "an online window must end after it starts");
                }
                if (i > 0 && (previousEnd == null || from.compareTo(previousEnd) < 0)) {
                    throw fail(wp + "/from", "online windows must be in order and must not overlap");
                }
                previousEnd = to.orElse(null);
                windows.add(new Device.Window(from, to));
            }
        }
        boolean mailbox = optional(d, "mailbox").map(m -> bool(m, p + "/mailbox")).orElse(false);
        return new Device(new DeviceSpec(name, role, config, attacker), clock, windows, mailbox);
    }

    // ----- network ------------------------------------------------------------------------------------------

    private NetworkSpec network(JsonNode n) {
        String p = "/network";
        object(n, p);
        keys(n, p, "latency", "loss", "duplicate", "reorder", "reorder-delay", "links", "partitions");
        NetworkSpec d = NetworkSpec.DEFAULT;
        NetworkSpec.LatencySpec latency = optional(n, "latency").map(l -> latency(l, p + "/latency"))
                .orElse(d.latency());
        double loss = optional(n, "loss").map(x -> probability(x, p + "/loss")).orElse(0.0);
        double duplicate = optional(n, "duplicate").map(x -> probability(x, p + "/duplicate")).orElse(0.0);
        double reorder = optional(n, "reorder").map(x -> probability(x, p + "/reorder")).orElse(0.0);
        Duration reorderDelay = optional(n, "reorder-delay").map(x -> duration(x, p + "/reorder-delay"))
                .orElse(d.reorderDelay());
        List<NetworkSpec.LinkSpec> links = list(n, p, "links", this::link);
        List<NetworkSpec.PartitionSpec> partitions = list(n, p, "partitions", this::partition);
        return new NetworkSpec(latency, loss, duplicate, reorder, reorderDelay, links, partitions);
    }

    private NetworkSpec.LatencySpec latency(JsonNode n, String p) {
        object(n, p);
        String dist = string(required(n, p, "dist"), p + "/dist");
        switch (dist) {
            case "constant":
                keys(n, p, "dist", "value");
                return new NetworkSpec.LatencySpec.Constant(duration(required(n, p, "value"), p + "/value"));
            case "uniform": {
                keys(n, p, "dist", "min", "max");
                Duration min = duration(required(n, p, "min"), p + "/min");
                Duration max = duration(required(n, p, "max"), p + "/max");
                if (max.compareTo(min) <= 0) {
                    throw fail(p + "/max", "uniform latency needs max > min");
                }
                return new NetworkSpec.LatencySpec.Uniform(min, max);
            }
            case "exponential": {
                keys(n, p, "dist", "mean");
                Duration mean = duration(required(n, p, "mean"), p + "/mean");
                if (mean.isZero()) {
                    throw fail(p + "/mean", "exponential latency needs a positive mean");
                }
                return new NetworkSpec.LatencySpec.Exponential(mean);
            }
            case "lognormal": {
                keys(n, p, "dist", "median", "sigma");
                Duration median = duration(required(n, p, "median"), p + "/median");
                double sigma = number(required(n, p, "sigma"), p + "/sigma");
                if (median.isZero()) {
                    throw fail(p + "/median", "log-normal latency needs a positive median");
                }
                if (!(sigma > 0)) {
                    throw fail(p + "/sigma", "sigma must be positive");
                }
                return new NetworkSpec.LatencySpec.LogNormal(median, sigma);
            }
            default:
                throw fail(p + "/dist", "unknown latency distribution '" + dist
                        + "' (expected constant, uniform, exponential or lognormal)");
        }
    }

    private NetworkSpec.LinkSpec link(JsonNode n, String p) {
        object(n, p);
        keys(n, p, "from", "to", "latency", "loss", "duplicate", "reorder");
        String from = deviceOrAny(required(n, p, "from"), p + "/from");
        String to = deviceOrAny(required(n, p, "to"), p + "/to");
        return new NetworkSpec.LinkSpec(from, to,
                optional(n, "latency").map(l -> latency(l, p + "/latency")),
                optional(n, "loss").map(x -> probability(x, p + "/loss")),
                optional(n, "duplicate").map(x -> probability(x, p + "/duplicate")),
                optional(n, "reorder").map(x -> probability(x, p + "/reorder")));
    }

    private NetworkSpec.PartitionSpec partition(JsonNode n, String p) {
        object(n, p);
        keys(n, p, "at", "heal", "groups");
        Duration at = duration(required(n, p, "at"), p + "/at");
        Optional<Duration> heal = optional(n, "heal").map(x -> duration(x, p + "/heal"));
        if (heal.isPresent() && heal.get().compareTo(at) <= 0) {
            throw fail(p + "/heal", "a partition must heal after it starts");
        }
        JsonNode g = required(n, p, "groups");
        array(g, p + "/groups");
        List<List<String>> groups = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < g.size(); i++) {
            String gp = p + "/groups/" + i;
            array(g.get(i), gp);
            List<String> group = new ArrayList<>();
            for (int j = 0; j < g.get(i).size(); j++) {
                String dev = device(g.get(i).get(j), gp + "/" + j);
                if (!seen.add(dev)) {
                    throw fail(gp + "/" + j, "device '" + dev + "' is in two groups");
                }
                group.add(dev);
            }
            groups.add(group);
        }
        return new NetworkSpec.PartitionSpec(at, heal, groups);
    }

    // ----- the liveness phase -------------------------------------------------------------------------------

    private QuiesceSpec quiesce(JsonNode n) {
        object(n, "/quiesce");
        keys(n, "/quiesce", "at", "within");
        Duration at = duration(required(n, "/quiesce", "at"), "/quiesce/at");
        Duration within = duration(required(n, "/quiesce", "within"), "/quiesce/within");
        if (within.isZero() || within.isNegative()) {
            throw fail("/quiesce/within", "'within' must be a positive duration: every exchange needs time to end");
        }
        return new QuiesceSpec(at, within);
    }

    // ----- crashes and actions ------------------------------------------------------------------------------

    private CrashSpec crash(JsonNode n, String p) {
        object(n, p);
        keys(n, p, "device", "at", "restart");
        String device = device(required(n, p, "device"), p + "/device");
        Duration at = duration(required(n, p, "at"), p + "/at");
        Optional<Duration> restart = optional(n, "restart").map(x -> duration(x, p + "/restart"));
        if (restart.isPresent() && restart.get().compareTo(at) <= 0) {
            throw fail(p + "/restart", "a device restarts after it crashes");
        }
        return new CrashSpec(device, at, restart);
    }

    private ActionSpec action(JsonNode n, String p) {
        object(n, p);
        keys(n, p, "at", "device", "action", "args");
        Duration at = duration(required(n, p, "at"), p + "/at");
        String device = device(required(n, p, "device"), p + "/device");
        String action = string(required(n, p, "action"), p + "/action");
        TreeMap<String, String> args = args(n, p);
        names.action(action, args.keySet(), p + "/action", p + "/args");
        return new ActionSpec(at, device, action, args);
    }

    private TreeMap<String, String> args(JsonNode n, String p) {
        TreeMap<String, String> args = new TreeMap<>();
        if (n.has("args")) {
            JsonNode a = n.get("args");
            object(a, p + "/args");
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                args.put(e.getKey(), scalar(e.getValue(), p + "/args/" + YamlTree.escape(e.getKey())));
            }
        }
        return args;
    }

    // ----- attacker -----------------------------------------------------------------------------------------

    private AttackerSpec attacker(JsonNode n) {
        String p = "/attacker";
        object(n, p);
        keys(n, p, "strategy", "steps", "compromise", "random");
        List<AttackStep> steps = list(n, p, "steps", this::step);
        AttackerSpec.Strategy strategy = AttackerSpec.Strategy.SCRIPTED;
        if (n.has("strategy")) {
            String s = string(n.get("strategy"), p + "/strategy");
            strategy = switch (s) {
                case "none" -> AttackerSpec.Strategy.NONE;
                case "scripted" -> AttackerSpec.Strategy.SCRIPTED;
                case "random" -> AttackerSpec.Strategy.RANDOM;
                default -> throw fail(p + "/strategy", "unknown strategy '" + s
                        + "' (expected none, scripted or random)");
            };
        }
        if (strategy == AttackerSpec.Strategy.NONE && !steps.isEmpty()) {
            throw fail(p + "/strategy", "strategy 'none' takes no steps");
        }
        List<AttackerSpec.Compromise> compromise = list(n, p, "compromise", this::compromise);
        NameCheck.Held held = new NameCheck.Held(deviceNames, attackerDevices, compromise);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof AttackStep.Inject in) {
                names.forgery(in.message(), p + "/steps/" + i + "/message", in.at(), held);
            }
        }
        AttackerSpec.RandomAttack random = AttackerSpec.RandomAttack.DEFAULT;
        if (n.has("random")) {
            String rp = p + "/random";
            JsonNode r = n.get("random");
            object(r, rp);
            keys(r, rp, "rate", "ops", "max-delay");
            double rate = optional(r, "rate").map(x -> probability(x, rp + "/rate")).orElse(random.rate());
            List<AttackStep.Op> ops = random.ops();
            if (r.has("ops")) {
                array(r.get("ops"), rp + "/ops");
                ops = new ArrayList<>();
                for (int i = 0; i < r.get("ops").size(); i++) {
                    String op = string(r.get("ops").get(i), rp + "/ops/" + i);
                    int index = i;
                    ops.add(AttackStep.Op.fromYaml(op).orElseThrow(() -> fail(rp + "/ops/" + index,
                            "unknown attacker op '" + op + "'")));
                }
            }
            Duration maxDelay = optional(r, "max-delay").map(x -> duration(x, rp + "/max-delay"))
                    .orElse(random.maxDelay());
            random = new AttackerSpec.RandomAttack(rate, ops, maxDelay);
        }
        return new AttackerSpec(strategy, steps, compromise, random);
    }

    private AttackerSpec.Compromise compromise(JsonNode n, String p) {
        object(n, p);
        keys(n, p, "device", "generation", "at");
        String device = device(required(n, p, "device"), p + "/device");
        long generation = optional(n, "generation").map(x -> integer(x, p + "/generation")).orElse(0L);
        if (generation < 0 || generation > Integer.MAX_VALUE) {
            throw fail(p + "/generation", "generation must be a non-negative integer");
        }
        Duration at = optional(n, "at").map(x -> duration(x, p + "/at")).orElse(Duration.ZERO);
        return new AttackerSpec.Compromise(device, (int) generation, at);
    }

    private AttackStep step(JsonNode n, String p) {
        object(n, p);
        String opName = string(required(n, p, "op"), p + "/op");
        AttackStep.Op op = AttackStep.Op.fromYaml(opName).orElseThrow(() -> fail(p + "/op", "unknown attacker op '"
                + opName + "' (expected drop, delay, duplicate, reorder, redirect, tamper, replay, inject or "
                + "register)"));
        Duration at = optional(n, "at").map(x -> duration(x, p + "/at")).orElse(Duration.ZERO);
        switch (op) {
            case DROP:
                keys(n, p, "at", "op", "match", "count");
                return new AttackStep.Drop(at, match(n, p), count(n, p));
            case DELAY:
                keys(n, p, "at", "op", "match", "count", "by");
                return new AttackStep.Delay(at, match(n, p), count(n, p), duration(required(n, p, "by"), p + "/by"));
            case DUPLICATE:
                keys(n, p, "at", "op", "match", "count", "after");
                return new AttackStep.Duplicate(at, match(n, p), count(n, p),
                        optional(n, "after").map(x -> duration(x, p + "/after")).orElse(Duration.ZERO));
            case REORDER:
                keys(n, p, "at", "op", "match", "count", "max-hold");
                return new AttackStep.Reorder(at, match(n, p), count(n, p),
                        optional(n, "max-hold").map(x -> duration(x, p + "/max-hold")).orElse(Duration.ofSeconds(10)));
            case REDIRECT:
                keys(n, p, "at", "op", "match", "count", "to");
                return new AttackStep.Redirect(at, match(n, p), count(n, p), device(required(n, p, "to"), p + "/to"));
            case TAMPER:
                return tamper(n, p, at);
            case REPLAY:
                keys(n, p, "at", "op", "msg", "match", "to", "from");
                return new AttackStep.Replay(at, optional(n, "msg").map(x -> string(x, p + "/msg")), match(n, p),
                        optional(n, "to").map(x -> device(x, p + "/to")),
                        optional(n, "from").map(x -> string(x, p + "/from")));
            case INJECT: {
                keys(n, p, "at", "op", "to", "from", "message");
                JsonNode m = required(n, p, "message");
                object(m, p + "/message");
                return new AttackStep.Inject(at, device(required(n, p, "to"), p + "/to"),
                        optional(n, "from").map(x -> string(x, p + "/from")).orElse("attacker"), plainMap(m));
            }
            default: {
                keys(n, p, "at", "op", "device", "action", "args");
                String device = device(required(n, p, "device"), p + "/device");
                if (!attackerDevices.contains(device)) {
                    throw fail(p + "/device", "only a device with 'attacker: true' can be registered by the "
                            + "attacker; '" + device + "' is honest");
                }
                Optional<String> action = optional(n, "action").map(x -> string(x, p + "/action"));
                TreeMap<String, String> args = args(n, p);
                action.ifPresent(a -> names.action(a, args.keySet(), p + "/action", p + "/args"));
                return new AttackStep.Register(at, device, action, args);
            }
        }
    }

    private AttackStep tamper(JsonNode n, String p, Duration at) {
        keys(n, p, "at", "op", "match", "count", "flip", "substitute");
        Optional<String> flip = optional(n, "flip").map(x -> {
            if (x.isTextual() && x.asText().equals("random")) {
                return "random";
            }
            long bit = integer(x, p + "/flip");
            if (bit < 0) {
                throw fail(p + "/flip", "flip takes a bit index >= 0 or 'random'");
            }
            return Long.toString(bit);
        });
        Optional<AttackStep.Substitute> substitute = optional(n, "substitute").map(s -> {
            String sp = p + "/substitute";
            object(s, sp);
            keys(s, sp, "field", "value", "copy-from", "copy-field");
            long field = integer(required(s, sp, "field"), sp + "/field");
            Optional<String> value = optional(s, "value").map(v -> {
                String hex = string(v, sp + "/value");
                if (!hex.matches("([0-9a-fA-F]{2})*")) {
                    throw fail(sp + "/value", "value must be hex bytes");
                }
                return hex.toLowerCase(java.util.Locale.ROOT);
            });
            Optional<String> copyFrom = optional(s, "copy-from").map(v -> string(v, sp + "/copy-from"));
            long copyField = optional(s, "copy-field").map(v -> integer(v, sp + "/copy-field")).orElse(field);
            if (value.isPresent() == copyFrom.isPresent()) {
                throw fail(sp, "substitute needs exactly one of 'value' or 'copy-from'");
            }
            if (field < 0 || field > 1024 || copyField < 0 || copyField > 1024) {
                throw fail(sp + "/field", "field indices are between 0 and 1024");
            }
            return new AttackStep.Substitute((int) field, value, copyFrom, (int) copyField);
        });
        if (flip.isEmpty() && substitute.isEmpty()) {
            throw fail(p, "tamper needs 'flip' or 'substitute'");
        }
        return new AttackStep.Tamper(at, match(n, p), count(n, p), flip, substitute);
    }

    private Match match(JsonNode n, String p) {
        if (!n.has("match")) {
            return Match.ANY;
        }
        String mp = p + "/match";
        JsonNode m = n.get("match");
        object(m, mp);
        keys(m, mp, "from", "to", "tag");
        return new Match(optional(m, "from").map(x -> device(x, mp + "/from")),
                optional(m, "to").map(x -> device(x, mp + "/to")),
                optional(m, "tag").map(x -> {
                    String tag = string(x, mp + "/tag");
                    names.tag(tag, mp + "/tag");
                    return tag;
                }));
    }

    private int count(JsonNode n, String p) {
        long c = optional(n, "count").map(x -> integer(x, p + "/count")).orElse(1L);
        if (c < 1 || c > Integer.MAX_VALUE) {
            throw fail(p + "/count", "count must be a positive integer");
        }
        return (int) c;
    }

    // ----- expectations -------------------------------------------------------------------------------------

    private static final List<String> OUTCOME_MATCH = List.of("device", "outcome", "result", "reason", "session",
            "peer", "target", "fields");
    private static final List<String> AUDIT_MATCH = List.of("device", "audit", "reason", "session", "peer", "target",
            "fields");
    private static final List<String> QUANTITY_AND_ORDER = List.of("id", "count", "at-least", "at-most", "before",
            "after");

    /** The keys an event expectation of this source may have: what it matches, and how many and when if not never. */
    private static String[] eventKeys(JsonNode n, boolean never) {
        List<String> keys = new ArrayList<>(n.has("audit") && !n.has("outcome") ? AUDIT_MATCH : OUTCOME_MATCH);
        if (!never) {
            keys.addAll(QUANTITY_AND_ORDER);
        }
        return keys.toArray(new String[0]);
    }

    private Expectation expectation(JsonNode n, String p) {
        object(n, p);
        if (n.has("invariant")) {
            keys(n, p, "invariant", "holds", "vacuous");
            String id = string(n.get("invariant"), p + "/invariant");
            names.invariant(id, p + "/invariant");
            return new Expectation.InvariantExpected(id, invariantVerdict(n, p));
        }
        if (n.has("never")) {
            keys(n, p, "never");
            String np = p + "/never";
            object(n.get("never"), np);
            keys(n.get("never"), np, eventKeys(n.get("never"), true));
            if (n.get("never").path("result").asText().equals("none")) {
                throw fail(np + "/result", "'result: none' is the older spelling of never; inside 'never' it is"
                        + " 'accepted', 'rejected' or 'any'");
            }
            return new Expectation.EventExpected(Optional.empty(), eventMatch(n.get("never"), np),
                    Expectation.Quantity.NEVER, Optional.empty());
        }
        if (!n.has("outcome") && !n.has("audit")) {
            throw fail(p, "an expectation names an 'outcome', an 'audit', an 'invariant', or is a 'never'");
        }
        keys(n, p, eventKeys(n, false));
        Expectation.Match match = eventMatch(n, p);
        Expectation.Quantity quantity = quantity(n, p);
        if (n.has("result") && n.get("result").asText().equals("none")) {
            // An outcome of this kind never happens: the older spelling of 'never' with no result.
            if (n.has("reason")) {
                throw fail(p + "/reason", "an outcome expected never to happen has no reason");
            }
            if (!quantity.equals(Expectation.Quantity.SOME)) {
                throw fail(p + "/result", "'result: none' says never; it takes no count");
            }
            quantity = Expectation.Quantity.NEVER;
        }
        Optional<String> id = optional(n, "id").map(x -> string(x, p + "/id"));
        if (n.has("before") && n.has("after")) {
            throw fail(p + "/after", "an expectation is ordered 'before' or 'after' one other, not both");
        }
        Optional<Expectation.Order> order = optional(n, "before").map(x -> new Expectation.Order(true,
                string(x, p + "/before"))).or(() -> optional(n, "after").map(x -> new Expectation.Order(false,
                string(x, p + "/after"))));
        if (order.isPresent() && quantity.isNever()) {
            throw fail(p + (n.has("before") ? "/before" : "/after"), "an event that must never happen has no order");
        }
        return new Expectation.EventExpected(id, match, quantity, order);
    }

    private Expectation.Match eventMatch(JsonNode n, String p) {
        if (n.has("outcome") == n.has("audit")) {
            throw fail(p, "an event expectation names one 'outcome' or one 'audit'");
        }
        String device = device(required(n, p, "device"), p + "/device");
        Optional<String> reason = optional(n, "reason").map(x -> string(x, p + "/reason"));
        reason.ifPresent(r -> names.reason(r, p + "/reason"));
        TreeMap<String, String> match = new TreeMap<>();
        for (String k : new String[] {"session", "peer", "target"}) {
            if (n.has(k)) {
                names.matchKey(k, p + "/" + k);
                match.put(k, scalar(n.get(k), p + "/" + k));
            }
        }
        TreeMap<String, String> fields = new TreeMap<>();
        if (n.has("fields")) {
            JsonNode f = n.get("fields");
            object(f, p + "/fields");
            for (Map.Entry<String, JsonNode> e : f.properties()) {
                String fp = p + "/fields/" + YamlTree.escape(e.getKey());
                names.field(e.getKey(), fp);
                fields.put(e.getKey(), scalar(e.getValue(), fp));
            }
        }
        if (n.has("audit")) {
            String type = string(n.get("audit"), p + "/audit");
            names.audit(type, p + "/audit");
            return new Expectation.Match(Expectation.Source.AUDIT, device, type, Expectation.Result.ANY, reason,
                    fields, match);
        }
        String kind = string(n.get("outcome"), p + "/outcome");
        names.outcome(kind, p + "/outcome");
        Expectation.Result result = reason.isPresent() ? Expectation.Result.REJECTED : Expectation.Result.ANY;
        if (n.has("result")) {
            String r = string(n.get("result"), p + "/result");
            result = switch (r) {
                case "accepted" -> Expectation.Result.ACCEPTED;
                case "rejected" -> Expectation.Result.REJECTED;
                case "any", "none" -> Expectation.Result.ANY;
                default -> throw fail(p + "/result", "result must be accepted, rejected, none or any, not '" + r
                        + "'");
            };
        }
        if (result == Expectation.Result.ACCEPTED && reason.isPresent()) {
            throw fail(p + "/reason", "an accepted outcome has no reason");
        }
        return new Expectation.Match(Expectation.Source.OUTCOME, device, kind, result, reason, fields, match);
    }

    /** {@code count: n}, or {@code at-least} and/or {@code at-most}; at least one when none is given. */
    private Expectation.Quantity quantity(JsonNode n, String p) {
        if (n.has("count")) {
            if (n.has("at-least") || n.has("at-most")) {
                throw fail(p + "/count", "'count' is exact; it goes without 'at-least' and 'at-most'");
            }
            return Expectation.Quantity.exactly(natural(n.get("count"), p + "/count"));
        }
        if (!n.has("at-least") && !n.has("at-most")) {
            return Expectation.Quantity.SOME;
        }
        int min = n.has("at-least") ? natural(n.get("at-least"), p + "/at-least") : 0;
        int max = n.has("at-most") ? natural(n.get("at-most"), p + "/at-most") : -1;
        if (max >= 0 && max < min) {
            throw fail(p + "/at-most", "at-most " + max + " is below at-least " + min);
        }
        if (max == 0) {
            throw fail(p + "/at-most", "'at-most: 0' is written 'never:'");
        }
        if (min == 0 && max < 0) {
            throw fail(p + "/at-least", "'at-least: 0' expects nothing");
        }
        return new Expectation.Quantity(min, max);
    }

    private int natural(JsonNode n, String p) {
        long v = integer(n, p);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw fail(p, "'" + last(p) + "' must be a count >= 0");
        }
        return (int) v;
    }

    /** Labels are unique; {@code before}/{@code after} name a labelled event expectation other than itself. */
    private void orders(List<Expectation> expect) {
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < expect.size(); i++) {
            Optional<String> id = expect.get(i).id();
            if (id.isPresent() && !ids.add(id.get())) {
                throw fail("/expect/" + i + "/id", "two expectations are labelled '" + id.get() + "'");
            }
        }
        for (int i = 0; i < expect.size(); i++) {
            if (expect.get(i) instanceof Expectation.EventExpected e && e.order().isPresent()) {
                Expectation.Order o = e.order().get();
                String op = "/expect/" + i + (o.before() ? "/before" : "/after");
                if (!ids.contains(o.other())) {
                    throw fail(op, Spelling.unknown("expectation id", o.other(), ids));
                }
                if (e.id().filter(o.other()::equals).isPresent()) {
                    throw fail(op, "an expectation cannot be ordered against itself");
                }
            }
        }
    }

    // ----- typed access -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonNode node, String pointer);
    }

    private <T> List<T> list(JsonNode parent, String key, ItemReader<T> item) {
        return list(parent, "", key, item);
    }

    private <T> List<T> list(JsonNode parent, String parentPointer, String key, ItemReader<T> item) {
        if (!parent.has(key) || parent.get(key).isNull()) {
            return List.of();
        }
        String p = parentPointer + "/" + key;
        JsonNode a = parent.get(key);
        array(a, p);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(item.read(a.get(i), p + "/" + i));
        }
        return out;
    }

    private static Optional<JsonNode> optional(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private JsonNode required(JsonNode parent, String p, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            throw fail(p, "missing required key '" + key + "'");
        }
        return v;
    }

    private void keys(JsonNode n, String p, String... allowed) {
        List<String> ok = List.of(allowed);
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!ok.contains(k)) {
                String kp = p + "/" + YamlTree.escape(k);
                throw new ScenarioException("unknown key '" + k + "' (expected one of " + String.join(", ", ok) + ")",
                        kp, tree.keyAt(kp), null);
            }
        }
    }

    private void object(JsonNode n, String p) {
        if (!n.isObject()) {
            throw fail(p, (p.isEmpty() ? "the scenario" : "'" + last(p) + "'") + " must be a map, got "
                    + describe(n));
        }
    }

    private void array(JsonNode n, String p) {
        if (!n.isArray()) {
            throw fail(p, "'" + last(p) + "' must be a list, got " + describe(n));
        }
    }

    private String string(JsonNode n, String p) {
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw fail(p, "'" + last(p) + "' must be a non-empty string, got " + describe(n));
        }
        return n.asText();
    }

    /** A scalar as a string (user-action arguments are strings to the roles). */
    private String scalar(JsonNode n, String p) {
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        throw fail(p, "'" + last(p) + "' must be a string, number or boolean, got " + describe(n));
    }

    private long integer(JsonNode n, String p) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw fail(p, "'" + last(p) + "' must be an integer, got " + describe(n));
        }
        return n.asLong();
    }

    private double number(JsonNode n, String p) {
        if (!n.isNumber()) {
            throw fail(p, "'" + last(p) + "' must be a number, got " + describe(n));
        }
        return n.asDouble();
    }

    private double probability(JsonNode n, String p) {
        double v = number(n, p);
        if (!(v >= 0 && v <= 1)) {
            throw fail(p, "'" + last(p) + "' must be a probability between 0 and 1, got " + n.asText());
        }
        return v;
    }

    /**
     * {@code holds: true} (judged and held), {@code holds: false} (violated) or {@code vacuous: true} (nothing to
     * judge); exactly one of the two keys.
     */
    private InvariantVerdict invariantVerdict(JsonNode n, String p) {
        if (n.has("holds") && n.has("vacuous")) {
            throw fail(p + "/vacuous", "an invariant expectation says 'holds' or 'vacuous', not both");
        }
        if (n.has("vacuous")) {
            if (!bool(n.get("vacuous"), p + "/vacuous")) {
                throw fail(p + "/vacuous", "'vacuous' can only be true; an invariant judged on the run says 'holds'");
            }
            return InvariantVerdict.VACUOUS;
        }
        return bool(required(n, p, "holds"), p + "/holds") ? InvariantVerdict.HELD : InvariantVerdict.VIOLATED;
    }

    private boolean bool(JsonNode n, String p) {
        if (!n.isBoolean()) {
            throw fail(p, "'" + last(p) + "' must be true or false, got " + describe(n));
        }
        return n.asBoolean();
    }

    private Duration duration(JsonNode n, String p) {
        if (n.isTextual()) {
            Optional<Duration> d = Durations.parse(n.asText());
            if (d.isPresent()) {
                return d.get();
            }
        }
        if (n.isIntegralNumber() && n.asLong() == 0) {
            return Duration.ZERO;
        }
        throw fail(p, "'" + last(p) + "' must be " + Durations.describeFormat() + ", got " + describe(n));
    }

    private Duration signedDuration(JsonNode n, String p) {
        if (n.isTextual()) {
            Optional<Duration> d = Durations.parseSigned(n.asText());
            if (d.isPresent()) {
                return d.get();
            }
        }
        if (n.isIntegralNumber() && n.asLong() == 0) {
            return Duration.ZERO;
        }
        throw fail(p, "'" + last(p) + "' must be a signed duration like -5m or 2s, got " + describe(n));
    }

    private Instant instant(JsonNode n, String p) {
        try {
            return Instant.parse(string(n, p));
        } catch (DateTimeParseException e) {
            throw fail(p, "'" + last(p) + "' must be an ISO-8601 instant like 2025-01-01T00:00:00Z");
        }
    }

    private String device(JsonNode n, String p) {
        String name = string(n, p);
        if (!deviceNames.contains(name)) {
            throw fail(p, "unknown device '" + name + "' (devices: " + String.join(", ", deviceNames) + ")");
        }
        return name;
    }

    private String deviceOrAny(JsonNode n, String p) {
        if (n.isTextual() && n.asText().equals("*")) {
            return "*";
        }
        return device(n, p);
    }

    /** A YAML subtree as plain Java values (for protocol config, setup and forged messages). */
    static Map<String, Object> plainMap(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    static Object plain(JsonNode n) {
        if (n.isObject()) {
            return plainMap(n);
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (n.isLong()) {
            return n.longValue();
        }
        if (n.isBigInteger()) {
            return n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return null;
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a map";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "'" + n.asText() + "'";
        }
        if (n.isNull()) {
            return "nothing";
        }
        return n.asText();
    }

    private static String last(String pointer) {
        String s = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        return s.matches("\\d+") ? pointer.substring(0, pointer.lastIndexOf('/')).replaceAll(".*/", "") + "[" + s
                + "]" : s;
    }

    ScenarioException fail(String pointer, String what) {
        return new ScenarioException(what, pointer, tree.at(pointer), null);
    }
}
