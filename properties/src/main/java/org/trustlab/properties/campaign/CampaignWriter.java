package org.trustlab.properties.campaign;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputMarker;
import org.trustlab.reference.crypto.Hashes;

/**
 * Writes a campaign's result directory ({@code DIR/<protocol>/summary.json}, {@code runs.jsonl},
 * {@code failures/}) in the format the reports read. Everything is written into a claimed {@link OutputFolder}'s
 * staging folder and moved into place at the end, so an interrupted or failed campaign never leaves a half-written
 * result behind, and never overwrites files trustlab did not write.
 */
public final class CampaignWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    static final String WRITTEN_BY = "trustlab campaign";

    private CampaignWriter() {}

    /**
     * Writes {@code result} to {@code outDir/<protocol>} and returns that path: claims {@code outDir} (refusing a
     * folder holding files trustlab did not write, or one another process is writing), writes into its staging
     * folder and moves the protocol folder into place, replacing only an earlier result of the same protocol.
     */
    public static Path write(CampaignResult result, Path outDir) {
        try (OutputFolder folder = OutputFolder.claim(outDir, WRITTEN_BY)) {
            writeProtocolFolder(result, folder.staging());
            folder.commit(false);
            return outDir.resolve(result.spec().protocol());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write campaign results to " + outDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code parent/<protocol>} in full, with its {@link OutputMarker}, and returns it; {@code parent} is a
     * claimed folder's staging folder, so nothing is visible under the final name until the commit.
     */
    public static Path writeProtocolFolder(CampaignResult result, Path parent) throws IOException {
        Path dir = Files.createDirectory(parent.resolve(result.spec().protocol()));
        writeInto(result, dir);
        OutputMarker.markComplete(dir, WRITTEN_BY);
        return dir;
    }

    static void writeInto(CampaignResult result, Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary(result)) + "\n",
                StandardCharsets.UTF_8);
        // Line by line: a campaign of a million runs must not hold its whole runs.jsonl in memory as well.
        try (BufferedWriter runs = Files.newBufferedWriter(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8)) {
            for (RunRecord r : result.runs()) {
                runs.write(JSON_LINE.writeValueAsString(runLine(r)));
                runs.write('\n');
            }
        }
        if (!result.failures().isEmpty()) {
            Path failures = Files.createDirectories(dir.resolve("failures"));
            for (Failure f : result.failures()) {
                Files.writeString(failures.resolve(f.stem() + ".yaml"), f.yaml(), StandardCharsets.UTF_8);
                Files.writeString(failures.resolve(f.stem() + ".trace.jsonl"), f.traceJsonLines(),
                        StandardCharsets.UTF_8);
                Files.writeString(failures.resolve(f.stem() + ".violation.json"),
                        JSON.writeValueAsString(violation(f)) + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    /** summary.json as a map in the documented key order. */
    public static Map<String, Object> summary(CampaignResult result) {
        CampaignSpec spec = result.spec();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("protocol", spec.protocol());
        s.put("runs", result.runs().size());
        s.put("totalRuns", spec.runs());
        s.put("seed", spec.seed());
        s.put("mutant", spec.mutant().orElse(null));
        s.put("shard", spec.shard().isWhole() ? null
                : ordered("index", spec.shard().index(), "count", spec.shard().count()));
        s.put("runIndices", ordered("from", spec.shard().index(), "to", spec.runs(), "stride", spec.shard().count()));
        List<Object> invariants = new ArrayList<>();
        for (TraceCheck c : result.checks()) {
            Map<String, Object> inv = ordered("id", c.id(), "statement", c.statement(), "violations",
                    result.violations().get(c.id()), "judgedRuns", result.judged(c.id()), "vacuousRuns",
                    result.vacuous(c.id()), "rateUpper95", result.upper95(c.id()));
            for (AdmittedGap g : result.gaps()) {
                if (g.checkId().equals(c.id())) {
                    inv.put("admitted", result.admitted().get(c.id()));
                    inv.put("admittedBecause", g.why());
                }
            }
            invariants.add(inv);
        }
        s.put("invariants", invariants);
        s.put("violations", result.violations());
        s.put("unexpectedViolatingRuns", result.unexpectedViolatingRuns());
        s.put("failures", result.failures().stream().map(Failure::file).toList());
        List<Object> details = new ArrayList<>();
        for (Failure f : result.failures()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", f.file());
            d.put("invariant", f.checkId());
            d.put("runIndex", f.runIndex());
            d.put("runSeed", f.runSeed());
            d.put("traceSha256", f.traceSha256());
            d.put("scenarioSha256", scenarioSha256(f));
            d.put("message", f.message());
            d.put("scenarioSteps", f.scenarioSteps());
            d.put("shrinkSteps", f.shrinkSteps());
            d.put("shrinkEvaluations", f.shrinkEvaluations());
            d.put("shrinkBudgetExhausted", f.shrinkBudgetExhausted());
            d.put("replayVerified", f.replayVerified());
            details.add(d);
        }
        s.put("failureDetails", details);
        s.put("confidence", ordered("method", "Clopper-Pearson, one-sided, over the runs that judged the invariant",
                "level", ClopperPearson.CONFIDENCE));
        s.put("campaignSha256", result.campaignSha256());
        s.put("wallTimeSeconds", Math.round(result.wallTimeSeconds() * 1000) / 1000.0);
        s.put("jobs", spec.jobs());
        return s;
    }

    static Map<String, Object> runLine(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("seed", r.seed());
        m.put("size", r.size());
        m.put("traceSha256", r.traceSha256());
        m.put("violations", r.violations());
        if (!r.admitted().isEmpty()) {
            m.put("admitted", r.admitted());
        }
        m.put("vacuous", r.vacuous());
        m.put("network", r.meta().network());
        m.put("profile", r.meta().profile());
        m.put("loss", r.meta().loss());
        m.put("offlineProbability", r.meta().offlineProbability());
        m.put("attempts", r.metrics().attempts());
        m.put("accepted", r.metrics().accepted());
        m.put("latenciesMs", r.metrics().latenciesMs());
        return m;
    }

    static Map<String, Object> violation(Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invariant", f.checkId());
        m.put("message", f.message());
        m.put("evidence", f.evidenceSeqs());
        m.put("runIndex", f.runIndex());
        m.put("runSeed", f.runSeed());
        m.put("traceSha256", f.traceSha256());
        m.put("scenarioSha256", scenarioSha256(f));
        m.put("replayVerified", f.replayVerified());
        return m;
    }

    /** The failure file's hash as written, so that a report can tell a file edited since the campaign. */
    static String scenarioSha256(Failure f) {
        return HexFormat.of().formatHex(Hashes.sha256(f.yaml().getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
