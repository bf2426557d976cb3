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
import java.util.function.Function;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.ProtocolModule;
import org.trustlab.properties.ProtocolModules;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.AttackStep;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The campaigns of the registered protocol modules: which protocols {@code --protocol all} runs, their default run
 * counts and admitted gaps, and what every run is checked against. Each module supplies its own generator (a
 * Clojure namespace {@code trustlab.campaign.<protocol>} whose {@code scenario} function returns a test.check
 * generator, see {@link #generated}).
 */
public final class Campaigns {
    /** The simulator's demo protocol: campaignable (the machinery's end-to-end tests use it) but not in "all". */
    public static final String DEMO = "ping";

    private Campaigns() {}

    /**
     * The campaign of a protocol whose generator is {@code trustlab.campaign.<protocol>/scenario}, drawing attacks
     * from the binding's forgery menu and every scripted attacker op.
     */
    public static ProtocolCampaign generated(ProtocolBinding<?> binding, Function<Trace, RunMetrics> metrics) {
        String protocol = binding.name();
        return new ProtocolCampaign(protocol,
                () -> ScenarioGenerator.of("trustlab.campaign." + protocol, "scenario", generatorContext(binding)),
                metrics);
    }

    /** What a generator may draw attacks from: the binding's forgery menu and every scripted attacker op. */
    static Map<String, Object> generatorContext(ProtocolBinding<?> binding) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("forgery-menu", binding.forgeryMenu());
        ctx.put("ops", Arrays.stream(AttackStep.Op.values()).map(AttackStep.Op::yamlName).toList());
        return ctx;
    }

    /** Every registered protocol but the demo, by name: what {@code --protocol all} runs. */
    public static List<String> implemented() {
        return ProtocolModules.implemented().stream().map(ProtocolModule::name).toList();
    }

    public static Optional<ProtocolCampaign> find(String protocol) {
        return ProtocolModules.find(protocol).map(ProtocolModule::campaign);
    }

    /** The violations the protocol's source design admits (counted and shown, but not failing the campaign). */
    public static List<AdmittedGap> gaps(String protocol) {
        return ProtocolModules.find(protocol).map(ProtocolModule::gaps).orElse(List.of());
    }

    /** Runs for {@code --protocol all} to take about a minute on two cores (see docs/performance.md). */
    public static int defaultRuns(String protocol) {
        return ProtocolModules.find(protocol).orElseThrow().defaultRuns();
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
            out.addAll(ProtocolModules.find(protocol).map(ProtocolModule::refinements).orElse(List.of()));
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
        return TraceCheck.of(id, protocol,
                "No role throws on any input: hostile, malformed or untimely input is refused with a reason code.",
                trace -> trace.events().stream()
                        .filter(e -> e.is(TraceEvent.Kind.NOTE, "role-exception"))
                        .map(e -> new Violation(id, e.node() + " threw " + e.field("exception") + " on "
                                + e.field("input"), List.of(e)))
                        .toList(),
                TraceCheck::roleSteps);
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
