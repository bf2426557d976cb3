package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.PairedInvariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * An optional per-run check beyond the invariant catalogue, switched off with {@code --no-validate}: chiefly trace
 * validation against the protocol's symbolic model (every reference trace must be a behaviour of the model). Its
 * violations are counted, shrunk and written exactly like an invariant's, and a run that gave it nothing to judge
 * is vacuous for it, as for an invariant. A check made from a {@link PairedInvariant} also has {@code paired}: it is
 * judged against the run's attacker-free twin.
 */
public record TraceCheck(String id, String protocol, String statement, Function<Trace, Judgement> judge,
        Optional<BiFunction<Trace, Trace, Judgement>> paired) {
    public TraceCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(paired, "paired");
    }

    public TraceCheck(String id, String protocol, String statement, Function<Trace, Judgement> judge) {
        this(id, protocol, statement, judge, Optional.empty());
    }

    /** An invariant of the catalogue seen as a per-run check: the campaign treats both alike. */
    public static TraceCheck of(Invariant invariant) {
        Optional<BiFunction<Trace, Trace, Judgement>> paired = invariant instanceof PairedInvariant p
                ? Optional.of(p::judge) : Optional.empty();
        return new TraceCheck(invariant.id(), invariant.protocol(), invariant.statement(), invariant::judge, paired);
    }

    /** A check given as its violations and the count of what it judges. */
    public static TraceCheck of(String id, String protocol, String statement, Function<Trace, List<Violation>> check,
            ToIntFunction<Trace> subjects) {
        return new TraceCheck(id, protocol, statement, trace -> {
            List<Violation> found = check.apply(trace);
            // A violation is itself something judged, even where the count found no step.
            return new Judgement(Math.max(subjects.applyAsInt(trace), found.isEmpty() ? 0 : 1), found);
        });
    }

    /**
     * The steps of the roles a whole-trace check judges: every message sent and delivered, every user action and
     * timer. A trace without one (every device offline from the start, say) is vacuous for it.
     */
    public static int roleSteps(Trace trace) {
        int n = 0;
        for (TraceEvent e : trace.events()) {
            switch (e.kind()) {
                case SEND, DELIVER, USER_ACTION, TIMER -> n++;
                default -> { }
            }
        }
        return n;
    }

    /**
     * The run's judgement. {@code twin} is asked for only by a paired check, so a run pays for its twin only when
     * something judges against it; without a twin (no attacker, or no liveness phase) a paired check has nothing to
     * compare the run with, and the run is vacuous for it.
     */
    public Judgement judge(Trace trace, Supplier<Optional<Trace>> twin) {
        if (paired.isEmpty()) {
            return judge.apply(trace);
        }
        Optional<Trace> t = twin.get();
        return t.isPresent() ? paired.get().apply(trace, t.get()) : judge.apply(trace);
    }

    /** The violations of this check on {@code trace} alone (none when it holds, vacuously or not). */
    public List<Violation> violations(Trace trace) {
        return judge.apply(trace).violations();
    }
}
