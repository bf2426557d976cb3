package org.trustlab.reports.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;

/**
 * One shrunk counterexample from {@code failures/}: the scenario file (text, as written), its trace, and the
 * violation found on it ({@code .violation.json}). {@code traceMatches} says whether the trace file's SHA-256 is
 * the one the campaign recorded, i.e. whether the diagram the report draws is of the run that failed;
 * {@code recordedScenarioSha256} is the scenario file's hash as the campaign wrote it. The campaign's own
 * {@code replayVerified} flag is not carried: the report replays the file itself ({@code FailureReplay}).
 */
public record FailureCase(Path yamlFile, String invariant, String yaml, Trace trace, String message,
        List<Long> evidenceSeqs, Optional<Long> runIndex, Optional<String> recordedTraceSha256,
        Optional<String> recordedScenarioSha256) {
    public FailureCase {
        recordedScenarioSha256 = recordedScenarioSha256 == null ? Optional.empty() : recordedScenarioSha256;
        evidenceSeqs = List.copyOf(evidenceSeqs);
        runIndex = runIndex == null ? Optional.empty() : runIndex;
        recordedTraceSha256 = recordedTraceSha256 == null ? Optional.empty() : recordedTraceSha256;
    }

    public boolean traceMatches() {
        return recordedTraceSha256.map(trace.sha256()::equals).orElse(true);
    }

    /** {@code autojoin.no-replay-0}: the file name without {@code .yaml}. */
    public String stem() {
        String name = yamlFile.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
