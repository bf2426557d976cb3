package org.trustlab.simulator.trace;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

/**
 * Records a run's events in order, numbering them and hashing their JSON Lines bytes as they come, so the trace's
 * SHA-256 is exactly the SHA-256 of the file {@link TraceWriter} writes.
 */
public final class TraceRecorder {
    private final List<TraceEvent> events = new ArrayList<>();
    private final TraceJson json = new TraceJson();
    private final MessageDigest digest;
    private long nextSeq;

    /** Never updated: cloned, which skips the provider lookup that getInstance does for every run. */
    private static final MessageDigest SHA256 = newSha256();

    public TraceRecorder() {
        digest = sha256();
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public TraceEvent record(long timeNanos, String node, TraceEvent.Kind kind, String type,
            SortedMap<String, String> fields) {
        TraceEvent e = new TraceEvent(nextSeq++, timeNanos, node, kind, type, fields);
        int n = json.encode(e);
        digest.update(json.bytes(), 0, n);
        events.add(e);
        return e;
    }

    public int size() {
        return events.size();
    }

    /** The trace so far; call once, at the end of the run. */
    public Trace finish() {
        return new Trace(events, HexFormat.of().formatHex(digest.digest()));
    }
}
