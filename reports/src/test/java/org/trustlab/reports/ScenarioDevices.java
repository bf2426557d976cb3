package org.trustlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The device names a scenario file declares. */
final class ScenarioDevices {
    private ScenarioDevices() {}

    static List<String> of(String yaml) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode d : new ObjectMapper(new YAMLFactory()).readTree(yaml).path("devices")) {
                out.add(d.get("name").asText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
