package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputMarker;

/**
 * Outputs never destroy: every command that writes ({@code campaign}, {@code replay}, {@code report}) refuses a
 * folder holding files it did not write, a folder another writer holds, and one it cannot write, with exit 2 and
 * one line before any run; and replaces its own earlier output whole.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    private static final String SCENARIO = "../scenarios/autojoin/replay-same-session.yaml";

    /** Every file under {@code dir} with the SHA-256 of its bytes. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static void assertRefusedBeforeAnyRun(CliRun r) {
        assertThat(r.exit()).as(r.err()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("runs,").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCampaignIntoTheScenariosFolderDeletesNothing() throws IOException {
        Path scenarios = tmp.resolve("scenarios");
        copy(Path.of("..", "scenarios"), scenarios);
        Map<String, String> before = tree(scenarios);
        assertThat(before).containsKey("autojoin/replay-same-session.yaml").hasSizeGreaterThan(30);

        CliRun r = CliRun.run("campaign", "--protocol", "autojoin", "--runs", "5", "--out", scenarios.toString(),
                "--no-report");

        assertRefusedBeforeAnyRun(r);
        assertThat(r.err()).contains("did not write");
        assertThat(tree(scenarios)).isEqualTo(before);
    }

    @Test
    void aUsersOwnFilesAreRefusedByEveryWritingCommand() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine").resolve("autojoin"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        Files.writeString(tmp.resolve("mine").resolve("report.md"), "my report");
        Path campaign = tmp.resolve("c");
        assertThat(CliRun.run("campaign", "--protocol", "autojoin", "--runs", "3", "--out", campaign.toString(),
                "--no-report", "--no-validate").exit()).isZero();
        Map<String, String> before = tree(tmp.resolve("mine"));

        assertRefusedBeforeAnyRun(CliRun.run("campaign", "--protocol", "autojoin", "--runs", "3", "--out",
                tmp.resolve("mine").toString(), "--no-report"));
        CliRun replay = CliRun.run("replay", SCENARIO, "--report-out", tmp.resolve("mine").toString());
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).contains("--report-out").contains("did not write");
        assertThat(replay.out()).isEmpty();
        CliRun report = CliRun.run("report", campaign.toString(), "--out", tmp.resolve("mine").toString(),
                "--graph-engine", "builtin");
        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).contains("--out").contains("did not write");
        assertThat(tree(tmp.resolve("mine"))).isEqualTo(before);
    }

    @Test
    void aCampaignReplacesItsOwnEarlierOutputWhole() throws IOException {
        Path out = tmp.resolve("o");
        assertThat(CliRun.run("campaign", "--protocol", "all", "--runs", "4", "--out", out.toString(),
                "--no-validate", "--graph-engine", "builtin").exit()).isZero();
        assertThat(OutputMarker.visibleEntries(out)).contains("autojoin", "vouch", "report.html");

        CliRun again = CliRun.run("campaign", "--protocol", "autojoin", "--runs", "4", "--out", out.toString(),
                "--no-validate", "--no-report");

        assertThat(again.exit()).as(again.err()).isZero();
        // The earlier vouch results and report belonged to the earlier output, which is replaced whole: a report
        // here can no longer mix two campaigns.
        assertThat(OutputMarker.visibleEntries(out)).containsExactly("autojoin");
        assertThat(OutputMarker.read(out).orElseThrow().complete()).isTrue();
    }

    @Test
    void aSecondConcurrentWriterIsRefused() {
        Path out = tmp.resolve("busy");
        try (OutputFolder held = OutputFolder.claim(out, "another trustlab")) {
            CliRun r = CliRun.run("campaign", "--protocol", "autojoin", "--runs", "3", "--out", out.toString(),
                    "--no-report");
            assertRefusedBeforeAnyRun(r);
            assertThat(r.err()).contains("another trustlab command is writing it");
            CliRun report = CliRun.run("replay", SCENARIO, "--report-out", out.toString());
            assertThat(report.exit()).isEqualTo(2);
            assertThat(report.err()).contains("another trustlab command is writing it");
        }
    }

    @Test
    void anUnwritableOutIsRefusedBeforeTheFirstRun() {
        for (String place : new String[] {"/proc/trustlab-out", "/proc/self/status"}) {
            CliRun r = CliRun.run("campaign", "--protocol", "autojoin", "--runs", "3", "--out", place);
            assertRefusedBeforeAnyRun(r);
            assertThat(r.err()).startsWith("trustlab campaign: --out " + place + ": ");
        }
        CliRun replay = CliRun.run("replay", SCENARIO, "--report-out", "/proc/trustlab-out");
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.out()).as("nothing ran").isEmpty();
    }

    @Test
    void reportRefusesAFolderMarkedIncomplete() throws IOException {
        Path out = tmp.resolve("o");
        assertThat(CliRun.run("campaign", "--protocol", "autojoin", "--runs", "3", "--out", out.toString(),
                "--no-report", "--no-validate").exit()).isZero();
        // What a writer interrupted while moving its entries into place leaves: the marker says incomplete.
        OutputMarker m = OutputMarker.read(out).orElseThrow();
        new OutputMarker(m.writtenBy(), false, m.entries()).writeTo(out);

        CliRun r = CliRun.run("report", out.toString(), "--out", tmp.resolve("r").toString(), "--graph-engine",
                "builtin");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is marked incomplete").contains("interrupted").contains("run that command again");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void aReplayReplacesItsOwnReportFolder() throws IOException {
        Path dir = tmp.resolve("replay");
        for (int i = 0; i < 2; i++) {
            CliRun r = CliRun.run("replay", SCENARIO, "--report-out", dir.toString(), "--graph-engine", "builtin");
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(OutputMarker.visibleEntries(dir)).containsExactly("replay.json", "report.html", "report.json",
                "report.md", "scenario.yaml", "trace.jsonl");
    }
}
