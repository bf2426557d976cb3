package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped examples run and meet their outcome and audit expectations. (Their invariant expectations need the
 * catalogue in {@code properties}; the CLI's tests replay the examples whole.)
 */
class ExamplesTest {

    @Test
    void everyExampleMeetsItsOutcomeAndAuditExpectations() throws IOException {
        for (Path example : ScenarioWriterTest.examples()) {
            Scenario s = ScenarioLoader.load(example);
            RunResult r = ScenarioRunner.run(s, s.seed());
            assertThat(r.roleErrors()).as(example.toString()).isEmpty();
            assertThat(r.expectations()).as(example.toString()).isNotEmpty()
                    .filteredOn(x -> !(x.expectation() instanceof Expectation.InvariantExpected))
                    .allSatisfy(x -> assertThat(x.passed()).as(x.line()).isTrue());
        }
    }
}
