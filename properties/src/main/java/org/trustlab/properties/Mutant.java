package org.trustlab.properties;

import java.util.List;
import java.util.Objects;

/**
 * A deliberately broken variant of a protocol's reference, switchable by {@code name} (a scenario's
 * {@code mutant:}, a campaign's {@code --mutant}): what it gets wrong, and the invariants that must catch it.
 */
public record Mutant(String name, String protocol, String description, List<String> breaks) {
    public Mutant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(description, "description");
        breaks = List.copyOf(breaks);
        if (breaks.isEmpty()) {
            throw new IllegalArgumentException("mutant " + name + " must name the invariants it breaks");
        }
    }
}
