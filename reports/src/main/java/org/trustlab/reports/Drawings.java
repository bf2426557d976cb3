package org.trustlab.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The report's SVG drawings (sequence diagrams, trust graphs, charts) by element id, ready to inline. */
public final class Drawings {
    private final Map<String, String> byId = new LinkedHashMap<>();

    void put(String id, String svg) {
        if (byId.putIfAbsent(id, svg) != null) {
            throw new IllegalStateException("two drawings with the id " + id);
        }
    }

    public Optional<String> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(byId);
    }
}
