package org.trustlab.properties;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.properties.campaign.TwinRun;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.PairedInvariant;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.trace.Trace;

/**
 * Every invariant of every registered protocol module, by id; campaigns check all of a protocol's invariants on
 * every run, and scenario expectations ({@code {invariant: <id>, holds: false}}) are answered from here.
 */
public final class InvariantCatalogue {
    private static final List<Invariant> ALL = ProtocolModules.all().stream()
            .flatMap(m -> m.invariants().stream()).toList();

    private static final Map<String, Invariant> BY_ID = index(ALL);

    private InvariantCatalogue() {}

    /** Every invariant, grouped by protocol in registration order. */
    public static List<Invariant> all() {
        return ALL;
    }

    public static List<Invariant> forProtocol(String protocol) {
        return ALL.stream().filter(i -> i.protocol().equals(protocol)).toList();
    }

    public static Optional<Invariant> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The protocols that have at least one invariant, sorted. */
    public static Set<String> protocols() {
        Set<String> out = new TreeSet<>();
        ALL.forEach(i -> out.add(i.protocol()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The verdict of invariant {@code id} on {@code trace} (held, violated, vacuous); empty for an unknown id. This is the oracle
     * the simulator's {@code {invariant: <id>, holds: ...}} expectations are evaluated with (the simulator cannot depend on us).
     */
    public static Optional<InvariantVerdict> judge(String id, Trace trace) {
        Optional<InvariantVerdict> invariant = find(id).map(i -> i.judge(trace).verdict());
        if (invariant.isPresent()) {
            return invariant;
        }
        // A campaign also shrinks failures of its per-run trace checks (validation against the model, e.g.
        // vouch.refines-model), and the shrunk scenario names the check in its expectations: answer those too.
        String protocol = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        if (id.equals(protocol + ".roles-never-throw")) {
            return Optional.of(org.trustlab.properties.campaign.Campaigns.rolesNeverThrow(protocol).judge()
                    .apply(trace).verdict());
        }
        return ProtocolModules.find(protocol).map(ProtocolModule::refinements).orElse(List.of()).stream()
                .filter(c -> c.id().equals(id)).findFirst().map(c -> c.judge().apply(trace).verdict());
    }

    /**
     * The oracle scenario expectations are judged with: {@link #judge}, and for an invariant judged against the
     * run's attacker-free twin, the twin run of the same scenario and seed ({@link TwinRun}); a run without a twin
     * (no attacker or no liveness phase) is vacuous for it.
     */
    public static InvariantOracle oracle() {
        return new InvariantOracle() {
            private final TwinRun twins = new TwinRun(ProtocolBindings.standard());

            @Override
            public Optional<InvariantVerdict> judge(String id, Trace trace) {
                return InvariantCatalogue.judge(id, trace);
            }

            @Override
            public Optional<InvariantVerdict> judge(String id, Scenario scenario, long seed, Trace trace) {
                if (find(id).orElse(null) instanceof PairedInvariant p) {
                    return Optional.of(twins.run(scenario, seed).map(t -> p.judge(trace, t)).orElseGet(
                            () -> p.judge(trace)).verdict());
                }
                return judge(id, trace);
            }
        };
    }

    private static Map<String, Invariant> index(List<Invariant> all) {
        Map<String, Invariant> byId = new LinkedHashMap<>();
        for (Invariant i : all) {
            if (byId.put(i.id(), i) != null) {
                throw new IllegalStateException("two invariants share the id " + i.id());
            }
        }
        return Collections.unmodifiableMap(byId);
    }
}
