package org.trustlab.simulator.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a YAML map (a device's {@code config:}, the scenario's {@code setup:}, an attacker step's
 * {@code message:}) that turns every misfit into a {@link ScenarioException} pointing at the offending key, so
 * bindings need no parsing code of their own. Values are what Jackson reads from YAML: strings, numbers,
 * booleans, lists and maps.
 */
public final class ConfigView {
    private final Map<String, Object> values;
    private final String path;

    /**
     * @param path the JSON pointer of the map itself: relative to the device ({@code config}) or absolute
     *             ({@code /setup})
     */
    public ConfigView(Map<String, Object> values, String path) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
    }

    public Map<String, Object> values() {
        return values;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path + "/" + key;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public ScenarioException error(String key, String what) {
        return new ScenarioException(what, key == null ? path : pathOf(key));
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "missing required key '" + key + "'"));
    }

    public String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(String.valueOf(v));
        }
        throw error(key, "'" + key + "' must be a string");
    }

    public long integer(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        throw error(key, "'" + key + "' must be an integer");
    }

    public double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(key, "'" + key + "' must be a number");
    }

    public boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(key, "'" + key + "' must be true or false");
    }

    public Duration duration(String key, Duration fallback) {
        return optionalDuration(key).orElse(fallback);
    }

    public Optional<Duration> optionalDuration(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(Durations.parse(s).orElseThrow(() -> error(key, "'" + key + "' must be "
                    + Durations.describeFormat() + ", got '" + s + "'")));
        }
        throw error(key, "'" + key + "' must be " + Durations.describeFormat());
    }

    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "'" + key + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                out.add(String.valueOf(item));
            } else {
                throw new ScenarioException("'" + key + "' must be a list of strings", pathOf(key) + "/" + i);
            }
        }
        return List.copyOf(out);
    }

    public ConfigView map(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new ConfigView(Map.of(), pathOf(key));
        }
        return new ConfigView(asMap(v, key, pathOf(key)), pathOf(key));
    }

    public List<ConfigView> maps(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "'" + key + "' must be a list of maps");
        }
        List<ConfigView> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = pathOf(key) + "/" + i;
            out.add(new ConfigView(asMap(list.get(i), key, p), p));
        }
        return List.copyOf(out);
    }

    /** Fails when the map holds a key outside {@code known}, so a typo in a scenario is an error, not a default. */
    public ConfigView onlyKeys(String... known) {
        List<String> allowed = List.of(known);
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw error(k, "unknown key '" + k + "' (expected one of " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object v, String key, String p) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ScenarioException("'" + key + "' must be a map", p);
    }
}
