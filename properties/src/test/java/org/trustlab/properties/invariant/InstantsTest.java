package org.trustlab.properties.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkers' instant reader gives what {@link Instant#parse} gives, for traces' own text and anything else. */
class InstantsTest {
    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsLikeInstantParse() {
        List<String> texts = List.of("2025-01-01T00:00:00Z", "2025-01-01T00:00:00.3Z", "2025-01-01T00:00:00.300Z",
                "2025-01-01T00:00:00.010552494Z", "2025-01-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
                "2025-02-29T12:00:00Z", "2025-13-01T00:00:00Z", "2025-01-32T00:00:00Z", "2025-01-01T24:00:00Z",
                "2025-01-01T23:59:60Z", "2025-01-01T00:60:00Z", "2025-01-01T00:00:00.Z",
                "2025-01-01T00:00:00.0123456789Z", "2025-01-01t00:00:00z", "2025-01-01T00:00:00+01:00",
                "+12025-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "0000-01-01T00:00:00Z",
                "2025-01-01T00:00Z", "2025-1-01T00:00:00Z", "2025-01-01 00:00:00Z", "garbage", "", "30d", "PT30S",
                Instant.ofEpochSecond(1_735_689_600L, 10_552_494).toString());
        for (String t : texts) {
            assertEquals(reference(t), Instants.parseOrNull(t), t);
        }
        assertEquals(null, Instants.parseOrNull(null));
    }
}
