package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustlab replay}: one line per expectation, the trace hash, exit 0 / 1 / 2. */
class ReplayCommandTest {
    private static final Path EXAMPLES = Path.of("..", "scenarios", "examples");

    private record Run(int exit, List<String> out, String err) {
        String hash() {
            String last = out.get(out.size() - 1);
            assertThat(last).matches("trace-sha256: [0-9a-f]{64}");
            return last.substring("trace-sha256: ".length());
        }
    }

    private static Run run(String... args) {
        // The report is its own test (below); here the last line is the trace hash.
        boolean report = List.of(args).contains("--report-out");
        String[] withFlags = report ? args : Stream.concat(Stream.of(args), Stream.of("--no-report"))
                .toArray(String[]::new);
        CliRun r = CliRun.run(withFlags);
        return new Run(r.exit(), r.lines(), r.err());
    }

    @Test
    void everyShippedExampleReplaysAndPasses() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
            for (Path example : examples) {
                Run r = run("replay", example.toString());
                assertThat(r.exit()).as(example + "\n" + r.out() + r.err()).isZero();
                assertThat(r.out()).as(example.toString()).hasSizeGreaterThan(1);
                assertThat(r.out().subList(0, r.out().size() - 1)).allSatisfy(l -> assertThat(l).startsWith("PASS "));
                assertThat(run("replay", example.toString()).hash()).isEqualTo(r.hash());
            }
        }
    }

    @Test
    void invariantExpectationsAreAnsweredByTheCatalogue() {
        Run r = run("replay", EXAMPLES.resolve("ping-mutant-accepts-duplicate.yaml").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("PASS invariant ping.pong-answers-ping violated");
        Run clean = run("replay", EXAMPLES.resolve("ping-replayed-pong.yaml").toString());
        assertThat(clean.out()).contains("PASS invariant ping.pong-answers-ping holds");
    }

    @Test
    void aFailedExpectationExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fails.yaml");
        Files.writeString(file, Files.readString(EXAMPLES.resolve("ping-basic.yaml"))
                + "  - {device: a, outcome: pong-received, result: rejected, reason: PONG_TIMEOUT}\n");
        Run r = run("replay", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL device a: outcome pong-received rejected PONG_TIMEOUT: got accepted");
        r.hash();
    }

    @Test
    void aMalformedScenarioExitsTwoWithItsLocationAndWritesNoTrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: x\nprotocol: ping\ndevices:\n  - {name: a, role: node}\nend: soon\n");
        Path trace = dir.resolve("trace.jsonl");
        Run r = run("replay", file.toString(), "--trace", trace.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo(file + ":5:6: 'end' must be a duration like 250ms, 30s, 5m, 2h or 8d, "
                + "got 'soon'");
        assertThat(r.out()).isEmpty();
        assertThat(trace).doesNotExist();

        Files.writeString(file, "name: x\nprotocol: ping\ndevices:\n  - {name: a, role: node}\n"
                + "attacker:\n  steps:\n    - {op: inject, to: a, message: {type: ping, nonce: zz}}\n");
        Run late = run("replay", file.toString());
        assertThat(late.exit()).isEqualTo(2);
        assertThat(late.err()).startsWith(file + ":7:56: nonce must be 'fresh', 'last-ping' or lower-case hex");

        Run missing = run("replay", dir.resolve("missing.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(dir.resolve("missing.yaml") + ":1:1: no such file\n");
        assertThat(run("replay").exit()).isEqualTo(2);
        assertThat(run("replay", file.toString(), "--seed", "abc").exit()).isEqualTo(2);
    }

    @Test
    void theTraceFileHasThePrintedHashAndTheSeedChangesIt(@TempDir Path dir) throws Exception {
        String example = EXAMPLES.resolve("ping-basic.yaml").toString();
        Path trace = dir.resolve("out.jsonl");
        Run r = run("replay", example, "--trace", trace.toString());
        assertThat(r.exit()).isZero();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trace))))
                .isEqualTo(r.hash());
        assertThat(run("replay", example, "--seed", "1").hash()).as("the scenario's seed is 1").isEqualTo(r.hash());
        assertThat(run("replay", example, "--seed", "2").hash()).isNotEqualTo(r.hash());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(trace);
        }
    }

    @Test
    void anUnwritableTraceIsBadInput(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Run r = run("replay", EXAMPLES.resolve("ping-basic.yaml").toString(), "--trace",
                blocker.resolve("trace.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write");
    }

    @Test
    void aReplayWritesItsReportWithTheTrustGraph(@TempDir Path dir) throws Exception {
        Path reportDir = dir.resolve("report");
        Run r = run("replay", Path.of("..", "scenarios", "vouch", "happy-path.yaml").toString(),
                "--report-out", reportDir.toString(), "--graph-engine", "builtin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("report: " + reportDir.resolve("report.html"));
        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html).contains("class=\"trust-graph\"").contains("<svg");
        assertThat(reportDir.resolve("report.md")).exists();
        assertThat(reportDir.resolve("report.json")).exists();
    }

    @Test
    void anUnknownGraphEngineIsBadInputAndWritesNothing(@TempDir Path dir) {
        Run r = run("replay", EXAMPLES.resolve("ping-basic.yaml").toString(), "--report-out",
                dir.resolve("r").toString(), "--graph-engine", "neato");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("neato");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
