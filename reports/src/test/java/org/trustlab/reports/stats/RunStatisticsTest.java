package org.trustlab.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reports.input.RunLine;

class RunStatisticsTest {
    private static RunLine run(long index, String network, double loss, double offline, long attempts,
            long accepted, List<Double> latencies) {
        return new RunLine(index, index, 10, "sha" + index, List.of(), network, loss, offline, attempts, accepted,
                latencies);
    }

    @Test
    void percentilesPerProfileOverEveryAcceptedRequest() {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            (i <= 50 ? first : second).add((double) i);
        }
        Statistics s = RunStatistics.of(List.of(run(0, "lan", 0, 0, 50, 50, first),
                run(1, "lan", 0, 0, 50, 50, second), run(2, "mobile", 0, 0, 3, 0, List.of())));
        assertThat(s.latency()).hasSize(2);
        LatencyRow lan = s.latency().get(0);
        assertThat(lan.network()).isEqualTo("lan");
        assertThat(lan.runs()).isEqualTo(2);
        assertThat(lan.samples()).isEqualTo(100);
        // Commons Math's default estimator: position p(n+1)/100, interpolated.
        assertThat(lan.p50()).isCloseTo(50.5, within(1e-9));
        assertThat(lan.p90()).isCloseTo(90.9, within(1e-9));
        assertThat(lan.p99()).isCloseTo(99.99, within(1e-9));
        LatencyRow mobile = s.latency().get(1);
        assertThat(mobile.samples()).isZero();
        assertThat(mobile.p50()).isNaN();
    }

    @Test
    void acceptanceRateIsSummedPerDistinctLossValue() {
        Statistics s = RunStatistics.of(List.of(run(0, "lan", 0.0, 0.1, 10, 10, List.of()),
                run(1, "lan", 0.0, 0.1, 30, 20, List.of()), run(2, "lan", 0.2, 0.3, 4, 1, List.of())));
        assertThat(s.byLoss()).hasSize(2);
        AcceptanceBin none = s.byLoss().get(0);
        assertThat(none.lo()).isZero();
        assertThat(none.runs()).isEqualTo(2);
        assertThat(none.rate()).isCloseTo(30.0 / 40, within(1e-12));
        assertThat(s.byLoss().get(1).rate()).isCloseTo(0.25, within(1e-12));
        assertThat(s.byOffline()).extracting(AcceptanceBin::lo).containsExactly(0.1, 0.3);
    }

    @Test
    void manyDistinctValuesAreBinned() {
        List<RunLine> runs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runs.add(run(i, "wan", i / 100.0, 0, 2, i % 2 == 0 ? 2 : 1, List.of()));
        }
        List<AcceptanceBin> bins = RunStatistics.of(runs).byLoss();
        assertThat(bins).hasSize(RunStatistics.BINS);
        assertThat(bins.stream().mapToLong(AcceptanceBin::runs).sum()).isEqualTo(40);
        assertThat(bins.get(0).lo()).isZero();
        assertThat(bins.get(bins.size() - 1).hi()).isCloseTo(0.39, within(1e-12));
        assertThat(bins.get(0).runs()).isEqualTo(5);
        assertThat(bins.get(0).rate()).isCloseTo(8.0 / 10, within(1e-12));
    }
}
