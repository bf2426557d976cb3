package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One scripted attacker step. Intercepting steps ({@link Drop}, {@link Delay}, {@link Duplicate}, {@link Reorder},
 * {@link Redirect}, {@link Tamper}) act on the next {@code count} messages sent at or after {@code at} that match;
 * the others ({@link Replay}, {@link Inject}, {@link Register}) happen at {@code at}.
 */
public sealed interface AttackStep permits AttackStep.Intercept, AttackStep.Replay, AttackStep.Inject,
        AttackStep.Register {

    enum Op {
        DROP, DELAY, DUPLICATE, REORDER, REDIRECT, TAMPER, REPLAY, INJECT, REGISTER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Op> fromYaml(String s) {
            for (Op op : values()) {
                if (op.yamlName().equals(s)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    Duration at();

    Op op();

    /** Which sent messages a step applies to: sender, recipient and tag, each optional. */
    record Match(Optional<String> from, Optional<String> to, Optional<String> tag) {
        public static final Match ANY = new Match(Optional.empty(), Optional.empty(), Optional.empty());

        public Match {
            from = from == null ? Optional.empty() : from;
            to = to == null ? Optional.empty() : to;
            tag = tag == null ? Optional.empty() : tag;
        }

        /**
         * A tag matches when equal, or when it names one path segment of the canonical tag ({@code ping} matches
         * {@code trustlab/ping/ping/v1}, {@code challenge} matches {@code trustlab/autojoin/challenge/v1}).
         */
        public boolean matches(String sender, String recipient, String messageTag) {
            return from.map(sender::equals).orElse(true)
                    && to.map(recipient::equals).orElse(true)
                    && tag.map(t -> t.equals(messageTag) || ("/" + messageTag + "/").contains("/" + t + "/"))
                            .orElse(true);
        }

        public boolean isAny() {
            return from.isEmpty() && to.isEmpty() && tag.isEmpty();
        }
    }

    /** A step that acts on messages in flight. */
    sealed interface Intercept extends AttackStep permits Drop, Delay, Duplicate, Reorder, Redirect, Tamper {
        Match match();

        int count();
    }

    record Drop(Duration at, Match match, int count) implements Intercept {
        @Override
        public Op op() {
            return Op.DROP;
        }
    }

    record Delay(Duration at, Match match, int count, Duration by) implements Intercept {
        @Override
        public Op op() {
            return Op.DELAY;
        }
    }

    /** Delivers the message and a copy {@code after} later. */
    record Duplicate(Duration at, Match match, int count, Duration after) implements Intercept {
        @Override
        public Op op() {
            return Op.DUPLICATE;
        }
    }

    /** Holds the message until the next one on the same link is delivered (at most {@code maxHold}). */
    record Reorder(Duration at, Match match, int count, Duration maxHold) implements Intercept {
        @Override
        public Op op() {
            return Op.REORDER;
        }
    }

    record Redirect(Duration at, Match match, int count, String to) implements Intercept {
        public Redirect {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Op op() {
            return Op.REDIRECT;
        }
    }

    /**
     * Flips bit {@code flip} ({@code random}: one drawn from the attacker's stream; indices wrap around the
     * message) and/or substitutes a canonical field.
     */
    record Tamper(Duration at, Match match, int count, Optional<String> flip, Optional<Substitute> substitute)
            implements Intercept {
        public Tamper {
            flip = flip == null ? Optional.empty() : flip;
            substitute = substitute == null ? Optional.empty() : substitute;
        }

        @Override
        public Op op() {
            return Op.TAMPER;
        }
    }

    /**
     * Replaces canonical field {@code field} with {@code value} (hex) or with field {@code copyField} of an earlier
     * observed message {@code copyFrom} (a msg-id, or {@code last}: the latest earlier message with the same tag).
     */
    record Substitute(int field, Optional<String> value, Optional<String> copyFrom, int copyField) {
        public Substitute {
            value = value == null ? Optional.empty() : value;
            copyFrom = copyFrom == null ? Optional.empty() : copyFrom;
        }
    }

    /**
     * Re-sends an earlier message's exact bytes (by {@code msg} id, else the latest observed one matching) to
     * {@code to} (default: its original recipient), claiming {@code from} (default: its original sender).
     */
    record Replay(Duration at, Optional<String> msg, Match match, Optional<String> to, Optional<String> from)
            implements AttackStep {
        public Replay {
            msg = msg == null ? Optional.empty() : msg;
            to = to == null ? Optional.empty() : to;
            from = from == null ? Optional.empty() : from;
        }

        @Override
        public Op op() {
            return Op.REPLAY;
        }
    }

    /** Builds a message with {@code ProtocolBinding.forge} and delivers it to {@code to}, claiming {@code from}. */
    record Inject(Duration at, String to, String from, Map<String, Object> message) implements AttackStep {
        public Inject {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(from, "from");
            message = Collections.unmodifiableMap(new LinkedHashMap<>(message));
        }

        @Override
        public Op op() {
            return Op.INJECT;
        }
    }

    /**
     * An attacker-controlled device (with its own keys) joins the network at {@code at}; until then it is
     * unreachable. Optionally runs a user action on it at once.
     */
    record Register(Duration at, String device, Optional<String> action, SortedMap<String, String> args)
            implements AttackStep {
        public Register {
            Objects.requireNonNull(device, "device");
            action = action == null ? Optional.empty() : action;
            args = Collections.unmodifiableSortedMap(new TreeMap<>(args));
        }

        @Override
        public Op op() {
            return Op.REGISTER;
        }
    }
}
