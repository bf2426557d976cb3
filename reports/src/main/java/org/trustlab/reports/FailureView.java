package org.trustlab.reports;

import java.util.Optional;
import org.trustlab.reports.svg.SequenceDiagram;

/**
 * One counterexample's section: the invariant and its statement, the violation message, the shrunk scenario
 * (secrets redacted), the trace's identity and whether it is the recorded one, whether the report's own replay of
 * the file reproduced the violation ({@code replayStatus} says how it was checked), the sequence
 * diagram of the attack (and where its PlantUML and Mermaid texts are, relative to the report) and the trust graph
 * at the violation; for a linearizability invariant, its non-linearizable window (text, timeline, history file).
 */
public record FailureView(String anchor, String protocol, Optional<String> mutant, String invariant,
        String statement, String message, String scenarioFile, String scenarioYaml, String traceSha256,
        String traceStatus, boolean replayVerified, String replayStatus, Optional<Long> runIndex, long violationSeq,
        SequenceDiagram.Model sequence, String sequenceSvgId, SequenceFiles sequenceFiles, GraphView graph,
        Optional<LinearizabilityView> linearizability) {
    /** Paths relative to the report's folder. */
    public record SequenceFiles(String plantUml, String mermaid) {}
}
