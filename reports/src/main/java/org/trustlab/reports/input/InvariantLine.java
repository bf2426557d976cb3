package org.trustlab.reports.input;

/** One entry of {@code summary.json}'s {@code invariants}: the check, its statement and what this directory saw. */
public record InvariantLine(String id, String statement, long violations, double rateUpper95) {}
