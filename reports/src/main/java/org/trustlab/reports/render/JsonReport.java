package org.trustlab.reports.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.trustlab.reports.Report;

/**
 * report.json: the {@link Report} record tree as JSON, everything the HTML shows as data (the drawings as what they
 * draw: sequence steps, graph nodes and edges, statistics). Optionals are their value or null; NaN (a percentile
 * with no samples) is the string "NaN".
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("optional").addSerializer(optionalSerializer()));

    private JsonReport() {}

    public static String render(Report report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonSerializer<Optional<?>> optionalSerializer() {
        return new JsonSerializer<Optional<?>>() {
            @Override
            public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                if (value.isPresent()) {
                    provider.defaultSerializeValue(value.get(), gen);
                } else {
                    gen.writeNull();
                }
            }

            @Override
            public Class<Optional<?>> handledType() {
                return (Class) Optional.class;
            }
        };
    }
}
