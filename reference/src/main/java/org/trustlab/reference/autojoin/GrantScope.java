package org.trustlab.reference.autojoin;

import java.util.Optional;

/** How far a trusted-device grant reaches; ordered, each level includes the ones below it. */
public enum GrantScope {
    AUTO_JOIN("AutoJoin"),
    AUTO_INVENTORY("AutoInventory"),
    AUTO_SYNCHRONIZE("AutoSynchronize");

    private final String displayName;

    GrantScope(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean covers(Purpose purpose) {
        return compareTo(purpose.requiredScope()) >= 0;
    }

    public static Optional<GrantScope> fromName(String name) {
        for (GrantScope s : values()) {
            if (s.displayName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
