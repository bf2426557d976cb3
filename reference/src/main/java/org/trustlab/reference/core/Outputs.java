package org.trustlab.reference.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one step of a role wants to happen, in order: messages to send, timers to set or cancel, audit
 * events and user-visible outcomes. The host (simulator or a real transport) carries them out; the role never
 * does I/O itself.
 */
public record Outputs<M>(List<Send<M>> sends, List<TimerOp> timers, List<AuditEvent> audit, List<Outcome> outcomes) {

    public Outputs {
        sends = List.copyOf(sends);
        timers = List.copyOf(timers);
        audit = List.copyOf(audit);
        outcomes = List.copyOf(outcomes);
    }

    public record Send<M>(DeviceId to, M message) {
        public Send {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Timer requests; delays are measured on the role's own (possibly skewed, drifting) clock. */
    public sealed interface TimerOp permits SetTimer, CancelTimer {
        TimerId id();
    }

    public record SetTimer(TimerId id, Duration after) implements TimerOp {
        public SetTimer {
            Objects.requireNonNull(id, "id");
            if (after.isNegative()) {
                throw new IllegalArgumentException("timer delay must not be negative: " + after);
            }
        }
    }

    public record CancelTimer(TimerId id) implements TimerOp {}

    public static <M> Outputs<M> none() {
        return new Outputs<>(List.of(), List.of(), List.of(), List.of());
    }

    public static <M> Builder<M> builder() {
        return new Builder<>();
    }

    public boolean isEmpty() {
        return sends.isEmpty() && timers.isEmpty() && audit.isEmpty() && outcomes.isEmpty();
    }

    /** This step's outputs followed by another's. */
    public Outputs<M> andThen(Outputs<M> next) {
        return Outputs.<M>builder().addAll(this).addAll(next).build();
    }

    public static final class Builder<M> {
        private final List<Send<M>> sends = new ArrayList<>();
        private final List<TimerOp> timers = new ArrayList<>();
        private final List<AuditEvent> audit = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();

        private Builder() {}

        public Builder<M> send(DeviceId to, M message) {
            sends.add(new Send<>(to, message));
            return this;
        }

        public Builder<M> setTimer(TimerId id, Duration after) {
            timers.add(new SetTimer(id, after));
            return this;
        }

        public Builder<M> cancelTimer(TimerId id) {
            timers.add(new CancelTimer(id));
            return this;
        }

        public Builder<M> audit(AuditEvent event) {
            audit.add(event);
            return this;
        }

        public Builder<M> outcome(Outcome outcome) {
            outcomes.add(outcome);
            return this;
        }

        public Builder<M> addAll(Outputs<M> other) {
            sends.addAll(other.sends());
            timers.addAll(other.timers());
            audit.addAll(other.audit());
            outcomes.addAll(other.outcomes());
            return this;
        }

        public Outputs<M> build() {
            return new Outputs<>(sends, timers, audit, outcomes);
        }
    }
}
