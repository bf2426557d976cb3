package org.trustlab.reports.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.reports.input.ReportInputException;
import org.trustlab.reports.input.ResultReader;
import org.trustlab.reports.input.SyntheticCampaign;

class CampaignMergerTest {
    @TempDir
    Path tmp;

    private List<Campaign> merge(boolean partial, Path... dirs) {
        return CampaignMerger.merge(ResultReader.read(List.of(dirs)).campaigns(), partial);
    }

    @Test
    void shardsAddUpToTheWholeCampaign() {
        Campaign whole = merge(false, SyntheticCampaign.write(tmp.resolve("w"), 5, 30, 0, 1)).get(0);
        Campaign merged = merge(false, SyntheticCampaign.write(tmp.resolve("s2"), 5, 30, 2, 3),
                SyntheticCampaign.write(tmp.resolve("s0"), 5, 30, 0, 3),
                SyntheticCampaign.write(tmp.resolve("s1"), 5, 30, 1, 3)).get(0);
        assertThat(merged.runs()).isEqualTo(whole.runs());
        assertThat(merged.invariants()).isEqualTo(whole.invariants());
        assertThat(merged.campaignSha256()).isEqualTo(whole.campaignSha256());
        assertThat(merged.coverage().complete()).isTrue();
        assertThat(merged.coverage().shards()).containsExactly("0/3", "1/3", "2/3");
        InvariantVerdict v = merged.invariants().get(0);
        assertThat(v.violations()).isEqualTo(4);
        assertThat(v.upper95()).isEqualTo(ClopperPearson.upper95(4, 30));
        // Bounds do not add: a shard's own bound is looser than the merged one.
        assertThat(merge(true, tmp.resolve("s0")).get(0).invariants().get(0).upper95()).isGreaterThan(v.upper95());
    }

    @Test
    void aShardOnItsOwnIsShownAsPartial() {
        Campaign c = merge(true, SyntheticCampaign.write(tmp.resolve("s0"), 5, 30, 0, 2)).get(0);
        assertThat(c.coverage().complete()).isFalse();
        assertThat(c.coverage().describe()).isEqualTo("PARTIAL: 15 of 30 runs, merged from shard 0/2");
    }

    @Test
    void aMissingShardIsAGap() {
        Path s0 = SyntheticCampaign.write(tmp.resolve("s0"), 5, 30, 0, 3);
        Path s1 = SyntheticCampaign.write(tmp.resolve("s1"), 5, 30, 1, 3);
        assertThatThrownBy(() -> merge(false, s0, s1)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("shards do not cover the campaign: 10 of 30 runs of toy seed 5 are absent "
                        + "(first: run 2), shard 2/3 missing");
    }

    @Test
    void shardsOfDifferentSeedsDoNotBelongTogether() {
        Path a = SyntheticCampaign.write(tmp.resolve("a"), 5, 30, 0, 2);
        Path b = SyntheticCampaign.write(tmp.resolve("b"), 6, 30, 1, 2);
        assertThatThrownBy(() -> merge(false, a, b)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("shards do not cover the campaign").hasMessageContaining("shard 1/2 missing");
    }

    @Test
    void theSameShardTwiceOverlaps() {
        Path a = SyntheticCampaign.write(tmp.resolve("a"), 5, 30, 0, 2);
        Path b = SyntheticCampaign.write(tmp.resolve("b"), 5, 30, 0, 2);
        assertThatThrownBy(() -> merge(false, a, b)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("overlaps").hasMessageContaining("both contain run 0");
    }

    @Test
    void theUnshardedCampaignWithOneOfItsShardsOverlaps() {
        Path whole = SyntheticCampaign.write(tmp.resolve("w"), 5, 30, 0, 1);
        Path s1 = SyntheticCampaign.write(tmp.resolve("s1"), 5, 30, 1, 2);
        assertThatThrownBy(() -> merge(false, whole, s1)).hasMessageContaining("the shard counts differ");
    }

    @Test
    void differentCampaignSizesDoNotBelongTogether() {
        Path a = SyntheticCampaign.write(tmp.resolve("a"), 5, 30, 0, 2);
        Path b = SyntheticCampaign.write(tmp.resolve("b"), 5, 40, 1, 2);
        assertThatThrownBy(() -> merge(false, a, b)).hasMessageContaining("the campaign sizes differ (40 vs 30 runs)");
    }
}
