package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.CampaignWriter;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.Shard;
import org.trustlab.reports.graph.GraphEngine;
import org.trustlab.reports.input.ReplayDir;
import org.trustlab.reports.input.ReplayDirs;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.w3c.dom.Document;

/**
 * A violation the source design has by construction (vouch's spacedrive profile lets the voucher derive every proxied
 * key) is a FINDING in the report, with its reason, not a VIOLATED regression, in a campaign's report and a replay's
 * alike; a real violation stays VIOLATED.
 */
class FindingVerdictTest {
    @TempDir
    Path tmp;

    @Test
    void admittedViolationsAreFindingsAndTheRestStayViolations() throws Exception {
        CampaignResult result = Campaigns.runner("vouch", false).run(new CampaignSpec("vouch", 40, 1,
                Optional.empty(), Shard.WHOLE, 2, false, 0, 0), new CampaignProgress() { });
        int admitted = result.admitted().getOrDefault("vouch.voucher-blind", 0);
        assertThat(admitted).as("the spacedrive profile shows its gap within 40 runs").isPositive();
        Path dir = CampaignWriter.write(result, tmp.resolve("c"));

        ReportWriter.Written w = ReportWriter.build(List.of(dir), ReportWriter.Options.defaults()
                .withGraphEngine(GraphEngine.ELK));
        VerdictRow row = w.built().report().verdicts().stream()
                .filter(v -> v.invariant().equals("vouch.voucher-blind")).findFirst().orElseThrow();
        assertThat(row.admitted()).isEqualTo(admitted);
        assertThat(row.verdict()).isEqualTo(result.unexpected("vouch.voucher-blind") > 0 ? "VIOLATED"
                : "FINDING");
        Document d = Html.parse(w.html());
        assertThat(Html.verdictRows(d)).anyMatch(r -> r.contains("vouch.voucher-blind")
                && r.endsWith("| " + row.verdict()));
        assertThat(w.html()).contains("class=\"finding-note\"").contains("spacedrive");
        assertThat(w.markdown()).contains("FINDING `vouch.voucher-blind`");

        // Without the admission the same counts are a violation.
        VerdictRow plain = new VerdictRow(row.protocol(), row.mutant(), row.source(), row.invariant(),
                row.statement(), row.runs(), row.judged(), row.violations(), row.upper95(), row.mutantsKilled(),
                row.mutantsTotal(), row.failureAnchor());
        assertThat(plain.verdict()).isEqualTo("VIOLATED");
        assertThat(Files.exists(dir.resolve("summary.json"))).isTrue();
    }

    @Test
    void aReplayOfTheSpacedriveProfileShowsTheSameFindingAndTheHardenedOneHolds() throws Exception {
        VerdictRow spacedrive = replayVerdict("happy-path.yaml");
        assertThat(spacedrive.violations()).isEqualTo(1);
        assertThat(spacedrive.admitted()).isEqualTo(1);
        assertThat(spacedrive.verdict()).isEqualTo("FINDING");
        assertThat(spacedrive.admittedBecause()).hasValueSatisfying(w -> assertThat(w).contains("spacedrive"));

        VerdictRow hardened = replayVerdict("happy-path-hardened.yaml");
        assertThat(hardened.violations()).isZero();
        assertThat(hardened.admitted()).isZero();
        assertThat(hardened.verdict()).isEqualTo("holds");
    }

    private VerdictRow replayVerdict(String file) throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "vouch", file));
        Scenario s = new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, file);
        RunResult r = new ScenarioRunner(InvariantCatalogue::judge).execute(s, s.seed());
        Path dir = tmp.resolve(file);
        ReplayDirs.write(dir, s.protocol(), s.name(), s.seed(), s.mutant(), yaml, r.trace(), r.expectations()
                .stream().map(e -> new ReplayDir.Expectation(e.line(), e.passed())).toList());
        return ReportWriter.build(List.of(dir), ReportWriter.Options.defaults().withGraphEngine(GraphEngine.ELK))
                .built().report().verdicts().stream()
                .filter(v -> v.invariant().equals("vouch.voucher-blind")).findFirst().orElseThrow();
    }
}
