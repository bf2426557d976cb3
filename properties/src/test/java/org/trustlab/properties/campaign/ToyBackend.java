package org.trustlab.properties.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * A stand-in for the simulator that tests the campaign machinery alone: a "run" turns the toy scenario's loads
 * into one trace event each; the toy check fails when the loads add up to more than 100.
 */
final class ToyBackend implements ScenarioBackend {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final TraceCheck OVERLOAD = TraceCheck.of("toy.no-overload", "toy",
            "The loads of a run never add up to more than 100.", ToyBackend::overload, trace -> trace.events().size());

    static final TraceCheck NO_SEVEN = TraceCheck.of("toy.no-seven", "toy",
            "No single load is exactly 7.", trace -> trace.events().stream()
                    .filter(e -> e.field("load").equals("7"))
                    .map(e -> new Violation("toy.no-seven", "a load of 7", List.of(e))).toList(),
            trace -> trace.events().size());

    static ProtocolCampaign campaign() {
        return new ProtocolCampaign("toy", () -> ScenarioGenerator.of("trustlab.campaign.toy", "scenario", Map.of()),
                trace -> new RunMetrics(trace.events().size(), (int) trace.events().stream()
                        .filter(e -> Integer.parseInt(e.field("load")) % 2 == 0).count(), List.of()));
    }

    private static List<Violation> overload(Trace trace) {
        int sum = trace.events().stream().mapToInt(e -> Integer.parseInt(e.field("load"))).sum();
        return sum > 100 ? List.of(new Violation("toy.no-overload", "loads add up to " + sum, trace.events()))
                : List.of();
    }

    @Override
    public Execution run(Map<String, Object> scenario) {
        return new Execution(scenario, trace(scenario));
    }

    private static Trace trace(Map<String, Object> scenario) {
        List<TraceEvent> events = new ArrayList<>();
        StringBuilder lines = new StringBuilder(scenario.get("seed") + "\n");
        for (Object load : (List<?>) scenario.get("loads")) {
            events.add(new TraceEvent(events.size(), events.size() * 1000L, "toy", TraceEvent.Kind.NOTE, "load",
                    Map.of("load", load.toString())));
            lines.append(load).append('\n');
        }
        return new Trace(events, sha256(lines.toString()));
    }

    @Override
    public String toYaml(Map<String, Object> scenario) {
        try {
            return YAML.writeValueAsString(scenario);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String traceJsonLines(Trace trace) {
        StringBuilder b = new StringBuilder();
        for (TraceEvent e : trace.events()) {
            b.append("{\"seq\":").append(e.seq()).append(",\"load\":").append(e.field("load")).append("}\n");
        }
        return b.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trace replay(String yaml) {
        try {
            return trace(YAML.readValue(yaml, Map.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
