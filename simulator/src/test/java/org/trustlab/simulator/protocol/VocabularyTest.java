package org.trustlab.simulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Each binding's vocabulary covers what its roles really say: every outcome kind, audit type, reason code and field
 * name in the runs of the shipped scenarios is a declared word (a role that grows a new word without its binding
 * declaring it would make scenarios using the word fail to load).
 */
class VocabularyTest {
    static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Stream.of("autojoin", "vouch", "examples").flatMap(d -> {
            try {
                return Files.list(Path.of("..", "scenarios", d)).toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyWordTheRolesSayIsDeclared() throws IOException {
        Map<String, TreeSet<String>> undeclared = new TreeMap<>();
        List<Path> files = shipped();
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            Scenario s = ScenarioLoader.load(file);
            Vocabulary v = ProtocolBindings.lookup(s.protocol()).orElseThrow().vocabulary();
            RunResult r = ScenarioRunner.run(s, s.seed());
            for (TraceEvent e : r.trace().events()) {
                if (e.kind() != TraceEvent.Kind.AUDIT && e.kind() != TraceEvent.Kind.OUTCOME) {
                    continue;
                }
                String kind = e.kind() == TraceEvent.Kind.AUDIT ? "audit" : "outcome";
                if (!(e.kind() == TraceEvent.Kind.AUDIT ? v.audits() : v.outcomes()).contains(e.type())) {
                    undeclared.computeIfAbsent(s.protocol() + " " + kind, k -> new TreeSet<>()).add(e.type());
                }
                String reason = e.field("reason");
                if (reason != null && !v.reasons().contains(reason)) {
                    undeclared.computeIfAbsent(s.protocol() + " reason", k -> new TreeSet<>()).add(reason);
                }
                for (String f : e.fields().keySet()) {
                    if (!v.fields().contains(f)) {
                        undeclared.computeIfAbsent(s.protocol() + " field", k -> new TreeSet<>()).add(f);
                    }
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void suggestionsAreCloseNamesOnly() {
        List<String> actions = List.of("join", "auto-join", "rotate-key", "revoke-grant", "forget-key");
        assertThat(Spelling.closest("auto-jion", actions)).contains("auto-join");
        assertThat(Spelling.closest("revoke", actions)).isEmpty();
        assertThat(Spelling.closest("sesion", List.of("session", "validator", "purpose"))).contains("session");
        assertThat(Spelling.closest("CHALENGE_REPLAYED", List.of("CHALLENGE_REPLAYED", "CHALLENGE_EXPIRED")))
                .contains("CHALLENGE_REPLAYED");
        assertThat(Spelling.unknown("user action", "wave", List.of("ping")))
                .isEqualTo("unknown user action 'wave' (known: ping)");
    }
}
