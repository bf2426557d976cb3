package org.trustlab.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.trustlab.reports.input.RunLine;

/**
 * Latency percentiles per network profile and acceptance rate versus loss / offline probability, from the runs of
 * a campaign. Percentiles use Commons Math's default estimator over every accepted request of the profile, and
 * only where the sample can tell them from its maximum ({@link LatencyRow#minSamples}).
 */
public final class RunStatistics {
    /** Above this many distinct values a parameter is binned; at or below, each value is its own point. */
    static final int MAX_POINTS = 10;
    static final int BINS = 8;

    private RunStatistics() {}

    public static Statistics of(List<RunLine> runs) {
        return new Statistics(latency(runs), acceptance(runs, RunLine::loss), acceptance(runs,
                RunLine::offlineProbability));
    }

    static List<LatencyRow> latency(List<RunLine> runs) {
        Map<String, DescriptiveStatistics> byProfile = new TreeMap<>();
        Map<String, Long> runCount = new TreeMap<>();
        for (RunLine r : runs) {
            DescriptiveStatistics d = byProfile.computeIfAbsent(r.network(), k -> new DescriptiveStatistics());
            r.latenciesMs().forEach(d::addValue);
            runCount.merge(r.network(), 1L, Long::sum);
        }
        List<LatencyRow> rows = new ArrayList<>();
        for (Map.Entry<String, DescriptiveStatistics> e : byProfile.entrySet()) {
            DescriptiveStatistics d = e.getValue();
            rows.add(new LatencyRow(e.getKey(), runCount.get(e.getKey()), d.getN(), percentile(d, 0),
                    percentile(d, 1), percentile(d, 2)));
        }
        return rows;
    }

    /** The quantile, or NaN when the sample cannot tell it from its maximum. */
    private static double percentile(DescriptiveStatistics d, int index) {
        double q = LatencyRow.QUANTILES[index];
        return d.getN() < LatencyRow.minSamples(q) ? Double.NaN : d.getPercentile(100 * q);
    }

    static List<AcceptanceBin> acceptance(List<RunLine> runs, ToDoubleFunction<RunLine> parameter) {
        if (runs.isEmpty()) {
            return List.of();
        }
        TreeSet<Double> distinct = new TreeSet<>();
        runs.forEach(r -> distinct.add(parameter.applyAsDouble(r)));
        List<double[]> edges = new ArrayList<>();
        if (distinct.size() <= MAX_POINTS) {
            distinct.forEach(v -> edges.add(new double[] {v, v}));
        } else {
            double min = distinct.first();
            double width = (distinct.last() - min) / BINS;
            for (int i = 0; i < BINS; i++) {
                edges.add(new double[] {min + i * width, i == BINS - 1 ? distinct.last() : min + (i + 1) * width});
            }
        }
        long[][] sums = new long[edges.size()][3];
        for (RunLine r : runs) {
            double v = parameter.applyAsDouble(r);
            int bin = binOf(edges, v);
            sums[bin][0]++;
            sums[bin][1] += r.attempts();
            sums[bin][2] += r.accepted();
        }
        List<AcceptanceBin> out = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            if (sums[i][0] > 0) {
                out.add(new AcceptanceBin(edges.get(i)[0], edges.get(i)[1], sums[i][0], sums[i][1], sums[i][2]));
            }
        }
        return out;
    }

    /** Half-open bins [lo, hi) except the last, which includes the maximum. */
    private static int binOf(List<double[]> edges, double v) {
        for (int i = 0; i < edges.size() - 1; i++) {
            double[] e = edges.get(i);
            if (e[0] == e[1] ? v == e[0] : v < e[1]) {
                return i;
            }
        }
        return edges.size() - 1;
    }
}
