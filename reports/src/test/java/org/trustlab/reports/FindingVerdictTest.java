package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.CampaignWriter;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.Shard;
import org.trustlab.reports.graph.GraphEngine;
import org.w3c.dom.Document;

/**
 * A violation the source design has by construction (vouch's spacedrive profile lets the voucher derive every proxied
 * key) is a FINDING in the report, with its reason, not a VIOLATED regression; a real violation stays VIOLATED.
 */
class FindingVerdictTest {
    @TempDir
    Path tmp;

    @Test
    void admittedViolationsAreFindingsAndTheRestStayViolations() throws Exception {
        CampaignResult result = Campaigns.runner("vouch", false).run(new CampaignSpec("vouch", 40, 1,
                Optional.empty(), Shard.WHOLE, 2, false, 0, 0), new CampaignProgress() { });
        int admitted = result.admitted().getOrDefault("vouch.proxied-key-secrecy", 0);
        assertThat(admitted).as("the spacedrive profile shows its gap within 40 runs").isPositive();
        Path dir = CampaignWriter.write(result, tmp.resolve("c"));

        ReportWriter.Written w = ReportWriter.build(List.of(dir), ReportWriter.Options.defaults()
                .withGraphEngine(GraphEngine.BUILTIN));
        VerdictRow row = w.built().report().verdicts().stream()
                .filter(v -> v.invariant().equals("vouch.proxied-key-secrecy")).findFirst().orElseThrow();
        assertThat(row.admitted()).isEqualTo(admitted);
        assertThat(row.verdict()).isEqualTo(result.unexpected("vouch.proxied-key-secrecy") > 0 ? "VIOLATED"
                : "FINDING");
        Document d = Html.parse(w.html());
        assertThat(Html.verdictRows(d)).anyMatch(r -> r.contains("vouch.proxied-key-secrecy")
                && r.endsWith("| " + row.verdict()));
        assertThat(w.html()).contains("class=\"finding-note\"").contains("spacedrive");
        assertThat(w.markdown()).contains("FINDING `vouch.proxied-key-secrecy`");

        // Without the admission the same counts are a violation.
        VerdictRow plain = new VerdictRow(row.protocol(), row.mutant(), row.source(), row.invariant(),
                row.statement(), row.runs(), row.violations(), row.upper95(), row.mutantsKilled(),
                row.mutantsTotal(), row.failureAnchor());
        assertThat(plain.verdict()).isEqualTo("VIOLATED");
        assertThat(Files.exists(dir.resolve("summary.json"))).isTrue();
    }
}
