package org.trustlab.linearizability;

import java.util.ArrayList;
import java.util.List;

/** A linearizability verdict with what the search did. */
public sealed interface Result permits Result.Valid, Result.Invalid, Result.Unknown {

    Stats stats();

    /** {@code valid}, {@code invalid} or {@code unknown}, as the CLI prints it. */
    String verdict();

    /**
     * @param configurations configurations of (linearized calls, model state) the search memoized: its states
     * @param partitions independent parts the history was split into (by {@code :key})
     * @param calls operations after preprocessing (failed ones dropped, crashed ones kept)
     */
    record Stats(long configurations, int partitions, int calls) {}

    record Valid(Stats stats) implements Result {
        @Override
        public String verdict() {
            return "valid";
        }
    }

    record Invalid(Window window, Stats stats) implements Result {
        @Override
        public String verdict() {
            return "invalid";
        }
    }

    record Unknown(String reason, Stats stats) implements Result {
        @Override
        public String verdict() {
            return "unknown";
        }
    }

    /**
     * One operation of the history: its invocation, its completion (null when it crashed) and the invocation's
     * position in the history.
     */
    record Call(Op invoke, Op completion, int index) {
        String render() {
            Op shown = completion != null ? completion : invoke;
            return "op " + index + (shown.line() > 0 ? " (line " + invoke.line() + ")" : "") + ": process "
                    + Edn.print(invoke.process()) + " " + invoke.f() + " " + Edn.print(invoke.value())
                    + (completion == null ? " -> crashed" : " -> " + completion.type().name().toLowerCase(
                            java.util.Locale.ROOT) + " " + Edn.print(completion.value()));
        }
    }

    /**
     * The smallest non-linearizable window: after the longest linearizable prefix the search found
     * ({@code linearized} calls, the last few of them in {@code lastLinearized}), the model could be in any of
     * {@code states}, and from none of them could {@code stuck} or any of the {@code pending} calls (invoked
     * before {@code stuck} completed) be linearized so that {@code stuck} takes effect before it returned.
     */
    record Window(Object key, Call stuck, List<Call> pending, int linearized, List<Call> lastLinearized,
                  List<Object> states) {

        public List<String> render() {
            List<String> lines = new ArrayList<>();
            if (key != null) {
                lines.add("key " + Edn.print(key));
            }
            lines.add("cannot linearize " + stuck.render());
            lines.add("after " + linearized + " linearized operation" + (linearized == 1 ? "" : "s")
                    + (lastLinearized.isEmpty() ? "" : ", the last:"));
            lastLinearized.forEach(c -> lines.add("  " + c.render()));
            lines.add("the model could be in " + (states.size() == 1 ? "state " : "any of the states ")
                    + String.join(", ", states.stream().map(Edn::print).toList())
                    + ", and from there no order of the operations pending lets it take effect");
            if (pending.isEmpty()) {
                lines.add("no other operation was pending");
            } else {
                lines.add("operations pending:");
                pending.forEach(c -> lines.add("  " + c.render()));
            }
            return lines;
        }
    }
}
