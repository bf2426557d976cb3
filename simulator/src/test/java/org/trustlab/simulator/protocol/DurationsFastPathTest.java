package org.trustlab.simulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The integer fast path of {@link Durations#parse} must agree with the general (regex, BigDecimal) reading. */
class DurationsFastPathTest {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");

    /** The reading before the fast path existed. */
    private static Optional<Duration> reference(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        try {
            return Optional.of(Duration.ofNanos(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Test
    void agreesWithTheGeneralReading() {
        List<String> texts = new ArrayList<>(List.of("0ms", "250ms", " 30s ", "5m", "2h", "8d", "1ns", "7us",
                "007ms", "1.5s", "5 ms", "-5ms", "+5ms", "ms", "5", "5x", "5msx", "9223372036854775807ns",
                "922337203685477580ns", "106751d", "106752d", "999999999999999999d", "9999999999999999999ms",
                "2562047h", "2562048h", "１ms", "5mS", ""));
        DeterministicRandom rng = new DeterministicRandom(3, "durations-test");
        String[] units = {"ns", "us", "ms", "s", "m", "h", "d"};
        for (int i = 0; i < 5_000; i++) {
            long n = rng.nextLong() >>> rng.nextInt(64);
            texts.add(n + units[rng.nextInt(units.length)]);
        }
        for (String t : texts) {
            assertThat(Durations.parse(t)).as(t).isEqualTo(reference(t));
        }
    }
}
