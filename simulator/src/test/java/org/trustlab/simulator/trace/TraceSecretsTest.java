package org.trustlab.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustlab.simulator.protocol.LowEntropySecret;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * No trace of a shipped scenario carries a password or a pairing code: the user types them and the screens show
 * them, but the trace (and the campaign files and reports made from it) holds only their kind and length.
 */
class TraceSecretsTest {
    private static final Pattern PASSWORD = Pattern.compile("password:\\s*([^,}\\s]+)");
    private static final Pattern SHOWN = Pattern.compile("\\[(password|pairing code), \\d+ characters?]");

    @ParameterizedTest
    @ValueSource(strings = {"autojoin", "vouch"})
    void noTraceCarriesALowEntropySecret(String protocol) throws IOException {
        int shown = 0;
        for (Path file : scenarios(protocol)) {
            String yaml = Files.readString(file);
            Scenario s = ScenarioLoader.load(file);
            String trace = written(ScenarioRunner.run(s, s.seed()));
            for (String password : passwords(yaml)) {
                assertThat(trace).as(file + " carries the password '" + password + "'").doesNotContain(password);
            }
            assertThat(trace).as(file + ": a pairing code in clear").doesNotContainPattern("\"code\":\"\\d+\"");
            Matcher m = SHOWN.matcher(trace);
            while (m.find()) {
                shown++;
            }
        }
        assertThat(shown).as("secrets of " + protocol + " shown by kind and length (else the test judged nothing)")
                .isPositive();
    }

    @Test
    void aSecretIsShownByKindAndLengthInCodePoints() {
        assertThat(LowEntropySecret.shown("password", "Correct-Horse")).isEqualTo("[password, 13 characters]");
        assertThat(LowEntropySecret.shown("pairing code", "7")).isEqualTo("[pairing code, 1 character]");
        assertThat(LowEntropySecret.shown("password", "pässwörd🐴")).isEqualTo("[password, 9 characters]");
    }

    private static Set<String> passwords(String yaml) {
        Set<String> out = new TreeSet<>();
        Matcher m = PASSWORD.matcher(yaml);
        while (m.find()) {
            String p = m.group(1).replaceAll("^[\"']|[\"']$", "");
            if (p.length() >= 4) {
                out.add(p);
            }
        }
        return out;
    }

    private static String written(RunResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(r.trace(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> scenarios(String protocol) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios", protocol))) {
            List<Path> out = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(out).as("scenarios of " + protocol).isNotEmpty();
            return out;
        }
    }
}
