package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;

/**
 * An optional per-run check beyond the invariant catalogue, switched off with {@code --no-validate}: chiefly trace
 * validation against the protocol's symbolic model (every reference trace must be a behaviour of the model). Its
 * violations are counted, shrunk and written exactly like an invariant's.
 */
public record TraceCheck(String id, String protocol, String statement, Function<Trace, List<Violation>> check) {
    public TraceCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(check, "check");
    }

    /** An invariant of the catalogue seen as a per-run check: the campaign treats both alike. */
    public static TraceCheck of(Invariant invariant) {
        return new TraceCheck(invariant.id(), invariant.protocol(), invariant.statement(), invariant::check);
    }
}
