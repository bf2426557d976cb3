package org.trustlab.properties.validation;

import java.util.function.Supplier;

/**
 * The walk a refinement check is replaying, for the model roles that are built once and read their trace-dependent
 * inputs (windows, grants, registries) from it. Per thread, so campaign workers validate side by side; a check run
 * inside another (none today) restores the outer walk when it ends.
 */
final class ActiveWalk<W> {
    private final ThreadLocal<W> slot = new ThreadLocal<>();

    W get() {
        return slot.get();
    }

    <R> R during(W walk, Supplier<R> body) {
        W outer = slot.get();
        slot.set(walk);
        try {
            return body.get();
        } finally {
            if (outer == null) {
                slot.remove();
            } else {
                slot.set(outer);
            }
        }
    }
}
