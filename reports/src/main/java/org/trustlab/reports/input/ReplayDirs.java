package org.trustlab.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.properties.output.OutputMarker;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceReader;
import org.trustlab.simulator.trace.TraceWriter;

/**
 * The replay result directory: {@code replay.json} (protocol, scenario name, seed, mutant, trace hash, the
 * expectation lines and whether each held), {@code scenario.yaml} (the replayed file as it was) and
 * {@code trace.jsonl}. {@code trustlab replay} writes one so that a replay gets the same report as a campaign, as
 * a one-run section.
 */
public final class ReplayDirs {
    public static final String REPLAY_JSON = "replay.json";
    public static final String SCENARIO_YAML = "scenario.yaml";
    public static final String TRACE_JSONL = "trace.jsonl";

    private ReplayDirs() {}

    public static Path write(Path dir, String protocol, String scenarioName, long seed, Optional<String> mutant,
            String scenarioYaml, Trace trace, List<ReplayDir.Expectation> expectations) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SCENARIO_YAML), scenarioYaml, StandardCharsets.UTF_8);
            TraceWriter.writeAtomically(trace, dir.resolve(TRACE_JSONL));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", protocol);
            m.put("scenario", scenarioName);
            m.put("seed", seed);
            m.put("mutant", mutant.orElse(null));
            m.put("traceSha256", trace.sha256());
            List<Object> ex = new ArrayList<>();
            for (ReplayDir.Expectation e : expectations) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("text", e.text());
                line.put("holds", e.holds());
                ex.add(line);
            }
            m.put("expectations", ex);
            Files.writeString(dir.resolve(REPLAY_JSON),
                    ResultReader.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8);
            OutputMarker.markComplete(dir, "trustlab replay");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay result to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static ReplayDir read(Path dir) {
        Path file = dir.resolve(REPLAY_JSON);
        JsonNode root = ResultReader.readJson(file);
        JsonFields j = new JsonFields(file);
        if (!root.isObject()) {
            throw j.bad("/", "must be a JSON object");
        }
        Path traceFile = dir.resolve(TRACE_JSONL);
        Trace trace;
        try {
            trace = TraceReader.parse(Files.readAllBytes(traceFile));
        } catch (IOException e) {
            throw new ReportInputException(traceFile, Files.exists(traceFile) ? "unreadable: " + e.getMessage()
                    : "missing", e);
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(traceFile, e.getMessage(), e);
        }
        Optional<String> recorded = j.optionalText(root, "traceSha256", "/");
        if (recorded.isPresent() && !recorded.get().equals(trace.sha256())) {
            throw new ReportInputException(traceFile, "SHA-256 " + trace.sha256() + " is not the replayed run's "
                    + recorded.get() + " (edited after the replay?)");
        }
        List<ReplayDir.Expectation> expectations = new ArrayList<>();
        JsonNode ex = root.get("expectations");
        if (ex != null && ex.isArray()) {
            for (int i = 0; i < ex.size(); i++) {
                String p = "/expectations/" + i + "/";
                expectations.add(new ReplayDir.Expectation(j.text(ex.get(i), "text", p),
                        j.bool(ex.get(i), "holds", p, false)));
            }
        }
        return new ReplayDir(dir, j.text(root, "protocol", "/"), j.optionalText(root, "scenario", "/").orElse(""),
                j.integerOr(root, "seed", "/", 0), j.optionalText(root, "mutant", "/"),
                ResultReader.readText(dir.resolve(SCENARIO_YAML)), trace, expectations);
    }
}
