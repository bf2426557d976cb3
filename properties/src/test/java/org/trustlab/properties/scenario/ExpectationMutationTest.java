package org.trustlab.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.scenario.Expectation;
import org.trustlab.simulator.scenario.ExpectationMutants;
import org.trustlab.simulator.scenario.ExpectationResult;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * Every expectation of every shipped scenario can fail: each of its mutants (accepted and rejected swapped, another
 * reason code, a count one off, holds and violated swapped, never and present swapped, before and after swapped)
 * fails on the scenario's run. A run is a function of (scenario, seed), so each scenario runs once and its mutants
 * are judged on that trace, as a replay of the mutated file would judge them.
 */
public class ExpectationMutationTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ProtocolBindings.standard(),
            InvariantCatalogue.oracle());

    public static Stream<String> scenarios() {
        return Stream.of("autojoin", "vouch", "relay", "examples").flatMap(dir -> {
            try (Stream<Path> files = Files.list(Path.of("..", "scenarios", dir))) {
                return files.filter(p -> p.toString().endsWith(".yaml")).map(p -> dir + "/" + p.getFileName())
                        .sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyExpectationFailsWhenMutated(String file) {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios").resolve(file));
        RunResult r = RUNNER.execute(s);
        assertThat(r.passed()).as("%s passes as written: %s", file, r.expectations()).isTrue();
        Vocabulary words = ProtocolBindings.lookup(s.protocol()).orElseThrow().vocabulary();
        List<String> survivors = new ArrayList<>();
        int mutants = 0;
        for (int i = 0; i < s.expect().size(); i++) {
            Expectation original = s.expect().get(i);
            for (ExpectationMutants.Mutant m : ExpectationMutants.of(original, words)) {
                mutants++;
                // The replay of the mutated file fails when any expectation fails. The unchanged invariant
                // expectations passed above and depend on the trace alone, so only the mutant and the other event
                // expectations (which may be ordered against it) are judged again.
                List<Expectation> judged = new ArrayList<>();
                judged.add(m.expectation());
                for (int j = 0; j < s.expect().size(); j++) {
                    if (j != i && s.expect().get(j) instanceof Expectation.EventExpected) {
                        judged.add(s.expect().get(j));
                    }
                }
                if (RUNNER.judge(s.withExpect(judged), r.trace()).stream().allMatch(ExpectationResult::passed)) {
                    survivors.add(original.describe() + " [" + m.change() + "]");
                }
            }
        }
        assertThat(mutants).as("%s has expectations to mutate", file).isPositive();
        assertThat(survivors).as("expectations of %s that survive a mutation", file).isEmpty();
    }
}
