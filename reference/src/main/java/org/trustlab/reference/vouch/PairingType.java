package org.trustlab.reference.vouch;

/**
 * How two devices came to be paired ({@code pairing_type} in the source): {@code Direct} by a user-confirmed
 * pairing, {@code Proxied} because a directly paired device vouched for the peer. Only Direct pairings may vouch or
 * be vouched over (the source's first non-goal: no multi-hop vouching).
 */
public enum PairingType {
    DIRECT("Direct"),
    PROXIED("Proxied");

    private final String code;

    PairingType(String code) {
        this.code = code;
    }

    /** The source's spelling, used in audit fields: {@code Direct}, {@code Proxied}. */
    public String code() {
        return code;
    }
}
