package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.CampaignWriter;
import org.trustlab.properties.campaign.RunMetrics;
import org.trustlab.properties.campaign.RunRecord;
import org.trustlab.properties.campaign.ScenarioMeta;
import org.trustlab.properties.campaign.Shard;
import org.trustlab.properties.campaign.TraceCheck;

/**
 * {@code trustlab report}: prints the path of report.html, merges shards, and turns every kind of bad input into
 * exit code 2 with the file and the reason. The campaign directories are written by the campaign's own writer
 * (with hand-made runs of a toy protocol, so that no simulation is needed); graphs use the built-in layout so that
 * this module's tests do not start a JavaScript engine.
 */
class ReportCommandTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    /** Shard {@code index}/{@code count} of a 20-run toy campaign; runs 3, 10 and 17 violate toy.inv. */
    private Path campaign(String name, long seed, int index, int count) {
        Shard shard = new Shard(index, count);
        CampaignSpec spec = new CampaignSpec("toy", 20, seed, Optional.empty(), shard, 1, false, 0, 1);
        TraceCheck check = TraceCheck.of("toy.inv", "toy", "Toys never break.", t -> List.of(), t -> 1);
        List<RunRecord> runs = new ArrayList<>();
        Map<String, Integer> violations = new LinkedHashMap<>();
        violations.put("toy.inv", 0);
        for (int k = 0; k < shard.size(20); k++) {
            int i = shard.runIndex(k);
            List<String> v = i % 7 == 3 ? List.of("toy.inv") : List.of();
            violations.merge("toy.inv", v.size(), Integer::sum);
            runs.add(new RunRecord(i, seed * 100 + i, 10, String.format("%064x", i), v,
                    new ScenarioMeta(i % 2 == 0 ? "lan" : "wan", 0.01 * (i % 3), 0), new RunMetrics(2, 2,
                            List.of(100.0 + i, 200.0))));
        }
        CampaignResult r = new CampaignResult(spec, List.of(check), runs, violations, List.of(), "0".repeat(64), 1.0);
        return CampaignWriter.write(r, tmp.resolve(name)).getParent();
    }

    @Test
    void writesTheReportNextToTheCampaignAndPrintsItsPath() throws IOException {
        Path dir = campaign("whole", 1, 0, 1);
        CliRun r = run("report", dir.toString(), "--graph-engine", "builtin");
        // stderr says only which slow step is under way, from the first one on.
        assertThat(r.err().lines()).containsExactly("report: re-simulating a typical run of toy (seed 1) ...",
                "report: drawing the charts and trust graph of toy (seed 1) ...");
        assertThat(r.exit()).isZero();
        Path html = dir.resolve("report.html");
        assertThat(r.out().strip()).isEqualTo(html.toString());
        assertThat(Files.readString(html)).contains("id=\"verdict-table\"").contains("toy.inv")
                .contains("Toys never break.");
        assertThat(dir.resolve("report.md")).exists();
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void mergesShardsIntoOut() throws IOException {
        Path s0 = campaign("s0", 1, 0, 2);
        Path s1 = campaign("s1", 1, 1, 2);
        Path out = tmp.resolve("merged");
        CliRun r = run("report", s0.toString(), s1.toString(), "--out", out.toString(), "--graph-engine", "builtin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(out.resolve("report.html").toString());
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| toy | — | `toy.inv` | 20 | 20 | 3 |").contains("all 20 runs, merged from shards 0/2, 1/2");
    }

    @Test
    void aMissingDirectoryIsBadInput() {
        Path missing = tmp.resolve("no-such-campaign");
        CliRun r = run("report", missing.toString());
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("trustlab report: " + missing + ": no such directory" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreadableSummaryIsBadInputNamingTheFileAndTheReason() throws IOException {
        Path dir = campaign("broken", 1, 0, 1);
        Path summary = dir.resolve("toy/summary.json");
        Files.writeString(summary, "{ \"protocol\": ");
        CliRun r = run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("trustlab report: " + summary + ": not valid JSON");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void shardsThatDoNotBelongTogetherAreBadInput() {
        Path s0 = campaign("seed1", 1, 0, 2);
        Path s1 = campaign("seed2", 2, 1, 2);
        CliRun r = run("report", s0.toString(), s1.toString(), "--out", tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("shards do not cover the campaign").contains("shard 1/2 missing");
    }

    @Test
    void badFlagsAreBadInput() {
        assertThat(run("report").exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        CliRun r = run("report", tmp.toString(), "--graph-engine", "gnuplot");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("graph engine must be one of auto, dot, elk, js");
    }
}
