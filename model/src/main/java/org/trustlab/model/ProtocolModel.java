package org.trustlab.model;

import java.util.List;
import org.trustlab.model.dsl.Model;

/**
 * A protocol whose symbolic model the checker can run, with its default bounds and its named mutants
 * (deliberately broken variants, each expected to fail with a counterexample).
 */
public interface ProtocolModel {
    String name();

    /** One line on what is modelled. */
    String summary();

    /** Sessions explored when none are asked for. */
    int defaultSessions();

    /** Mutant names, e.g. {@code no-nonce}. */
    List<String> mutants();

    /** The property each mutant is known to break (a property name as the checker prints it). */
    String breaks(String mutant);

    /** The model with {@code sessions} sessions; {@code mutant} null for the protocol as specified. */
    Model build(int sessions, String mutant);
}
