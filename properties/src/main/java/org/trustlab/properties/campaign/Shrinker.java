package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.function.Predicate;

/**
 * test.check's shrink loop over a rose tree: walk to the first child that still fails, and repeat until no child
 * fails or the evaluation budget is spent. The budget counts scenario runs, not wall time, so a shrink is
 * reproducible on any machine.
 */
public final class Shrinker {
    private Shrinker() {}

    public record Result(Map<String, Object> value, int steps, int evaluations, boolean exhausted) {}

    public static Result shrink(Shrinkable failing, Predicate<Map<String, Object>> stillFails, int maxEvaluations) {
        Shrinkable current = failing;
        int steps = 0;
        int evaluations = 0;
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (Shrinkable child : current.children()) {
                if (evaluations >= maxEvaluations) {
                    return new Result(current.value(), steps, evaluations, true);
                }
                evaluations++;
                if (stillFails.test(child.value())) {
                    current = child;
                    steps++;
                    progressed = true;
                    break;
                }
            }
        }
        return new Result(current.value(), steps, evaluations, false);
    }
}
