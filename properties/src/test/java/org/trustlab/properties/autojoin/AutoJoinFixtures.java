package org.trustlab.properties.autojoin;

import org.trustlab.properties.invariant.SyntheticTrace;

/** The world the autojoin invariant tests share: laptop validates phone under a standing AutoJoin grant. */
final class AutoJoinFixtures {
    private AutoJoinFixtures() {}

    /** laptop (C-laptop, key lk0, 30 s lifetime, 2 s tolerance) has granted phone (C-phone, key pk0) AutoJoin. */
    static SyntheticTrace world() {
        return new SyntheticTrace()
                .fact("identity", "device", "laptop", "role", "validator", "client", "C-laptop", "key-generation", "0",
                        "key-fingerprint", "lk0")
                .fact("identity", "device", "phone", "role", "requester", "client", "C-phone", "key-generation", "0",
                        "key-fingerprint", "pk0")
                .fact("limits", "device", "laptop", "challenge-ttl", "PT30S", "skew-tolerance", "PT2S",
                        "challenge-ttl-cap", "PT5M", "skew-tolerance-cap", "PT30S")
                .fact("grant", "owner", "laptop", "owner-client", "C-laptop", "owner-key-fingerprint", "lk0",
                        "trusted-client", "C-phone", "trusted-key-fingerprint", "pk0", "scope", "AutoJoin",
                        "created", "1969-12-31T00:00:00Z", "expires", "1970-01-31T00:00:00Z", "revoked", "false");
    }
}
