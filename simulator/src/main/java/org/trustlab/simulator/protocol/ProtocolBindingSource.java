package org.trustlab.simulator.protocol;

/**
 * Where the simulator finds the protocols it hosts: a {@link java.util.ServiceLoader} service. A protocol is
 * registered once, as a whole module (binding, invariants, mutants, model, generator) in {@code properties}; that
 * module is this source for the simulator, which knows nothing else of it. The simulator's own demo protocol
 * ({@code ping}) needs no registration.
 */
public interface ProtocolBindingSource {
    ProtocolBinding<?> binding();
}
