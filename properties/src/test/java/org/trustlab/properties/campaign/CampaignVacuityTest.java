package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A campaign counts the runs that judged each invariant and bounds its violation rate over those alone: 1,000
 * runs of which 900 never gave the invariant anything to judge say as much as 100 runs, not 1,000.
 */
class CampaignVacuityTest {
    private static final TraceCheck CHECK = TraceCheck.of("toy.inv", "toy", "Toys never break.", t -> List.of(),
            t -> 1);

    private static CampaignResult result(int runs, int vacuous) {
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            records.add(new RunRecord(i, i, 10, String.format("%064x", i), List.of(), List.of(),
                    i < vacuous ? List.of("toy.inv") : List.of(), ScenarioMeta.UNKNOWN, RunMetrics.NONE));
        }
        return new CampaignResult(CampaignSpec.of("toy", runs, 1), List.of(CHECK), records, Map.of("toy.inv", 0),
                List.of(), "0".repeat(64), 1.0);
    }

    @Test
    void theBoundIsOverTheJudgedRunsOnly() {
        CampaignResult r = result(1000, 900);
        assertThat(r.judged("toy.inv")).isEqualTo(100);
        assertThat(r.vacuous("toy.inv")).isEqualTo(900);
        assertThat(r.upper95("toy.inv")).isEqualTo(ClopperPearson.upper95(0, 100)).isGreaterThan(
                ClopperPearson.upper95(0, 1000));
    }

    @Test
    void noJudgedRunBoundsNothing() {
        assertThat(result(50, 50).upper95("toy.inv")).isEqualTo(1.0);
    }

    @Test
    void theSummaryAndTheRunLinesSayWhatWasVacuous() {
        CampaignResult r = result(10, 4);
        @SuppressWarnings("unchecked")
        Map<String, Object> inv = (Map<String, Object>) ((List<Object>) CampaignWriter.summary(r).get("invariants"))
                .get(0);
        assertThat(inv).containsEntry("judgedRuns", 6).containsEntry("vacuousRuns", 4);
        assertThat(CampaignWriter.runLine(r.runs().get(0))).containsEntry("vacuous", List.of("toy.inv"));
        assertThat(CampaignWriter.runLine(r.runs().get(9))).containsEntry("vacuous", List.of());
    }

    @Test
    void aRunCannotBeBothViolatedAndVacuousForOneCheck() {
        assertThatThrownBy(() -> new RunRecord(0, 0, 10, "0".repeat(64), List.of("toy.inv"), List.of(),
                List.of("toy.inv"), ScenarioMeta.UNKNOWN, RunMetrics.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
