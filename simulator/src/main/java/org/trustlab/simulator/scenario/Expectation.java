package org.trustlab.simulator.scenario;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What a scenario expects of its run. */
public sealed interface Expectation permits Expectation.OutcomeExpected, Expectation.AuditExpected,
        Expectation.InvariantExpected {

    /** How a decision must have gone; NONE = never decided, ANY = decided either way. */
    enum Result {
        ACCEPTED, REJECTED, NONE, ANY;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The line's description after PASS/FAIL, e.g. {@code device v: outcome auto-join rejected CHALLENGE_REPLAYED}. */
    String describe();

    /** An outcome of {@code kind} with that result (and reason, if given) occurs on {@code device}. */
    record OutcomeExpected(String device, String kind, Result result, Optional<String> reason) implements Expectation {
        public OutcomeExpected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(result, "result");
            reason = reason == null ? Optional.empty() : reason;
        }

        @Override
        public String describe() {
            return "device " + device + ": outcome " + kind + " " + result.yamlName() + reason.map(r -> " " + r)
                    .orElse("");
        }
    }

    /** An audit event of {@code type} (with that reason, if given) occurs on {@code device}. */
    record AuditExpected(String device, String type, Optional<String> reason) implements Expectation {
        public AuditExpected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(type, "type");
            reason = reason == null ? Optional.empty() : reason;
        }

        @Override
        public String describe() {
            return "device " + device + ": audit " + type + reason.map(r -> " " + r).orElse("");
        }
    }

    /** The invariant holds (or, for a demonstration of a known gap, is violated) on the run's trace. */
    record InvariantExpected(String invariant, boolean holds) implements Expectation {
        public InvariantExpected {
            Objects.requireNonNull(invariant, "invariant");
        }

        @Override
        public String describe() {
            return "invariant " + invariant + (holds ? " holds" : " violated");
        }
    }
}
