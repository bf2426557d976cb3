package org.trustlab.simulator.scenario;

import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a scenario expects of its run. */
public sealed interface Expectation permits Expectation.EventExpected, Expectation.InvariantExpected {

    /** How a decision must have gone: accepted, rejected, or either (audit events have no result). */
    enum Result {
        ACCEPTED, REJECTED, ANY;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which of a device's words an event expectation is about. */
    enum Source {
        OUTCOME, AUDIT;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The line's description after PASS/FAIL, e.g. {@code device v: outcome auto-join rejected CHALLENGE_REPLAYED}. */
    String describe();

    /** The label other expectations order themselves against ({@code before:} / {@code after:}). */
    default Optional<String> id() {
        return Optional.empty();
    }

    /**
     * Which events count: an outcome or audit event of {@code type} on {@code device}, with that result and reason
     * when given, and every one of {@code fields} (a trace field name to its value). {@code match} holds the
     * expectation's {@code session}, {@code peer} and {@code target}, which the protocol's vocabulary maps to its
     * own field names and whose device names also match the names a device goes by in the protocol's audit (a
     * client id).
     */
    record Match(Source source, String device, String type, Result result, Optional<String> reason,
            SortedMap<String, String> fields, SortedMap<String, String> match) {
        public Match {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(result, "result");
            reason = reason == null ? Optional.empty() : reason;
            fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
            match = Collections.unmodifiableSortedMap(new TreeMap<>(match));
        }

        public static Match outcome(String device, String kind, Result result, Optional<String> reason) {
            return new Match(Source.OUTCOME, device, kind, result, reason, new TreeMap<>(), new TreeMap<>());
        }

        public static Match audit(String device, String type, Optional<String> reason) {
            return new Match(Source.AUDIT, device, type, Result.ANY, reason, new TreeMap<>(), new TreeMap<>());
        }

        public Match withResult(Result r, Optional<String> newReason) {
            return new Match(source, device, type, r, newReason, fields, match);
        }

        String describe() {
            StringBuilder b = new StringBuilder("device ").append(device).append(": ").append(source.yamlName())
                    .append(' ').append(type);
            if (result != Result.ANY) {
                b.append(' ').append(result.yamlName());
            }
            reason.ifPresent(r -> b.append(' ').append(r));
            match.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            return b.toString();
        }
    }

    /** How many matching events there must be: between {@code min} and {@code max} (inclusive; max -1: no bound). */
    record Quantity(int min, int max) {
        /** The default: at least one. */
        public static final Quantity SOME = new Quantity(1, -1);
        public static final Quantity NEVER = new Quantity(0, 0);

        public Quantity {
            if (min < 0 || (max >= 0 && max < min) || max < -1) {
                throw new IllegalArgumentException("no count satisfies at least " + min + " and at most " + max);
            }
        }

        public static Quantity exactly(int n) {
            return new Quantity(n, n);
        }

        public boolean admits(int n) {
            return n >= min && (max < 0 || n <= max);
        }

        public boolean isNever() {
            return max == 0;
        }

        /** Empty for the default (at least one). */
        String describe() {
            if (isNever()) {
                return "never";
            }
            if (min == max) {
                return "exactly " + min;
            }
            if (max < 0) {
                return min == 1 ? "" : "at least " + min;
            }
            return min == 0 ? "at most " + max : "between " + min + " and " + max;
        }
    }

    /** This expectation's first matching event comes before (or after) the first one of expectation {@code other}. */
    record Order(boolean before, String other) {
        public Order {
            Objects.requireNonNull(other, "other");
        }

        String describe() {
            return (before ? "before " : "after ") + other;
        }
    }

    /** So many events matching {@code match} occur, optionally ordered against another expectation's. */
    record EventExpected(Optional<String> label, Match match, Quantity quantity, Optional<Order> order)
            implements Expectation {
        public EventExpected {
            label = label == null ? Optional.empty() : label;
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(quantity, "quantity");
            order = order == null ? Optional.empty() : order;
            if (quantity.isNever() && order.isPresent()) {
                throw new IllegalArgumentException("an event that must never happen has no order");
            }
        }

        /** At least one event matching {@code match}. */
        public static EventExpected some(Match match) {
            return new EventExpected(Optional.empty(), match, Quantity.SOME, Optional.empty());
        }

        @Override
        public Optional<String> id() {
            return label;
        }

        public EventExpected withMatch(Match m) {
            return new EventExpected(label, m, quantity, order);
        }

        public EventExpected withQuantity(Quantity q) {
            return new EventExpected(label, match, q, q.isNever() ? Optional.empty() : order);
        }

        public EventExpected withOrder(Optional<Order> o) {
            return new EventExpected(label, match, quantity, o);
        }

        @Override
        public String describe() {
            String q = quantity.describe();
            String m = match.describe();
            if (quantity.isNever()) {
                m = m.replaceFirst(": ", ": never ");
            } else if (!q.isEmpty()) {
                m = m + ", " + q;
            }
            return label.map(l -> "[" + l + "] ").orElse("") + m + order.map(o -> ", " + o.describe()).orElse("");
        }
    }

    /**
     * The invariant's verdict on the run's trace: {@code holds: true} expects it judged something and held,
     * {@code holds: false} (a demonstration of a known gap) that it was violated, {@code vacuous: true} that the run
     * gave it nothing to judge.
     */
    record InvariantExpected(String invariant, InvariantVerdict verdict) implements Expectation {
        public InvariantExpected {
            Objects.requireNonNull(invariant, "invariant");
            Objects.requireNonNull(verdict, "verdict");
        }

        @Override
        public String describe() {
            return "invariant " + invariant + switch (verdict) {
                case HELD -> " holds";
                case VIOLATED -> " violated";
                case VACUOUS -> " vacuous";
            };
        }
    }
}
