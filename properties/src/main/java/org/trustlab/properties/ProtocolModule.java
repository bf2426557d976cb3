package org.trustlab.properties;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.trustlab.model.ProtocolModel;
import org.trustlab.properties.campaign.AdmittedGap;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.trust.TrustEdgeExtractor;
import org.trustlab.simulator.protocol.ProtocolBindingSource;
import org.trustlab.simulator.trace.Trace;

/**
 * Everything trustlab knows of one protocol, supplied in one place: how the simulator hosts it, what must hold of
 * its runs, how it is deliberately broken, its symbolic model and the refinement that maps traces onto it, how
 * campaigns draw its scenarios, and how its trust edges are read. A protocol is registered by naming its module
 * once in {@code META-INF/services/org.trustlab.simulator.protocol.ProtocolBindingSource}; the simulator finds the
 * binding there and {@link ProtocolModules} the rest.
 */
public interface ProtocolModule extends ProtocolBindingSource {
    /** The name scenarios use in {@code protocol:}; equal to {@code binding().name()}. */
    default String name() {
        return binding().name();
    }

    /** The invariant catalogue of the protocol, each with a mutant that breaks it. */
    List<Invariant> invariants();

    /** The deliberately broken variants of the reference, each naming the invariants that catch it. */
    List<Mutant> mutants();

    /** Per-run checks beyond the invariants (trace validation against the model), switched off by --no-validate. */
    default List<TraceCheck> refinements() {
        return List.of();
    }

    /** The symbolic models {@code trustlab check} explores (one per profile where profiles differ). */
    default List<ProtocolModel> models() {
        return List.of();
    }

    /** The scenario generator and run metrics of the protocol's campaigns. */
    ProtocolCampaign campaign();

    /** Runs of the main job ({@code --protocol all}). */
    int defaultRuns();

    /** Violations the source design admits by construction: counted, reported as FINDINGs, not failing. */
    default List<AdmittedGap> gaps() {
        return List.of();
    }

    /** How the report reads the protocol's trust edges from a run. */
    Optional<TrustEdgeExtractor> trustEdges();

    /**
     * The Jepsen history (EDN) of the protocol's shared object in a run, for {@code trustlab lin}; empty when the
     * protocol has no such object.
     */
    default Optional<Function<Trace, String>> history() {
        return Optional.empty();
    }

    /** A demonstration protocol: campaignable, but not part of {@code --protocol all}. */
    default boolean demo() {
        return false;
    }
}
