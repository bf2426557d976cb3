package org.trustlab.reference.autojoin;

import java.util.Optional;

/**
 * What an automatic join is for. Each purpose needs a grant of at least its {@link GrantScope}; the challenge
 * carries the purpose so a response given for one purpose is never accepted for another.
 */
public enum Purpose {
    AUTO_JOIN("auto-join", GrantScope.AUTO_JOIN),
    AUTO_INVENTORY("auto-inventory", GrantScope.AUTO_INVENTORY),
    AUTO_SYNCHRONIZE("auto-synchronize", GrantScope.AUTO_SYNCHRONIZE);

    private final String wireName;
    private final GrantScope requiredScope;

    Purpose(String wireName, GrantScope requiredScope) {
        this.wireName = wireName;
        this.requiredScope = requiredScope;
    }

    public String wireName() {
        return wireName;
    }

    public GrantScope requiredScope() {
        return requiredScope;
    }

    public static Optional<Purpose> fromWire(String name) {
        for (Purpose p : values()) {
            if (p.wireName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
