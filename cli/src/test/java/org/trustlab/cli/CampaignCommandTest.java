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

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * --histories: the first runs as a sample, the failing runs and the shrunk counterexample's history, each an EDN
     * file that trustlab lin checks again with the verdict the campaign gave (valid for the sample's honest
     * validator runs, invalid for the failing ones), into a folder claimed like --out.
     */
    @Test
    void historiesAreWrittenForTheSampleTheFailingRunsAndTheCounterexample(@TempDir Path dir) throws Exception {
        Path hist = dir.resolve("histories");
        CliRun r = run("campaign", "--mutant", "autojoin.consumed-marked-after-await", "--runs", "40", "--seed",
                "1", "--jobs", "2", "--no-report", "--shrink-budget", "20", "--out", dir.resolve("out").toString(),
                "--histories", hist.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.out()).contains("VIOLATED autojoin.consumed-set-linearizable");
        Path edn = hist.resolve("autojoin").resolve("autojoin.consumed-set-linearizable");
        assertThat(r.out()).containsPattern("histories: \\d+ EDN files in " + java.util.regex.Pattern.quote(
                hist.resolve("autojoin").toString()));
        for (int i = 0; i < 10; i++) {
            assertThat(edn.resolve("run-" + i + ".edn")).exists();
        }
        Path counterexample = edn.resolve("autojoin.consumed-set-linearizable-0.edn");
        assertThat(Files.readString(counterexample)).startsWith("; shrunk counterexample failures/"
                + "autojoin.consumed-set-linearizable-0.yaml").contains("; check: trustlab lin THIS.edn --model "
                + "nonce-store");
        CliRun lin = run("lin", counterexample.toString(), "--model", "nonce-store");
        assertThat(lin.exit()).as(lin.out()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(lin.out()).contains("cannot linearize").contains(":accepted");
        // the failing runs are those the campaign's records name
        try (var files = Files.list(edn)) {
            List<Path> failing = files.filter(p -> p.getFileName().toString().matches("run-\\d+\\.edn")
                    && text(p).startsWith("; failing")).toList();
            assertThat(failing).isNotEmpty();
        }
        // a histories folder inside --out, or one holding someone else's files, is refused before any run
        CliRun inside = run("campaign", "--protocol", "autojoin", "--runs", "3", "--out", dir.resolve("o2")
                .toString(), "--histories", dir.resolve("o2").resolve("h").toString());
        assertThat(inside.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(inside.err()).contains("--histories").contains("give the histories a folder of their own");
        assertThat(inside.out()).isEmpty();
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
