package org.trustlab.reports.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.reports.svg.Times;

/**
 * {@code from} trusts {@code to}, for the reason {@code kind}, since {@code sinceNanos} (virtual time; negative for
 * trust set up before the run), in the state it has at the graph's moment. {@code detail} names what the kind needs:
 * the voucher of a vouch, the session of a grant, the slot of a TOFU claim; {@code endedNanos} is when a revoked
 * or expired edge stopped counting.
 */
public record TrustEdge(String from, String to, TrustKind kind, String detail, long sinceNanos, EdgeState state,
        Optional<Long> endedNanos) {
    public TrustEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
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

    /** The kind, when the edge began, and how it ended if it did. */
    @JsonProperty("label")
    public String label() {
        String since = sinceNanos < 0 ? "before the run" : "at " + Times.format(sinceNanos);
        String end = switch (state) {
            case ACTIVE -> "";
            case REVOKED -> "\nrevoked" + endedNanos.map(t -> " at " + Times.format(t)).orElse("");
            case EXPIRED -> "\nexpired" + endedNanos.map(t -> " at " + Times.format(t)).orElse("");
        };
        return kindLabel() + "\n" + since + end;
    }
}
