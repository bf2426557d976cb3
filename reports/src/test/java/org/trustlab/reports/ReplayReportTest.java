package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.reports.graph.GraphEngine;
import org.trustlab.reports.input.ReplayDir;
import org.trustlab.reports.input.ReplayDirs;
import org.trustlab.reports.input.ReportInputException;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A replay as a one-run report: the shipped replay scenario against the mutant without a replay cache. */
class ReplayReportTest {
    @TempDir
    Path tmp;

    private Path replay() throws IOException {
        String yaml = Files.readString(Path.of("..", "scenarios", "autojoin", "replay-same-session.yaml"))
                .replace("\nseed: 1\n", "\nseed: 1\nmutant: autojoin.no-replay-cache\n");
        Scenario s = new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, "replay-same-session.yaml");
        RunResult r = new ScenarioRunner(InvariantCatalogue::judge).execute(s, s.seed());
        Path dir = tmp.resolve("replay");
        ReplayDirs.write(dir, s.protocol(), s.name(), s.seed(), s.mutant(), yaml, r.trace(), r.expectations()
                .stream().map(e -> new ReplayDir.Expectation(e.line(), e.passed())).toList());
        return dir;
    }

    @Test
    void aReplayedAttackIsAOneRunSectionWithItsCounterexample() throws IOException {
        Path dir = replay();
        Path html = ReportWriter.write(List.of(dir), dir, ReportWriter.Options.defaults()
                .withGraphEngine(GraphEngine.ELK));
        Document d = Html.parse(Files.readString(html));
        assertThat(Html.verdictRows(d)).contains("autojoin | autojoin.no-replay-cache | autojoin.no-replay | 1 | 1 | 1"
                + " | 1.0e0 | 1 / 1 | VIOLATED", "autojoin | autojoin.no-replay-cache | autojoin.freshness | 1 | 1 | 0"
                + " | 9.5e-1 | 0 / 1 | holds", "autojoin | autojoin.no-replay-cache | autojoin.password-secrecy | 1 | 0"
                + " | 0 | 1.0e0 | 0 / 1 | vacuous");
        List<Element> failures = Html.withClass(d, Html.XHTML, "section", "failure");
        assertThat(failures).extracting(f -> Html.all(f, Html.XHTML, "h3").get(0).getTextContent())
                .contains("autojoin.no-replay violated — autojoin with mutant autojoin.no-replay-cache");
        Element section = Html.byId(d, "replay-1");
        assertThat(section.getTextContent()).contains("FAIL").contains("CHALLENGE_REPLAYED");
        assertThat(Html.withClass(section, Html.SVG, "svg", "trust-graph")).hasSize(1);
        assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain("Correct-Horse");
        // The replay's counterexample as text beside the report, with the violating step marked.
        for (int i = 1; i <= failures.size(); i++) {
            String puml = Files.readString(dir.resolve("sequences/failure-" + i + "/sequence.puml"));
            String mmd = Files.readString(dir.resolve("sequences/failure-" + i + "/sequence.mmd"));
            assertThat(puml).startsWith("@startuml").contains("<b>violates autojoin.").doesNotContain("Correct-Horse");
            assertThat(mmd).startsWith("sequenceDiagram").contains("VIOLATION of autojoin.")
                    .doesNotContain("Correct-Horse");
        }
    }

    @Test
    void anEditedTraceIsRefused() throws IOException {
        Path dir = replay();
        Path trace = dir.resolve(ReplayDirs.TRACE_JSONL);
        Files.writeString(trace, Files.readString(trace).replace("\"phone\"", "\"phon3\""));
        assertThatThrownBy(() -> ReportWriter.build(List.of(dir), ReportWriter.Options.defaults()
                .withGraphEngine(GraphEngine.ELK))).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith(trace + ": SHA-256 ").hasMessageContaining("edited after the replay?");
    }
}
