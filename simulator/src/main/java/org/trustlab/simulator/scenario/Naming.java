package org.trustlab.simulator.scenario;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How an expectation's {@code session}, {@code peer} and {@code target} find their events: the protocol's field name
 * for each key, and the names a device goes by in the protocol's audit (its scenario name, and for autojoin its
 * client id), so {@code peer: phone} matches an audit that names the phone by its client id.
 */
public record Naming(Map<String, String> matchFields, Function<String, Set<String>> aliases) {
    /** Keys are field names as they stand; devices go by their scenario names only. */
    public static final Naming PLAIN = new Naming(Map.of(), Set::of);

    public Naming {
        matchFields = Map.copyOf(matchFields);
    }

    String field(String key) {
        return matchFields.getOrDefault(key, key);
    }

    boolean names(String value, String device) {
        return value.equals(device) || aliases.apply(device).contains(value);
    }
}
