package org.trustlab.properties.validation;

import java.util.Optional;
import org.trustlab.properties.invariant.Instants;

/** Trace instants as the models' clock reads them: milliseconds since the walk's earliest honest time. */
final class ModelTicks {
    private ModelTicks() {}

    /**
     * {@code instant} in ticks after {@code baseMillis}, clamped to [0, Integer.MAX_VALUE / 2] so that sums of
     * ticks and windows cannot overflow; empty when the text is not an instant.
     */
    static Optional<Integer> since(long baseMillis, String instant) {
        return Instants.epochMillis(instant)
                .map(ms -> (int) Math.max(0, Math.min(Integer.MAX_VALUE / 2, ms - baseMillis)));
    }
}
