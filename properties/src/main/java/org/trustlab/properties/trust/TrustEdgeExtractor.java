package org.trustlab.properties.trust;

import java.util.List;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * How one protocol's trust edges are read from a run: the initial trust in the scenario's {@code setup:} and the
 * audit events and outcomes of the trace (a confirmed pairing, a created or revoked grant, an accepted vouch).
 * One implementation per protocol, in {@code properties/.../<protocol>/}, supplied by its protocol module.
 */
public interface TrustEdgeExtractor {
    String protocol();

    /** Records into {@code ledger} the edges of the scenario set-up and of {@code events} (in trace order). */
    void read(ScenarioFacts scenario, List<TraceEvent> events, EdgeLedger ledger);
}
