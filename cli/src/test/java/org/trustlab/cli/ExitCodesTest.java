package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Shard;
import picocli.CommandLine;

/**
 * Exit codes beyond 0 and 1: 2 for bad input named by its reason, 3 for an internal error (one line and a log),
 * 4 for a campaign cut to its memory budget ({@code unknown}), 130 for SIGINT or SIGTERM with a line saying what
 * was kept.
 */
class ExitCodesTest {
    @TempDir
    Path tmp;

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the frobnicator broke", new ArithmeticException("/ by zero"));
        }
    }

    @Test
    void anInternalErrorIsOneLineAndALogFileWithTheStackTrace() throws IOException {
        CommandLine cl = TrustlabCommand.commandLine().addSubcommand("boom", new Boom());
        cl.setExecutionExceptionHandler(new CrashLog(tmp));

        CliRun r = CliRun.run(cl, "boom");

        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_INTERNAL);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("trustlab boom: internal error: IllegalStateException: the frobnicator broke"
                + " (caused by ArithmeticException: / by zero); details in " + tmp);
        assertThat(r.err()).doesNotContain("\tat ");
        Path log = Path.of(r.err().strip().replaceFirst(".*details in ", ""));
        assertThat(Files.readString(log)).contains("trustlab boom").contains("\tat org.trustlab.cli.ExitCodesTest");
    }

    @Test
    void anEmptyShardIsBadInput() {
        CliRun r = CliRun.run("campaign", "--protocol", "autojoin", "--shard", "25/30", "--runs", "20", "--out",
                tmp.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustlab campaign: shard 25/30 of 20 runs is empty (shard i takes runs i, "
                + "i+n, ...): use at most 20 shards, or more --runs\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void runsBeyondTheMemoryBudgetAnswerUnknownWithWhatWasReached() throws IOException {
        Path out = tmp.resolve("o");
        // 64 KiB hold 64 run records: the campaign runs those and answers unknown for the other 16.
        CliRun r = CliRun.run("campaign", "--protocol", "autojoin", "--runs", "80", "--memory-budget", "64k",
                "--out", out.toString(), "--no-report", "--no-validate");

        assertThat(r.exit()).as(r.err()).isEqualTo(TrustlabCommand.EXIT_UNKNOWN);
        assertThat(r.err()).contains("autojoin: 80 runs need more memory than the budget (64 KiB: 64 runs); "
                + "running the first 64");
        assertThat(r.out()).contains("autojoin: 0 violations in 64 runs")
                .contains("  unknown: 64 of the 80 runs asked for were reached within the memory budget");
        assertThat(new ObjectMapper().readTree(out.resolve("autojoin").resolve("summary.json").toFile())
                .get("runs").asInt()).isEqualTo(64);
    }

    @Test
    void aShardCutToTheBudgetKeepsItsOwnStride() {
        RunBudget b = RunBudget.parse("10k");
        assertThat(b.runsThatFit()).isEqualTo(10);
        CampaignSpec whole = CampaignSpec.of("autojoin", 1000, 1);
        assertThat(b.fit(whole).shardRuns()).isEqualTo(10);
        CampaignSpec shard = whole.withShard(new Shard(3, 7));
        CampaignSpec cut = b.fit(shard);
        assertThat(cut.shardRuns()).isEqualTo(10);
        assertThat(cut.shard().runIndex(9)).isEqualTo(66);
        CampaignSpec fits = CampaignSpec.of("autojoin", 10, 1);
        assertThat(b.fit(fits)).isSameAs(fits);
        for (String bad : new String[] {"0", "x", "-5", "12t"}) {
            CliRun r = CliRun.run("campaign", "--memory-budget", bad, "--out", "/proc/never");
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--memory-budget must look like 512k, 64m or 2g");
        }
    }

    @Test
    void unreadableScenariosAreNamedByTheirReason() throws IOException {
        Path binary = Files.write(tmp.resolve("binary.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', 0, 1, 2});
        Path latin1 = Files.write(tmp.resolve("latin1.yaml"), "name: x\nprotocol: caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path folder = Files.createDirectories(tmp.resolve("folder.yaml"));
        Path missing = tmp.resolve("missing.yaml");
        String[][] cases = {
            {binary.toString(), binary + ":1:6: is a binary file (a NUL byte at byte 5), not a YAML scenario"},
            {latin1.toString(), latin1 + ":2:14: is not UTF-8 text (byte 0xe9 at byte 21); save it as UTF-8"},
            {folder.toString(), folder + ":1:1: is a directory, not a scenario file (give a .yaml file in it)"},
            {missing.toString(), missing + ":1:1: no such file"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.run("replay", c[0], "--no-report");
            assertThat(r.exit()).as(c[0]).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo(c[1]);
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsACampaignAtOnceWithExit130AndSaysWhatWasKept(String signal) throws Exception {
        // A process started in the background of a non-interactive shell ignores SIGINT, and so does every process
        // it starts (an ignored signal is inherited and the JVM leaves it ignored): there is nothing to test there.
        assumeFalse(ignoredHere(signal), "SIG" + signal + " is ignored by this test's own process");
        Path out = tmp.resolve("o-" + signal);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TrustlabCommand.class.getName(), "campaign", "--protocol",
                "autojoin", "--runs", "1000000", "--no-validate", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> err = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            // Runs are under way once the progress names the campaign.
            for (String line = r.readLine(); line != null && !line.startsWith("campaign autojoin:");
                    line = r.readLine()) {
                err.add(line);
            }
            long sent = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped").isTrue();
            double seconds = (System.nanoTime() - sent) / 1e9;
            r.lines().forEach(err::add);
            assertThat(p.exitValue()).as(String.join("\n", err)).isEqualTo(130);
            assertThat(err).contains("trustlab campaign: interrupted; nothing was kept in " + out);
            assertThat(seconds).as("seconds from SIG%s to exit", signal).isLessThan(5);
        } finally {
            p.destroyForcibly();
        }
        assertThat(out).doesNotExist();
    }

    /** Whether this JVM was started with {@code signal} ignored (Linux: the SigIgn mask of /proc/self/status). */
    private static boolean ignoredHere(String signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        int number = signal.equals("INT") ? 2 : 15;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }
}
