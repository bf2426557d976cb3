package org.trustlab.properties.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.AttackStep;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The campaign of each protocol: its generator (a Clojure namespace {@code trustlab.campaign.<protocol>} whose
 * {@code scenario} function returns a test.check generator), how its runs are measured, and its default run count.
 * One entry per protocol; {@link #implemented()} is what {@code --protocol all} runs.
 */
public final class Campaigns {
    /** The simulator's demo protocol: campaignable (the machinery's end-to-end tests use it) but not in "all". */
    public static final String DEMO = "ping";

    private record Entry(ProtocolCampaign campaign, int defaultRuns, List<AdmittedGap> gaps) {}

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
            "autojoin", new Entry(campaign("autojoin", new OutcomeMetrics(Set.of("auto-join", "join"),
                    Set.of("auto-join", "manual-join"))), 10000, List.of()),
            "vouch", new Entry(campaign("vouch", new DecisionMetrics(Set.of("network.pair.vouch"),
                    Set.of("proxy-pairing"))), 3000, List.of(AdmittedGap.inProfile("vouch.proxied-key-secrecy",
                            "spacedrive", true, "in the spacedrive profile the voucher derives every proxied key "
                                    + "itself, as the source system does; the hardened profile closes the gap"))),
            DEMO, new Entry(campaign(DEMO, new OutcomeMetrics(Set.of("ping"), Set.of("pong-received"))), 500,
                    List.of())));

    private Campaigns() {}

    private static ProtocolCampaign campaign(String protocol, Function<Trace, RunMetrics> metrics) {
        return new ProtocolCampaign(protocol,
                () -> ScenarioGenerator.of("trustlab.campaign." + protocol, "scenario", generatorContext(protocol)),
                metrics);
    }

    /** What a generator may draw attacks from: the binding's forgery menu and every scripted attacker op. */
    static Map<String, Object> generatorContext(String protocol) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("forgery-menu", ProtocolBindings.lookup(protocol).map(b -> b.forgeryMenu()).orElse(List.of()));
        ctx.put("ops", Arrays.stream(AttackStep.Op.values()).map(AttackStep.Op::yamlName).toList());
        return ctx;
    }

    /** Every protocol the simulator ships, except the demo, that has a campaign: what {@code --protocol all} runs. */
    public static List<String> implemented() {
        List<String> out = new ArrayList<>();
        for (String name : ProtocolBindings.standard().names()) {
            if (!name.equals(DEMO) && ENTRIES.containsKey(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The shipped protocols without a campaign yet (each protocol owes one; a test keeps this empty). */
    public static List<String> missing() {
        List<String> out = new ArrayList<>();
        for (String name : ProtocolBindings.standard().names()) {
            if (!ENTRIES.containsKey(name)) {
                out.add(name);
            }
        }
        return out;
    }

    public static Optional<ProtocolCampaign> find(String protocol) {
        Entry e = ENTRIES.get(protocol);
        return e == null || ProtocolBindings.lookup(protocol).isEmpty() ? Optional.empty() : Optional.of(e.campaign());
    }

    /** The violations the protocol's source design admits (counted and shown, but not failing the campaign). */
    public static List<AdmittedGap> gaps(String protocol) {
        Entry e = ENTRIES.get(protocol);
        return e == null ? List.of() : e.gaps();
    }

    /** Runs for {@code --protocol all} to take about a minute on two cores (see the README's figures). */
    public static int defaultRuns(String protocol) {
        return ENTRIES.get(protocol).defaultRuns();
    }

    /**
     * What every run of the protocol is checked against: its invariants from the catalogue, the rule that no role
     * throws, and (unless {@code validate} is off) the trace checks against the model.
     */
    public static List<TraceCheck> checks(String protocol, boolean validate) {
        List<TraceCheck> out = new ArrayList<>();
        InvariantCatalogue.forProtocol(protocol).forEach(i -> out.add(TraceCheck.of(i)));
        out.add(rolesNeverThrow(protocol));
        if (validate) {
            out.addAll(TraceChecks.forProtocol(protocol));
        }
        return out;
    }

    public static CampaignRunner runner(String protocol, boolean validate) {
        ProtocolCampaign c = find(protocol).orElseThrow(() -> new IllegalArgumentException(
                "no campaign for protocol '" + protocol + "'"));
        return new CampaignRunner(c, new SimulatorBackend(), checks(protocol, validate), gaps(protocol));
    }

    /**
     * Roles must turn any input into outputs, a refusal being an audit event with a reason; the simulator records
     * an exception a role throws as a {@code role-exception} note and carries on. A campaign counts it as a failure.
     */
    public static TraceCheck rolesNeverThrow(String protocol) {
        String id = protocol + ".roles-never-throw";
        return new TraceCheck(id, protocol,
                "No role throws on any input: hostile, malformed or untimely input is refused with a reason code.",
                trace -> trace.events().stream()
                        .filter(e -> e.is(TraceEvent.Kind.NOTE, "role-exception"))
                        .map(e -> new Violation(id, e.node() + " threw " + e.field("exception") + " on "
                                + e.field("input"), List.of(e)))
                        .toList());
    }

    /** Writes the scenario of a crashed run next to the results, so that it can be replayed and debugged. */
    public static Path writeCrashScenario(String protocol, RunCrashedException e, Path outDir) {
        String yaml;
        try {
            yaml = new SimulatorBackend().toYaml(e.scenario());
        } catch (ScenarioException | IllegalArgumentException invalid) {
            // The generator produced something the loader refuses: keep the raw data for the bug report.
            try {
                yaml = "# the simulator refuses this generated scenario: " + invalid.getMessage().replace('\n', ' ')
                        + "\n" + new ObjectMapper(new YAMLFactory()).writeValueAsString(e.scenario());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        try {
            Files.createDirectories(outDir);
            Path file = outDir.resolve(protocol + "-crash-run-" + e.runIndex() + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
