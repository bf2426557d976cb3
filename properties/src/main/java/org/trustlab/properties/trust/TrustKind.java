package org.trustlab.properties.trust;

/**
 * Why one device trusts another, in the words of the protocols: the base trust a user confirmed, and the trust
 * derived from it (a vouch, a grant for automatic joins), or trust taken on first use, proven by a SecureJoin
 * handshake, or implied by holding a network's pre-shared key.
 */
public enum TrustKind {
    DIRECT("direct pairing, user confirmed"),
    VOUCHED("vouched"),
    GRANT("grant"),
    TOFU_SLOT("TOFU slot"),
    SECUREJOIN("verified by SecureJoin"),
    PSK_MEMBER("PSK member");

    private final String words;

    TrustKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
