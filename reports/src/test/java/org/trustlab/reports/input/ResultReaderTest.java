package org.trustlab.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsAProtocolFolderOrTheCampaignFolderAboveIt() {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 20, 0, 1);
        CampaignDir viaRoot = ResultReader.read(List.of(dir)).campaigns().get(0);
        CampaignDir direct = ResultReader.read(List.of(dir.resolve("toy"))).campaigns().get(0);
        assertThat(viaRoot.runs()).hasSize(20).isEqualTo(direct.runs());
        assertThat(viaRoot.summary().invariants().get(0).violations()).isEqualTo(3);
        assertThat(viaRoot.runs().get(3).violations()).containsExactly(SyntheticCampaign.INVARIANT);
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> ResultReader.read(List.of(missing))).isInstanceOf(ReportInputException.class)
                .hasMessage(missing + ": no such directory");
    }

    @Test
    void aFolderWithoutResultsSaysWhatWasExpected() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> ResultReader.read(List.of(empty))).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("no summary.json").hasMessageStartingWith(empty.toString());
    }

    @Test
    void anUnreadableSummaryNamesTheFileAndTheReason() throws IOException {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 5, 0, 1);
        Path summary = dir.resolve("toy/summary.json");
        Files.writeString(summary, "{\"protocol\": \"toy\", ");
        assertThatThrownBy(() -> ResultReader.read(List.of(dir))).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith(summary + ": not valid JSON");
        Files.writeString(summary, "{\"protocol\": \"toy\", \"runs\": \"five\"}");
        assertThatThrownBy(() -> ResultReader.read(List.of(dir)))
                .hasMessage(summary + ": /runs: must be an integer, got \"five\"");
    }

    @Test
    void runsMustMatchTheSummary() throws IOException {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 10, 0, 1);
        Path runs = dir.resolve("toy/runs.jsonl");
        List<String> lines = Files.readAllLines(runs);
        Files.write(runs, lines.subList(0, 9));
        assertThatThrownBy(() -> ResultReader.read(List.of(dir))).isInstanceOf(ReportInputException.class)
                .hasMessage(dir.resolve("toy/summary.json") + ": says 10 runs but runs.jsonl has 9");
        Files.write(runs, List.of(lines.get(1), lines.get(0)));
        assertThatThrownBy(() -> ResultReader.read(List.of(dir))).hasMessageContaining("out of order or repeated");
    }

    @Test
    void violationCountsMustMatchTheRuns() throws IOException {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 10, 0, 1);
        Path runs = dir.resolve("toy/runs.jsonl");
        Files.writeString(runs, Files.readString(runs).replace("\"violations\":[\"toy.inv\"]", "\"violations\":[]"));
        assertThatThrownBy(() -> ResultReader.read(List.of(dir)))
                .hasMessage(dir.resolve("toy/summary.json") + ": toy.inv: 1 violations in summary.json but 0 in "
                        + "runs.jsonl");
    }

    @Test
    void aFailureMayNotPointOutsideItsDirectory() throws IOException {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 3, 0, 1);
        Path summary = dir.resolve("toy/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"failures\":[]",
                "\"failures\":[\"../../../etc/passwd.yaml\"]"));
        assertThatThrownBy(() -> ResultReader.read(List.of(dir))).hasMessageContaining("points outside");
    }

    @Test
    void aFailureWithoutItsTraceIsBadInput() throws IOException {
        Path dir = SyntheticCampaign.write(tmp.resolve("c"), 1, 3, 0, 1);
        Path summary = dir.resolve("toy/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"failures\":[]",
                "\"failures\":[\"failures/toy.inv-0.yaml\"]"));
        Files.createDirectories(dir.resolve("toy/failures"));
        Files.writeString(dir.resolve("toy/failures/toy.inv-0.yaml"), "name: x\n");
        assertThatThrownBy(() -> ResultReader.read(List.of(dir)))
                .hasMessage(dir.resolve("toy/failures/toy.inv-0.trace.jsonl").toAbsolutePath().normalize()
                        + ": missing (every failure needs its trace)");
    }
}
