package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reports.input.ResultReader;

/** The report of shards 0/2 and 1/2 of a real campaign states what the report of the unsharded campaign states. */
class ShardMergeReportTest {
    @Test
    void mergingTheTwoShardsGivesTheUnshardedVerdictTable() {
        Path whole = Fixtures.mutantCampaign();
        Path shard0 = Fixtures.mutantShard(0);
        Path shard1 = Fixtures.mutantShard(1);
        ReportWriter.Options options = ReportWriter.Options.defaults().withTypicalRuns(TypicalRunSource.none());
        ReportWriter.Written unsharded = ReportWriter.build(List.of(whole), options);
        ReportWriter.Written merged = ReportWriter.build(List.of(shard1, shard0), options);

        assertThat(Html.verdictRows(Html.parse(merged.html())))
                .isEqualTo(Html.verdictRows(Html.parse(unsharded.html())))
                .hasSize(1 + ResultReader.read(List.of(whole)).campaigns().get(0).summary().invariants().size());
        assertThat(merged.built().report().verdicts()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "failureAnchor").isEqualTo(unsharded.built().report().verdicts());

        CampaignView m = merged.built().report().campaigns().get(0);
        CampaignView u = unsharded.built().report().campaigns().get(0);
        assertThat(m.coverage()).isEqualTo("all 30 runs, merged from shards 0/2, 1/2");
        assertThat(m.campaignSha256()).as("the merged runs hash to the unsharded campaign's identity")
                .isEqualTo(u.campaignSha256());
        assertThat(u.hashStatus()).contains("equals summary.json's campaignSha256");
        assertThat(m.statistics()).isEqualTo(u.statistics());
    }
}
