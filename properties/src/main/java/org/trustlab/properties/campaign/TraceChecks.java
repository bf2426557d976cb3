package org.trustlab.properties.campaign;

import java.util.List;

/**
 * The per-run trace checks by protocol. Trace validation against the model (issue 7) is added to {@link #ALL}, one
 * line per protocol; a campaign runs those of its protocol unless {@code --no-validate} is given.
 */
public final class TraceChecks {
    private static final List<TraceCheck> ALL = List.of(
            new TraceCheck(org.trustlab.properties.validation.AutoJoinRefinement.ID,
                    org.trustlab.properties.validation.AutoJoinRefinement.PROTOCOL,
                    org.trustlab.properties.validation.AutoJoinRefinement.STATEMENT,
                    org.trustlab.properties.validation.AutoJoinRefinement::check),
            new TraceCheck(org.trustlab.properties.validation.VouchRefinement.ID,
                    org.trustlab.properties.validation.VouchRefinement.PROTOCOL,
                    org.trustlab.properties.validation.VouchRefinement.STATEMENT,
                    org.trustlab.properties.validation.VouchRefinement::check)
    );

    private TraceChecks() {}

    public static List<TraceCheck> forProtocol(String protocol) {
        return ALL.stream().filter(c -> c.protocol().equals(protocol)).toList();
    }
}
