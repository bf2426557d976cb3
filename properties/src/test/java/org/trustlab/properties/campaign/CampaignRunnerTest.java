package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.output.OutputMarker;

/** The campaign machinery on a toy protocol: determinism across threads and shards, shrinking, result files. */
class CampaignRunnerTest {
    private static final List<TraceCheck> CHECKS = List.of(ToyBackend.NO_SEVEN, ToyBackend.OVERLOAD);

    private static CampaignResult run(CampaignSpec spec) {
        return new CampaignRunner(ToyBackend.campaign(), new ToyBackend(), CHECKS).run(spec, CampaignProgress.SILENT);
    }

    private static CampaignSpec spec(int runs, int jobs) {
        return new CampaignSpec("toy", runs, 42, Optional.empty(), Shard.WHOLE, jobs, true, 500, 2);
    }

    /** summary.json without the two fields that may depend on the machine. */
    private static Map<String, Object> comparable(CampaignResult r) {
        Map<String, Object> s = new LinkedHashMap<>(CampaignWriter.summary(r));
        s.remove("wallTimeSeconds");
        s.remove("jobs");
        return s;
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        CampaignResult one = run(spec(300, 1));
        CampaignResult three = run(spec(300, 3));
        assertThat(one.violations().get("toy.no-overload")).isPositive();
        assertThat(comparable(three)).isEqualTo(comparable(one));
        assertThat(three.runs()).isEqualTo(one.runs());
        assertThat(three.failures()).isEqualTo(one.failures());
    }

