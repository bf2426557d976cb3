package org.trustlab.properties.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.scenario.ScenarioWriter;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceWriter;

/**
 * The real backend: a generated scenario goes through the simulator's own loader (as JSON text, which is YAML), so
 * every scenario a campaign runs is one that a file could state and {@code trustlab replay} could load, and the
 * simulator's validation applies to generated scenarios exactly as to hand-written ones.
 */
public final class SimulatorBackend implements ScenarioBackend {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern STEP = Pattern.compile("/attacker/steps/(\\d+)(/.*)?");

    private final ScenarioLoader loader;
    private final ScenarioRunner runner;
    private final TwinRun twins;

    public SimulatorBackend(ProtocolBindings bindings) {
        this.loader = new ScenarioLoader(bindings);
        this.runner = new ScenarioRunner(bindings, InvariantCatalogue.oracle());
        this.twins = new TwinRun(bindings);
    }

    public SimulatorBackend() {
        this(ProtocolBindings.standard());
    }

    /** The generated data as a loaded scenario; a generator bug surfaces as a ScenarioException with its path. */
    public Scenario scenario(Map<String, Object> data) {
        // The loader reads the data as it would read its JSON text, and writes the text only if it needs it.
        return loader.parseData(data, () -> json(data), "generated.yaml");
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("generated scenario is not plain data: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the scenario. A scripted attacker step that cannot be carried out when its time comes (an injection
     * built from a message that has not been observed yet: the attacker cannot forge what it has not seen) is
     * removed and the scenario run again, so that what ran is exactly what the returned scenario states and
     * replays. Any other refusal is a generator bug and propagates.
     */
    @Override
    public Execution run(Map<String, Object> data) {
        Map<String, Object> current = data;
        while (true) {
            Scenario s = scenario(current);
            try {
                return new Execution(current, runner.execute(s, s.seed()).trace());
            } catch (ScenarioException e) {
                Map<String, Object> without = withoutStep(current, e);
                if (without == null) {
                    throw e;
                }
                current = without;
            }
        }
    }

    /** The data without the attacker step {@code e} points at, or null when it points elsewhere. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutStep(Map<String, Object> data, ScenarioException e) {
        Matcher m = STEP.matcher(e.path().orElse(""));
        if (!m.matches() || !(data.get("attacker") instanceof Map<?, ?> attacker)
                || !(attacker.get("steps") instanceof List<?> steps)) {
            return null;
        }
        int index = Integer.parseInt(m.group(1));
        if (index >= steps.size()) {
            return null;
        }
        List<Object> fewer = new ArrayList<>(steps);
        fewer.remove(index);
        Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) attacker);
        if (fewer.isEmpty()) {
            a.remove("steps");
        } else {
            a.put("steps", fewer);
        }
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("attacker", a);
        return copy;
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

    @Override
    public Optional<Trace> twin(Map<String, Object> data) {
        Scenario s = scenario(data);
        return twins.run(s, s.seed());
    }

    @Override
    public Optional<Trace> replayTwin(String yaml) {
        Scenario s = loader.parse(yaml, "failure.yaml");
        return twins.run(s, s.seed());
    }
}
