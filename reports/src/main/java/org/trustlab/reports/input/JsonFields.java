package org.trustlab.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads from a parsed JSON file that fail with the file and the JSON path of the bad value, so a reviewer
 * handed a broken summary learns which key to look at instead of getting a parser stack trace.
 */
final class JsonFields {
    private final Path file;

    JsonFields(Path file) {
        this.file = file;
    }

    ReportInputException bad(String path, String what) {
        return new ReportInputException(file, path + ": " + what);
    }

    JsonNode required(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            throw bad(path + key, "missing");
        }
        return v;
    }

    String text(JsonNode parent, String key, String path) {
        JsonNode v = required(parent, key, path);
        if (!v.isTextual()) {
            throw bad(path + key, "must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    Optional<String> optionalText(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(path + key, "must be a string or null");
        }
        return Optional.of(v.asText());
    }

    long integer(JsonNode parent, String key, String path) {
        JsonNode v = required(parent, key, path);
        if (!v.isIntegralNumber()) {
            throw bad(path + key, "must be an integer, got " + v);
        }
        return v.asLong();
    }

    long integerOr(JsonNode parent, String key, String path, long fallback) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? fallback : integer(parent, key, path);
    }

    double number(JsonNode parent, String key, String path) {
        JsonNode v = required(parent, key, path);
        if (!v.isNumber()) {
            throw bad(path + key, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    double numberOr(JsonNode parent, String key, String path, double fallback) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? fallback : number(parent, key, path);
    }

    boolean bool(JsonNode parent, String key, String path, boolean fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw bad(path + key, "must be true or false");
        }
        return v.asBoolean();
    }

    JsonNode array(JsonNode parent, String key, String path) {
        JsonNode v = required(parent, key, path);
        if (!v.isArray()) {
            throw bad(path + key, "must be an array");
        }
        return v;
    }

    List<String> strings(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad(path + key, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw bad(path + key + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    List<Double> numbers(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad(path + key, "must be an array of numbers");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw bad(path + key + "[" + i + "]", "must be a number");
            }
            out.add(v.get(i).asDouble());
        }
        return out;
    }
}