    @Test
    void resultsDoNotDependOnHowManyRunsAWorkerTakesAtATime() {
        CampaignRunner runner = new CampaignRunner(ToyBackend.campaign(), new ToyBackend(), CHECKS);
        CampaignResult sized = runner.run(spec(300, 2), CampaignProgress.SILENT);
        for (int block : new int[] {1, 7, 16, 1000}) {
            CampaignResult r = runner.withBlock(block).run(spec(300, 2), CampaignProgress.SILENT);
            assertThat(comparable(r)).as("block %d", block).isEqualTo(comparable(sized));
            assertThat(r.runs()).isEqualTo(sized.runs());
            assertThat(r.failures()).isEqualTo(sized.failures());
        }
        assertThat(CampaignRunner.blockSize(300, 2)).isEqualTo(9);
        assertThat(CampaignRunner.blockSize(100_000, 2)).isEqualTo(16);
        assertThat(CampaignRunner.blockSize(5, 8)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.withBlock(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phaseTimesAreTakenOnlyWhenAskedAndLeaveTheResultsAsTheyAre() {
        PhaseTimes times = new PhaseTimes();
        CampaignResult timed = new CampaignRunner(ToyBackend.campaign(), new ToyBackend(), CHECKS)
                .run(spec(200, 2), CampaignProgress.SILENT, times);
        assertThat(comparable(timed)).isEqualTo(comparable(run(spec(200, 2))));
        assertThat(times.generateNanos()).isPositive();
        assertThat(times.runNanos()).isPositive();
        assertThat(times.checkNanos()).isPositive();
        // the three phases are parts of the workers' time, which the campaign's wall time bounds (two workers)
        assertThat(times.generateNanos() + times.runNanos() + times.checkNanos())
                .isLessThanOrEqualTo((long) (2 * timed.wallTimeSeconds() * 1e9));
        run(spec(50, 1));
        assertThat(PhaseTimes.OFF.generateNanos() + PhaseTimes.OFF.runNanos() + PhaseTimes.OFF.checkNanos())
                .isZero();
    }

    @Test
    void shardsCoverExactlyTheUnshardedRunsAndMergeToTheSameCounts() {
        CampaignResult whole = run(spec(101, 2));
        List<RunRecord> merged = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            CampaignResult shard = run(spec(101, 2).withShard(new Shard(i, 3)));
            assertThat(shard.runs()).allMatch(r -> r.index() % 3 == 0 + shard.spec().shard().index());
            merged.addAll(shard.runs());
            shard.violations().forEach((id, n) -> counts.merge(id, n, Integer::sum));
        }
        merged.sort((a, b) -> Integer.compare(a.index(), b.index()));
        assertThat(merged).isEqualTo(whole.runs());
        assertThat(new TreeSet<>(merged.stream().map(RunRecord::index).toList())).hasSize(101);
        assertThat(counts).isEqualTo(whole.violations());
        assertThat(CampaignRunner.campaignSha256(merged)).isEqualTo(whole.campaignSha256());
    }

    @Test
    void aFailureShrinksToAMinimalScenarioThatReplays() {
        CampaignResult r = run(spec(200, 2));
        Failure overload = r.failures().stream().filter(f -> f.checkId().equals("toy.no-overload")).findFirst()
                .orElseThrow();
        assertThat(overload.replayVerified()).isTrue();
        assertThat(overload.shrinkSteps()).isPositive();
        // test.check's shrinking removes loads and moves each towards 0: the minimum is two loads summing to 101.
        @SuppressWarnings("unchecked")
        List<Integer> loads = (List<Integer>) parse(overload.yaml()).get("loads");
        assertThat(loads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(101);
        assertThat(loads).hasSize(2);
        assertThat(overload.yaml()).contains("invariant: \"toy.no-overload\"").contains("holds: false");
        // Failures are the lowest failing run indices, numbered per check.
        int firstFailing = r.runs().stream().filter(x -> x.violations().contains("toy.no-overload")).findFirst()
                .orElseThrow().index();
        assertThat(overload.runIndex()).isEqualTo(firstFailing);
        assertThat(r.failures().stream().filter(f -> f.checkId().equals("toy.no-overload")).map(Failure::n))
                .containsExactly(0, 1);
    }

    @Test
    void writesTheResultDirectoryAndReplacesAnEarlierOneWholesale(@TempDir Path out) throws Exception {
        Path dir = CampaignWriter.write(run(spec(120, 2)), out);
        assertThat(dir).isEqualTo(out.resolve("toy"));
        assertThat(dir.resolve("summary.json")).exists();
        assertThat(Files.readAllLines(dir.resolve("runs.jsonl"))).hasSize(120);
        assertThat(dir.resolve("failures/toy.no-overload-0.yaml")).exists();
        assertThat(dir.resolve("failures/toy.no-overload-0.trace.jsonl")).exists();
        assertThat(Files.readString(dir.resolve("failures/toy.no-overload-0.violation.json")))
                .contains("\"invariant\" : \"toy.no-overload\"");

        CampaignResult clean = new CampaignRunner(ToyBackend.campaign(), new ToyBackend(), List.of())
                .run(spec(3, 1), CampaignProgress.SILENT);
        assertThat(clean.anyViolation()).isFalse();
        CampaignWriter.write(clean, out);
        assertThat(dir.resolve("failures")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("runs.jsonl"))).hasSize(3);
        // Besides the result, only the folder's own bookkeeping (its marker and lock): no temporary folder is left.
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("toy",
                    OutputMarker.FILE, ".trustlab-lock");
        }
    }

    @Test
    void theSummaryFollowsTheResultFormat() {
        CampaignResult r = run(spec(50, 1).withShard(new Shard(1, 2)));
        Map<String, Object> s = CampaignWriter.summary(r);
        assertThat(s.keySet()).startsWith("protocol", "runs").contains("seed", "mutant", "shard", "runIndices",
                "invariants", "violations", "failures", "campaignSha256", "wallTimeSeconds", "jobs");
        assertThat(s.get("runs")).isEqualTo(25);
        assertThat(s.get("shard")).isEqualTo(Map.of("index", 1, "count", 2));
        assertThat(s.get("runIndices")).isEqualTo(Map.of("from", 1, "to", 50, "stride", 2));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        try {
            return ToyBackend.YAML.readValue(yaml, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
