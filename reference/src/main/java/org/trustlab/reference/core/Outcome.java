package org.trustlab.reference.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a user would see as the result of a protocol run on one device: a join, pairing or vouch accepted, or
 * rejected with a reason code. Scenario expectations are stated against outcomes.
 */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    /** What was decided, in the protocol's words: {@code auto-join}, {@code manual-join}, {@code proxy-pairing}. */
    String kind();

    SortedMap<String, String> fields();

    record Accepted(String kind, SortedMap<String, String> fields) implements Outcome {
        public Accepted {
            Objects.requireNonNull(kind, "kind");
            fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }
    }

    record Rejected(String kind, String reason, SortedMap<String, String> fields) implements Outcome {
        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }
    }

    static Outcome accepted(String kind, Map<String, String> fields) {
        return new Accepted(kind, new TreeMap<>(fields));
    }

    static Outcome rejected(String kind, ReasonCode reason, Map<String, String> fields) {
        return new Rejected(kind, reason.code(), new TreeMap<>(fields));
    }
}
