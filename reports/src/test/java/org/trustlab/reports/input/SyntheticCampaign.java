package org.trustlab.reports.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.properties.campaign.ClopperPearson;

/**
 * Hand-made campaign result directories in the documented format, for the reader's and the merger's error paths
 * (the happy paths are tested on real campaign output). Run i violates {@code p.inv} when i % 7 == 3.
 */
public final class SyntheticCampaign {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String INVARIANT = "toy.inv";

    private SyntheticCampaign() {}

    public static boolean violates(long index) {
        return index % 7 == 3;
    }

    /** Shard {@code index}/{@code count} (count 1: unsharded) of a {@code total}-run campaign with {@code seed}. */
    public static Path write(Path dir, long seed, int total, int index, int count) {
        try {
            Path p = Files.createDirectories(dir.resolve("toy"));
            StringBuilder runs = new StringBuilder();
            long n = 0;
            long violations = 0;
            for (int i = index; i < total; i += count) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("index", i);
                r.put("seed", seed * 1000 + i);
                r.put("size", 10);
                r.put("traceSha256", String.format("%064x", i));
                r.put("violations", violates(i) ? List.of(INVARIANT) : List.of());
                r.put("network", i % 2 == 0 ? "lan" : "wan");
                r.put("loss", i % 2 == 0 ? 0.0 : 0.1);
                r.put("offlineProbability", 0.0);
                r.put("attempts", 2);
                r.put("accepted", violates(i) ? 1 : 2);
                r.put("latenciesMs", List.of(100.0 + i));
                runs.append(JSON.writeValueAsString(r)).append('\n');
                n++;
                violations += violates(i) ? 1 : 0;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("protocol", "toy");
            s.put("runs", n);
            s.put("totalRuns", total);
            s.put("seed", seed);
            s.put("mutant", null);
            s.put("shard", count == 1 ? null : Map.of("index", index, "count", count));
            s.put("runIndices", Map.of("from", index, "to", total, "stride", count));
            List<Object> invariants = new ArrayList<>();
            invariants.add(Map.of("id", INVARIANT, "statement", "toy statement", "violations", violations,
                    "judgedRuns", n, "rateUpper95", ClopperPearson.upper95(violations, n)));
            s.put("invariants", invariants);
            s.put("violations", Map.of(INVARIANT, violations));
            s.put("failures", List.of());
            s.put("campaignSha256", "0".repeat(64));
            s.put("wallTimeSeconds", 1.0);
            s.put("jobs", 1);
            Files.writeString(p.resolve("summary.json"), JSON.writeValueAsString(s));
            Files.writeString(p.resolve("runs.jsonl"), runs);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
