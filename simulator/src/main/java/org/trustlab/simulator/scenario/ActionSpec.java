package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.trustlab.reference.core.UserAction;

/** A user action on a device at a global virtual time: show a QR code, confirm a pairing, revoke a grant. */
public record ActionSpec(Duration at, String device, String action, SortedMap<String, String> args) {
    public ActionSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(action, "action");
        args = Collections.unmodifiableSortedMap(new TreeMap<>(args));
    }

    public UserAction toUserAction() {
        return new UserAction(action, new TreeMap<>(args));
    }
}
