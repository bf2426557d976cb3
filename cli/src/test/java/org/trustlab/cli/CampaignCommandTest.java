package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trustlab campaign} and {@code trustlab mutants} end to end through picocli: the summary line, the result
 * files, the report at the end, the shrunk failure that {@code trustlab replay} reproduces, and exit codes 0 / 1 / 2.
 */
class CampaignCommandTest {
    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void aCleanCampaignExitsZeroAndEndsWithItsReport(@TempDir Path dir) throws Exception {
        CliRun r = run("campaign", "--protocol", "autojoin", "--runs", "40", "--seed", "3", "--jobs", "2",
                "--out", dir.toString(), "--graph-engine", "builtin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).isEqualTo("autojoin: 0 violations in 40 runs (rate < 7.2e-2 at 95%)");
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo("report: " + dir.resolve("report.html"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("autojoin").resolve("summary.json").toFile());
        assertThat(summary.get("protocol").asText()).isEqualTo("autojoin");
        assertThat(summary.get("runs").asInt()).isEqualTo(40);
        assertThat(summary.get("seed").asLong()).isEqualTo(3);
        assertThat(summary.get("mutant").isNull()).isTrue();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("id=\"verdict-table\"");
    }

    @Test
    void aMutantCampaignExitsOneNamesTheInvariantAndItsShrunkFailureReplays(@TempDir Path dir) throws Exception {
        CliRun r = run("campaign", "--mutant", "autojoin.no-replay-cache", "--runs", "120", "--seed", "1",
                "--out", dir.toString(), "--graph-engine", "builtin");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.lines()).anyMatch(l -> l.startsWith("  VIOLATED autojoin.no-replay: "));
        Path failure = dir.resolve("autojoin").resolve("failures").resolve("autojoin.no-replay-0.yaml");
        assertThat(failure).exists();
        assertThat(dir.resolve("report.html")).exists();

        // The shrunk file is an ordinary scenario that expects the violation; replay reproduces it (exit 0).
        assertThat(Files.readString(failure)).contains("- invariant: autojoin.no-replay\n  holds: false");
        CliRun replay = run("replay", failure.toString(), "--no-report");
        assertThat(replay.exit()).as(String.join("\n", replay.lines())).isZero();
        assertThat(replay.lines()).anyMatch(l -> l.startsWith("PASS") && l.contains("autojoin.no-replay violated"));
        JsonNode violation = new ObjectMapper().readTree(dir.resolve("autojoin").resolve("failures")
                .resolve("autojoin.no-replay-0.violation.json").toFile());
        assertThat(replay.lines().get(replay.lines().size() - 1))
                .isEqualTo("trace-sha256: " + violation.get("traceSha256").asText());
    }

    @Test
    void badFlagsExitTwoAndWriteNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<String[]> bad = List.of(
                new String[] {"--protocol", "nosuch"},
                new String[] {"--runs", "0"},
                new String[] {"--jobs", "0"},
                new String[] {"--mutant", "autojoin.nosuch"},
                new String[] {"--protocol", "vouch", "--mutant", "autojoin.no-replay-cache"},
                new String[] {"--shard", "2/2"},
                new String[] {"--shard", "x"},
                new String[] {"--graph-engine", "neato"},
                new String[] {"--seed", "one"});
        for (String[] flags : bad) {
            String[] args = Stream.concat(Stream.of("campaign", "--out", out.toString()), Stream.of(flags))
                    .toArray(String[]::new);
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", flags)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", flags)).isNotBlank();
            assertThat(out).as(String.join(" ", flags)).doesNotExist();
        }
    }

    @Test
    void mutantsListsEveryMutantWithTheInvariantsItBreaks() {
        CliRun r = run("mutants");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("autojoin.no-replay-cache").contains("autojoin.no-replay")
                .contains("vouch.no-timestamp-check").contains("vouch.freshness");
    }
}
