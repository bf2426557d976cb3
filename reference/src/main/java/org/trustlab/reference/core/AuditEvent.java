package org.trustlab.reference.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fact a role reports for the audit log (and so for the trace the invariants read). {@code type} names the
 * fact in the protocol's words ({@code challenge-issued}, {@code join-rejected}, {@code vouch-accepted});
 * {@code reason} is the stable reason code of a rejection, or null. Fields hold bindings (session, peer, key
 * fingerprint, nonce) as printable strings; secrets appear only as fingerprints.
 */
public record AuditEvent(String type, String reason, SortedMap<String, String> fields) {
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public static AuditEvent of(String type, Map<String, String> fields) {
        return new AuditEvent(type, null, new TreeMap<>(fields));
    }

    public static AuditEvent rejection(String type, ReasonCode reason, Map<String, String> fields) {
        return new AuditEvent(type, reason.code(), new TreeMap<>(fields));
    }

    public String field(String key) {
        return fields.get(key);
    }
}
