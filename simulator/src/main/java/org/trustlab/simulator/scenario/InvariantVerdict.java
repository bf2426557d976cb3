package org.trustlab.simulator.scenario;

import java.util.Locale;

/**
 * What an invariant says of one trace. {@code VACUOUS} is not a kind of {@code HELD}: the trace held nothing for the
 * invariant to judge (no join accepted, no vouch sent), so it shows nothing about the protocol, and a scenario that
 * means it must say so ({@code vacuous: true}).
 */
public enum InvariantVerdict {
    HELD,
    VIOLATED,
    VACUOUS;

    /** The word reports and scenario results use: {@code held}, {@code violated}, {@code vacuous}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
