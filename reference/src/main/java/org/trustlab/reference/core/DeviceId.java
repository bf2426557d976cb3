package org.trustlab.reference.core;

import java.util.Objects;

/** The name a device is known by in a run: stable, printable, totally ordered (so it can key sorted maps). */
public record DeviceId(String value) implements Comparable<DeviceId> {
    public DeviceId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("device id must not be empty");
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
