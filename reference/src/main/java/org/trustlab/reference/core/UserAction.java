package org.trustlab.reference.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something a user does on a device: confirm a pairing, revoke a grant, show a QR code. Scenario files name
 * actions by the protocol's own verbs; each role parses the arguments it understands and rejects the rest.
 */
public record UserAction(String name, SortedMap<String, String> args) {
    public UserAction {
        Objects.requireNonNull(name, "name");
        args = Collections.unmodifiableSortedMap(new TreeMap<>(args));
    }

    public static UserAction of(String name) {
        return new UserAction(name, new TreeMap<>());
    }

    public static UserAction of(String name, Map<String, String> args) {
        return new UserAction(name, new TreeMap<>(args));
    }

    public String arg(String key) {
        return args.get(key);
    }
}
