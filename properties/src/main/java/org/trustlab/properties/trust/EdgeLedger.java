package org.trustlab.properties.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trust edges of one run as an extractor reads them from the trace, in order: edges begin, may carry an
 * expiry, and may be revoked. {@link #at} answers what each edge's state is at a moment, which is how the same
 * ledger gives the graph at the violation and the graph at the end of the run.
 */
public final class EdgeLedger {
    private static final class Entry {
        final String from;
        final String to;
        final TrustKind kind;
        final String detail;
        final long since;
        final Optional<Long> expires;
        final List<Long> again = new ArrayList<>();
        Optional<Long> revokedAt = Optional.empty();

        Entry(String from, String to, TrustKind kind, String detail, long since, Optional<Long> expires) {
            this.from = from;
            this.to = to;
            this.kind = kind;
            this.detail = detail;
            this.since = since;
            this.expires = expires;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * {@code from} trusts {@code to} from {@code since} on (until {@code expiresAt}, if given). The same edge added
     * again while it stands is drawn once, with the times it was added again: a replayed acceptance is exactly such
     * a repeat, and the graph at the violation must show it.
     */
    public void add(String from, String to, TrustKind kind, String detail, long since, Optional<Long> expiresAt) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String d = detail == null ? "" : detail;
        for (Entry e : entries) {
            if (e.from.equals(from) && e.to.equals(to) && e.kind == kind && e.detail.equals(d)
                    && e.revokedAt.isEmpty() && e.expires.equals(expiresAt)) {
                if (since > e.since) {
                    e.again.add(since);
                }
                return;
            }
        }
        entries.add(new Entry(from, to, kind, d, since, expiresAt));
    }

    /** Revokes every standing edge of {@code kind} from {@code from} to {@code to}; returns how many. */
    public int revoke(String from, String to, TrustKind kind, long at) {
        int n = 0;
        for (Entry e : entries) {
            if (e.from.equals(from) && e.to.equals(to) && e.kind == kind && e.revokedAt.isEmpty() && e.since <= at) {
                e.revokedAt = Optional.of(at);
                n++;
            }
        }
        return n;
    }

    /** Revokes every standing edge from {@code from} to {@code to}, whatever its kind (an unpairing). */
    public int revokeAll(String from, String to, long at) {
        int n = 0;
        for (TrustKind k : TrustKind.values()) {
            n += revoke(from, to, k, at);
        }
        return n;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every edge begun by {@code atNanos}, with its state then. */
    public List<TrustEdge> at(long atNanos) {
        List<TrustEdge> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.since > atNanos) {
                continue;
            }
            EdgeState state = EdgeState.ACTIVE;
            Optional<Long> ended = Optional.empty();
            if (e.revokedAt.isPresent() && e.revokedAt.get() <= atNanos) {
                state = EdgeState.REVOKED;
                ended = e.revokedAt;
            } else if (e.expires.isPresent() && e.expires.get() <= atNanos) {
                state = EdgeState.EXPIRED;
                ended = e.expires;
            }
            List<Long> again = e.again.stream().filter(t -> t <= atNanos).toList();
            out.add(new TrustEdge(e.from, e.to, e.kind, e.detail, e.since, again, state, ended));
        }
        return out;
    }
}
