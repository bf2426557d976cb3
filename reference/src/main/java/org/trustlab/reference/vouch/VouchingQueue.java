package org.trustlab.reference.vouch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.core.DeviceId;

/**
 * {@code vouching_queue}: vouches for targets that were offline, unique on (session_id, target device id) as the
 * source's table is. Persistent (sync.db) in the reference; the {@code vouch.volatile-queue} mutant keeps it in
 * memory instead. Kept sorted so the worker visits entries in a stable order.
 */
public final class VouchingQueue {
    public record Key(String sessionId, DeviceId target) implements Comparable<Key> {
        public Key {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int compareTo(Key o) {
            int c = sessionId.compareTo(o.sessionId);
            return c != 0 ? c : target.compareTo(o.target);
        }
    }

    /** A queued vouch: when it was queued, when it expires ({@code expires_at}), how often delivery was tried. */
    public static final class Entry {
        private final Key key;
        private final DeviceId vouchee;
        private final Instant queuedAt;
        private final Instant expiresAt;
        private int attempts;

        Entry(Key key, DeviceId vouchee, Instant queuedAt, Instant expiresAt) {
            this.key = key;
            this.vouchee = vouchee;
            this.queuedAt = queuedAt;
            this.expiresAt = expiresAt;
        }

        public Key key() {
            return key;
        }

        public DeviceId vouchee() {
            return vouchee;
        }

        public Instant queuedAt() {
            return queuedAt;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        public int attempts() {
            return attempts;
        }

        void attempted() {
            attempts++;
        }
    }

    private final TreeMap<Key, Entry> entries = new TreeMap<>();

    /** False when (session, target) is already queued: the table's unique constraint. */
    boolean add(Entry e) {
        return entries.putIfAbsent(e.key(), e) == null;
    }

    Optional<Entry> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    Optional<Entry> remove(Key key) {
        return Optional.ofNullable(entries.remove(key));
    }

    public List<Entry> entries() {
        return List.copyOf(new ArrayList<>(entries.values()));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
