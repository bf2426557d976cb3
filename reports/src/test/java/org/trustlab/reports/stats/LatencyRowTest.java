package org.trustlab.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reports.input.RunLine;

class LatencyRowTest {
    private static LatencyRow rowOf(int n, double step) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            latencies.add(i * step);
        }
        return RunStatistics.of(List.of(new RunLine(0, 0, 10, "sha", List.of(), "lan", 0, 0, n, n, latencies)))
                .latency().get(0);
    }

    @Test
    void aPercentileNeedsASampleAboveIt() {
        assertThat(LatencyRow.minSamples(0.50)).isEqualTo(2);
        assertThat(LatencyRow.minSamples(0.90)).isEqualTo(10);
        assertThat(LatencyRow.minSamples(0.99)).isEqualTo(100);
    }

    @Test
    void aHandfulOfSamplesReportsNoTailPercentiles() {
        LatencyRow five = rowOf(5, 100);
        assertThat(five.p50()).isEqualTo(300);
        // With five samples p90 and p99 would both repeat the slowest one (p90 = p99): not a tail measurement.
        assertThat(five.p90()).isNaN();
        assertThat(five.p99()).isNaN();
        assertThat(five.cell(0)).isEqualTo("300 ms");
        assertThat(five.cell(1)).isEqualTo("— (n < 10)");
        assertThat(five.cell(2)).isEqualTo("— (n < 100)");
    }

    @Test
    void theBoundariesAreInclusive() {
        assertThat(rowOf(9, 1).estimates(0.90)).isFalse();
        assertThat(rowOf(10, 1).estimates(0.90)).isTrue();
        assertThat(rowOf(10, 1).p90()).isNotNaN();
        assertThat(rowOf(99, 1).p99()).isNaN();
        assertThat(rowOf(100, 1).p99()).isNotNaN();
        assertThat(rowOf(1, 1).p50()).isNaN();
        assertThat(rowOf(1, 1).cell(0)).isEqualTo("— (n < 2)");
    }

    @Test
    void durationsReadInTheirUnit() {
        assertThat(LatencyRow.duration(850)).isEqualTo("850 ms");
        assertThat(LatencyRow.duration(2345)).isEqualTo("2.35 s");
        assertThat(LatencyRow.duration(1000)).isEqualTo("1 s");
        assertThat(LatencyRow.duration(210_000)).isEqualTo("3.5 min");
        assertThat(LatencyRow.duration(Double.NaN)).isEqualTo("—");
    }

    @Test
    void anEmptyRowSaysNothingWasAccepted() {
        LatencyRow none = RunStatistics.of(List.of(new RunLine(0, 0, 10, "sha", List.of(), "lan", 0, 0, 3, 0,
                List.of()))).latency().get(0);
        assertThat(none.cell(0)).isEqualTo("—");
    }
}
