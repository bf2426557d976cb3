package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.reports.graph.GraphEngine;

/**
 * {@code trustlab report} re-verifies every failure file it shows, and never repeats the campaign's
 * {@code replayVerified} flag for a file edited since: the scenario's hash against the one the campaign recorded,
 * then a replay of the file that must give the recorded trace and the violation.
 */
class FailureReplayTest {
    @TempDir
    Path tmp;

    private Path copyOfTheMutantCampaign() throws IOException {
        Path from = Fixtures.mutantCampaign();
        Path to = tmp.resolve("campaign");
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
        return to;
    }

    private static FailureView onlyFailure(Path campaign, String invariant) {
        return ReportWriter.build(List.of(campaign), ReportWriter.Options.defaults()
                        .withGraphEngine(GraphEngine.ELK).withTypicalRuns(c -> TypicalRunSource.Found.none("-")))
                .built().report().failures().stream().filter(f -> f.invariant().equals(invariant)).findFirst()
                .orElseThrow();
    }

    private static Path failure(Path campaign, String ext) {
        return campaign.resolve(Fixtures.PROTOCOL).resolve("failures").resolve("autojoin.no-replay-0" + ext);
    }

    @Test
    void anUneditedFailureIsReplayedByTheReport() throws IOException {
        Path c = copyOfTheMutantCampaign();
        FailureView f = onlyFailure(c, "autojoin.no-replay");
        assertThat(f.replayVerified()).isTrue();
        assertThat(f.replayStatus()).isEqualTo("yes: replayed by this report, it violates autojoin.no-replay with "
                + "the trace SHA-256 the campaign recorded");
    }

    @Test
    void aFailureFileEditedSinceTheCampaignIsSaidToBeEdited() throws IOException {
        Path c = copyOfTheMutantCampaign();
        Path yaml = failure(c, ".yaml");
        Files.writeString(yaml, Files.readString(yaml) + "# looked at\n");
        FailureView f = onlyFailure(c, "autojoin.no-replay");
        assertThat(f.replayVerified()).isFalse();
        assertThat(f.replayStatus()).startsWith("NO: the scenario file was edited since the campaign");
    }

    @Test
    void withoutARecordedHashTheReplayItselfCatchesAnEdit() throws IOException {
        Path c = copyOfTheMutantCampaign();
        Path violation = failure(c, ".violation.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode v = (ObjectNode) json.readTree(violation.toFile());
        v.remove("scenarioSha256");
        json.writeValue(violation.toFile(), v);
        Path yaml = failure(c, ".yaml");
        // An edit that changes what runs: the run seed.
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("\nseed: -?\\d+\n", "\nseed: 12345\n"));
        FailureView edited = onlyFailure(c, "autojoin.no-replay");
        assertThat(edited.replayVerified()).isFalse();
        assertThat(edited.replayStatus()).startsWith("NO: replayed by this report, the file gives trace ")
                .contains("not the " + v.get("traceSha256").asText() + " the campaign recorded");

        Files.writeString(yaml, "garbage: [\n");
        FailureView garbage = onlyFailure(c, "autojoin.no-replay");
        assertThat(garbage.replayVerified()).isFalse();
        assertThat(garbage.replayStatus()).startsWith("NO: replaying the file failed: ");
    }

    @Test
    void theRenderedReportsSayWhatTheReplayFound() throws IOException {
        Path c = copyOfTheMutantCampaign();
        Path yaml = failure(c, ".yaml");
        Files.writeString(yaml, Files.readString(yaml) + "# edited\n");
        Path html = ReportWriter.write(List.of(c), tmp.resolve("report"), ReportWriter.Options.defaults()
                .withGraphEngine(GraphEngine.ELK));
        assertThat(Files.readString(html)).contains("NO: the scenario file was edited since the campaign");
        assertThat(Files.readString(html.resolveSibling("report.md")))
                .contains("- replays: NO: the scenario file was edited since the campaign");
    }
}
