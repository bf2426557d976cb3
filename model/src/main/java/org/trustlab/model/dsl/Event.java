package org.trustlab.model.dsl;

import java.util.Objects;
import org.trustlab.model.term.Term;

/**
 * A claim event as it happened: which run emitted it, at what abstract time, with what bindings. {@code peer}
 * may be null for {@link ClaimKind#FACT} and one-party secrets.
 */
public record Event(ClaimKind kind, String label, Term actor, Term peer, Term data, int run, int time) {
    public Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
        String name = switch (kind) {
            case RUNNING -> "Running";
            case COMMIT -> "Commit";
            case SECRET -> "Secret";
            case FACT -> "Fact";
        };
        return name + "(" + label + ": " + actor + (peer == null ? "" : ", " + peer) + ", " + data + ")";
    }
}
