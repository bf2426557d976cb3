package org.trustlab.reports.stats;

import java.util.List;

/** What the report plots for one campaign. */
public record Statistics(List<LatencyRow> latency, List<AcceptanceBin> byLoss, List<AcceptanceBin> byOffline) {
    public Statistics {
        latency = List.copyOf(latency);
        byLoss = List.copyOf(byLoss);
        byOffline = List.copyOf(byOffline);
    }
}
