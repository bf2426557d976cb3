package org.trustlab.reports;

import org.trustlab.simulator.trace.Trace;

/** A passing run of a campaign whose trust graph stands for the protocol's normal behaviour. */
public record TypicalRun(long runIndex, String yaml, Trace trace) {}
