package org.trustlab.properties.invariant;

import java.util.List;
import org.trustlab.simulator.trace.Trace;

/**
 * A security property as code that can fail: an id ({@code autojoin.no-replay}), a one-sentence statement a
 * reviewer can hold the protocol to, and a check over a simulator trace that returns the violations it finds
 * (empty when the property holds). Every invariant is killed by at least one mutant of the reference.
 */
public interface Invariant {
    String id();

    String protocol();

    String statement();

    List<Violation> check(Trace trace);
}
