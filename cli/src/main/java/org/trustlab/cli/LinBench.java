package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;

/**
 * {@code trustlab lin --bench DIR}: the checker's time per history over a directory of histories, JVM warmed.
 * Two warm-up rounds over every history come first and are not counted; then each measured round checks every
 * history once, and the median of its rounds is its time. A history under a {@code good/} or {@code bad/} folder,
 * or named {@code *-ok} / {@code *-bad}, has an expected verdict, and a mismatch fails the bench (exit 1).
 */
final class LinBench {
    private static final int WARMUP_ROUNDS = 2;

    private final PrintWriter out;
    private final Model model;
    private final Options options;
    private final int rounds;

    LinBench(PrintWriter out, Model model, Options options, int rounds) {
        this.out = out;
        this.model = model;
        this.options = options;
        this.rounds = rounds;
    }

    static List<Path> histories(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".edn") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    int run(Path dir, Map<Path, List<Op>> histories) {
        out.println(String.format(Locale.ROOT, "bench: %d histories under %s, model %s, %d warm-up and %d measured "
                        + "rounds, %d job%s, max heap %d MiB", histories.size(), dir, model.name(), WARMUP_ROUNDS,
                rounds, options.jobs(), options.jobs() == 1 ? "" : "s", Runtime.getRuntime().maxMemory() >> 20));
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            histories.values().forEach(h -> LinCommand.check(h, model, options));
        }
        List<Path> paths = new ArrayList<>(histories.keySet());
        long[][] nanos = new long[paths.size()][rounds];
        Result[] results = new Result[paths.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < paths.size(); i++) {
                long start = System.nanoTime();
                results[i] = LinCommand.check(histories.get(paths.get(i)), model, options);
                nanos[i][r] = System.nanoTime() - start;
            }
        }
        double total = 0;
        double largest = 0;
        int mismatches = 0;
        int unknown = 0;
        for (int i = 0; i < paths.size(); i++) {
            long[] t = nanos[i].clone();
            java.util.Arrays.sort(t);
            double median = t[t.length / 2] / 1e6;
            total += median;
            largest = Math.max(largest, median);
            String verdict = results[i].verdict();
            String expected = Histories.expectedVerdict(paths.get(i));
            boolean mismatch = expected != null && !expected.equals(verdict);
            mismatches += mismatch ? 1 : 0;
            unknown += results[i] instanceof Result.Unknown ? 1 : 0;
            out.println(String.format(Locale.ROOT, "%-50s %-8s %10.2f ms %10d configurations %5d operations%s",
                    dir.relativize(paths.get(i)), verdict, median, results[i].stats().configurations(),
                    results[i].stats().calls(), mismatch ? "  MISMATCH: expected " + expected : ""));
        }
        out.println(String.format(Locale.ROOT, "total: %.1f ms over %d histories (sum of medians), largest %.1f ms, "
                + "%d unknown, %d verdict mismatches", total, paths.size(), largest, unknown, mismatches));
        out.flush();
        return mismatches > 0 ? TrustlabCommand.EXIT_FAILED
                : unknown > 0 ? LinCommand.EXIT_UNKNOWN : TrustlabCommand.EXIT_OK;
    }
}
