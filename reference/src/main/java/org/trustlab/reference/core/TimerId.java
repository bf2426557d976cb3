package org.trustlab.reference.core;

import java.util.Objects;

/** Names a timer a role set; setting a timer with the same id again replaces it. */
public record TimerId(String name) implements Comparable<TimerId> {
    public TimerId {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(TimerId other) {
        return name.compareTo(other.name);
    }
}
