package org.trustlab.reports.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;

/**
 * A replayed scenario as a report input, shown as a one-run section: the scenario file's text, the run's trace and
 * the expectation lines {@code trustlab replay} printed. Written by {@link ReplayDirs#write}.
 */
public record ReplayDir(Path dir, String protocol, String scenarioName, long seed, Optional<String> mutant,
        String yaml, Trace trace, List<Expectation> expectations) {

    /** One expectation line and whether it held. */
    public record Expectation(String text, boolean holds) {}

    public ReplayDir {
        mutant = mutant == null ? Optional.empty() : mutant;
        expectations = List.copyOf(expectations);
    }
}
