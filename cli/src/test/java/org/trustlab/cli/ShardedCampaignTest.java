package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.campaign.Shard;

/**
 * A campaign run as an indexed batch job: N processes started the way a Kubernetes Indexed Job starts them (one
 * command line, JOB_COMPLETION_INDEX set per pod), each with {@code --shard auto/N}, merged by
 * {@code trustlab report}; the merged campaign's identity is the unsharded campaign's.
 */
class ShardedCampaignTest {
    @TempDir
    Path tmp;

    private static final int SHARDS = 2;
    private static final String[] CAMPAIGN = {"campaign", "--protocol", "autojoin", "--runs", "24", "--seed", "5",
        "--no-validate", "--no-report", "--jobs", "1"};

    @Test
    void shardProcessesOfAnIndexedJobMergeIntoTheUnshardedCampaign() throws Exception {
        List<Process> pods = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), TrustlabCommand.class.getName()));
            cmd.addAll(List.of(CAMPAIGN));
            cmd.addAll(List.of("--shard", "auto/" + SHARDS, "--out", tmp.resolve("shard-" + i).toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("pod-" + i + ".log").toFile());
            pb.environment().put("JOB_COMPLETION_INDEX", Integer.toString(i));
            pods.add(pb.start());
        }
        for (int i = 0; i < SHARDS; i++) {
            assertThat(pods.get(i).waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(tmp.resolve("pod-" + i + ".log"));
            assertThat(pods.get(i).exitValue()).as(log).isZero();
            assertThat(log).contains("shard " + i + "/" + SHARDS + " from the Kubernetes Indexed Job "
                    + "(JOB_COMPLETION_INDEX=" + i + ")");
        }

        List<String> whole = new ArrayList<>(List.of(CAMPAIGN));
        whole.addAll(List.of("--out", tmp.resolve("whole").toString()));
        assertThat(CliRun.run(whole.toArray(String[]::new)).exit()).isZero();
        CliRun merge = CliRun.run("report", tmp.resolve("shard-1").toString(), tmp.resolve("shard-0").toString(),
                "--out", tmp.resolve("merged").toString(), "--graph-engine",
                "builtin");
        assertThat(merge.exit()).as(merge.err()).isZero();

        ObjectMapper json = new ObjectMapper();
        String unsharded = json.readTree(tmp.resolve("whole").resolve("autojoin").resolve("summary.json").toFile())
                .get("campaignSha256").asText();
        var merged = json.readTree(tmp.resolve("merged").resolve("report.json").toFile()).get("campaigns").get(0);
        assertThat(merged.get("campaignSha256").asText()).isEqualTo(unsharded);
        assertThat(merged.get("coverage").asText()).isEqualTo("all 24 runs, merged from shards 0/2, 1/2");
    }

    @Test
    void autoReadsEachSchedulersIndexAndCount() {
        assertThat(SchedulerShard.resolve("auto/8", Map.of("JOB_COMPLETION_INDEX", "3")).shard())
                .isEqualTo(new Shard(3, 8));
        assertThat(SchedulerShard.resolve("auto", Map.of("SLURM_ARRAY_TASK_ID", "12", "SLURM_ARRAY_TASK_MIN", "10",
                "SLURM_ARRAY_TASK_COUNT", "4")).shard()).isEqualTo(new Shard(2, 4));
        assertThat(SchedulerShard.resolve("auto", Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "5")).shard())
                .isEqualTo(new Shard(0, 5));
        assertThat(SchedulerShard.resolve("auto", Map.of("TRUSTLAB_SHARD_INDEX", "4", "TRUSTLAB_SHARD_COUNT", "5"))
                .shard()).isEqualTo(new Shard(4, 5));
    }

    @Test
    void autoRefusesWhatItCannotResolve() throws IOException {
        assertThatThrownBy(() -> SchedulerShard.resolve("auto", Map.of("JOB_COMPLETION_INDEX", "3")))
                .hasMessageContaining("give it as --shard auto/N");
        assertThatThrownBy(() -> SchedulerShard.resolve("auto", Map.of()))
                .hasMessageContaining("no scheduler's shard index in the environment");
        assertThatThrownBy(() -> SchedulerShard.resolve("auto/3", Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "4")))
                .hasMessageContaining("disagrees with the GitLab CI parallel job's CI_NODE_TOTAL=4");
        assertThatThrownBy(() -> SchedulerShard.resolve("auto/2", Map.of("JOB_COMPLETION_INDEX", "2")))
                .hasMessageContaining("is not a shard of 2");
        assertThatThrownBy(() -> SchedulerShard.resolve("auto/x", Map.of()))
                .hasMessageContaining("must be a whole number");
        CliRun r = CliRun.run("campaign", "--shard", "auto/x", "--out", tmp.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
