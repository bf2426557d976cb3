package org.trustlab.properties.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.scenario.ScenarioWriter;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceWriter;

/**
 * The real backend: a generated scenario goes through the simulator's own loader (as YAML text), so every scenario
 * a campaign runs is one that a file could state and {@code trustlab replay} could load, and the simulator's
 * validation applies to generated scenarios exactly as to hand-written ones.
 */
public final class SimulatorBackend implements ScenarioBackend {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private final ScenarioLoader loader;
    private final ScenarioRunner runner;

    public SimulatorBackend(ProtocolBindings bindings) {
        this.loader = new ScenarioLoader(bindings);
        this.runner = new ScenarioRunner(bindings, InvariantCatalogue::holds);
    }

    public SimulatorBackend() {
        this(ProtocolBindings.standard());
    }

    /** The generated data as a loaded scenario; a generator bug surfaces as a ScenarioException with its path. */
    public Scenario scenario(Map<String, Object> data) {
        try {
            return loader.parse(YAML.writeValueAsString(data), "generated.yaml");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("generated scenario is not plain data: " + e.getMessage(), e);
        }
    }

    @Override
    public Trace run(Map<String, Object> data) {
        Scenario s = scenario(data);
        return runner.execute(s, s.seed()).trace();
    }

    @Override
    public String toYaml(Map<String, Object> data) {
        return ScenarioWriter.toYaml(scenario(data));
    }

    @Override
    public String traceJsonLines(Trace trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TraceWriter.write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Trace replay(String yaml) {
        Scenario s = loader.parse(yaml, "failure.yaml");
        return runner.execute(s, s.seed()).trace();
    }
}
