package org.trustlab.properties.trust;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.properties.trust.Times;

/**
 * {@code from} trusts {@code to}, for the reason {@code kind}, since {@code sinceNanos} (virtual time; negative for
 * trust set up before the run), in the state it has at the graph's moment. {@code detail} names what the kind needs:
 * the voucher of a vouch, the session of a grant, the slot of a TOFU claim; {@code endedNanos} is when a revoked
 * or expired edge stopped counting; {@code againNanos} are the later times the same edge was made again while it
 * stood (an acceptance replayed).
 */
public record TrustEdge(String from, String to, TrustKind kind, String detail, long sinceNanos,
        List<Long> againNanos, EdgeState state, Optional<Long> endedNanos) {
    /** How many repeats a label lists before it only counts them. */
    static final int REPEATS_SHOWN = 2;

    public TrustEdge(String from, String to, TrustKind kind, String detail, long sinceNanos, EdgeState state,
            Optional<Long> endedNanos) {
        this(from, to, kind, detail, sinceNanos, List.of(), state, endedNanos);
    }

    public TrustEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        againNanos = againNanos == null ? List.of() : List.copyOf(againNanos);
        Objects.requireNonNull(state, "state");
        endedNanos = endedNanos == null ? Optional.empty() : endedNanos;
    }

    /** {@code vouched by laptop}, {@code grant for session S1 (AutoJoin)}, {@code direct pairing, user confirmed}. */
    public String kindLabel() {
        return switch (kind) {
            case VOUCHED -> "vouched by " + (detail.isEmpty() ? "?" : detail);
            case GRANT -> detail.isEmpty() ? "grant" : detail.startsWith("session") ? "grant for " + detail
                    : "grant, " + detail;
            case TOFU_SLOT -> "TOFU slot" + (detail.isEmpty() ? "" : " " + detail);
            default -> kind.words() + (detail.isEmpty() ? "" : " (" + detail + ")");
        };
    }

    /** The kind, when the edge began (and began again), and how it ended if it did. */
    @JsonProperty("label")
    public String label() {
        String since = sinceNanos < 0 ? "before the run" : "at " + Times.format(sinceNanos);
        for (int i = 0; i < againNanos.size() && i < REPEATS_SHOWN; i++) {
            since += (i == 0 ? ", again at " : ", ") + Times.format(againNanos.get(i));
        }
        if (againNanos.size() > REPEATS_SHOWN) {
            since += " and " + (againNanos.size() - REPEATS_SHOWN) + " more times";
        }
        String end = switch (state) {
            case ACTIVE -> "";
            case REVOKED -> "\nrevoked" + endedNanos.map(t -> " at " + Times.format(t)).orElse("");
            case EXPIRED -> "\nexpired" + endedNanos.map(t -> " at " + Times.format(t)).orElse("");
        };
        return kindLabel() + "\n" + since + end;
    }
}
