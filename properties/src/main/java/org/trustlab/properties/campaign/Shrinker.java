package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * test.check's shrink loop over a rose tree: walk to the first child that still fails, and repeat until no child
 * fails or the evaluation budget is spent. The budget counts scenario runs, not wall time, so a shrink is
 * reproducible on any machine.
 */
public final class Shrinker {
    private Shrinker() {}

    public record Result(Map<String, Object> value, int steps, int evaluations, boolean exhausted) {}

    /** Where a greedy walk ended: the smallest value that still fails, the steps taken, the runs spent. */
    record Walk<T>(T value, int steps, int evaluations, boolean exhausted) {}

    public static Result shrink(Shrinkable failing, Predicate<Map<String, Object>> stillFails, int maxEvaluations) {
        Walk<Shrinkable> w = walk(failing, Shrinkable::children, s -> stillFails.test(s.value()), maxEvaluations);
        return new Result(w.value().value(), w.steps(), w.evaluations(), w.exhausted());
    }

    /**
     * The greedy walk both shrink passes take: move to the first smaller variant that still fails and start again
     * from there, until none does or {@code maxEvaluations} variants have been tried.
     */
    static <T> Walk<T> walk(T start, Function<T, Iterable<T>> smaller, Predicate<T> stillFails, int maxEvaluations) {
        T current = start;
        int steps = 0;
        int evaluations = 0;
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (T child : smaller.apply(current)) {
                if (evaluations >= maxEvaluations) {
                    return new Walk<>(current, steps, evaluations, true);
                }
                evaluations++;
                if (stillFails.test(child)) {
                    current = child;
                    steps++;
                    progressed = true;
                    break;
                }
            }
        }
        return new Walk<>(current, steps, evaluations, false);
    }
}
