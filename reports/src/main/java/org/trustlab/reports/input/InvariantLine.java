package org.trustlab.reports.input;

import java.util.Optional;

/**
 * One entry of {@code summary.json}'s {@code invariants}: the check, its statement and what this directory saw.
 * {@code admitted} of the violations are ones the source design has by construction ({@code admittedBecause} says
 * why, e.g. the vouch protocol's spacedrive profile): findings to show, not failures of the campaign.
 * {@code judged} counts the runs that gave the check something to judge; the others held vacuously.
 */
public record InvariantLine(String id, String statement, long violations, long judged, double rateUpper95,
        long admitted, Optional<String> admittedBecause) {
    public InvariantLine(String id, String statement, long violations, long judged, double rateUpper95) {
        this(id, statement, violations, judged, rateUpper95, 0, Optional.empty());
    }
}
