package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.PairedInvariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;

/**
 * An optional per-run check beyond the invariant catalogue, switched off with {@code --no-validate}: chiefly trace
 * validation against the protocol's symbolic model (every reference trace must be a behaviour of the model). Its
 * violations are counted, shrunk and written exactly like an invariant's. A check made from a
 * {@link PairedInvariant} also has {@code paired}: it is judged against the run's attacker-free twin.
 */
public record TraceCheck(String id, String protocol, String statement, Function<Trace, List<Violation>> check,
        Optional<BiFunction<Trace, Trace, List<Violation>>> paired) {
    public TraceCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(paired, "paired");
    }

    public TraceCheck(String id, String protocol, String statement, Function<Trace, List<Violation>> check) {
        this(id, protocol, statement, check, Optional.empty());
    }

    /** An invariant of the catalogue seen as a per-run check: the campaign treats both alike. */
    public static TraceCheck of(Invariant invariant) {
        Optional<BiFunction<Trace, Trace, List<Violation>>> paired = invariant instanceof PairedInvariant p
                ? Optional.of(p::check) : Optional.empty();
        return new TraceCheck(invariant.id(), invariant.protocol(), invariant.statement(), invariant::check, paired);
    }

    /**
     * The run's violations. {@code twin} is asked for only by a paired check, so a run pays for its twin only when
     * something judges against it; without a twin a paired check has nothing to judge.
     */
    public List<Violation> judge(Trace trace, Supplier<Optional<Trace>> twin) {
        if (paired.isEmpty()) {
            return check.apply(trace);
        }
        Optional<Trace> t = twin.get();
        return t.isPresent() ? paired.get().apply(trace, t.get()) : check.apply(trace);
    }
}
