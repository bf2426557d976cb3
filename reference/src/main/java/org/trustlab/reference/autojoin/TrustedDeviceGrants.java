package org.trustlab.reference.autojoin;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The grants a device owns, one per trusted client (persistent state); a newer grant replaces an older one. */
public final class TrustedDeviceGrants {
    private final TreeMap<ClientId, TrustedDeviceGrant> byTrustedClient = new TreeMap<>();

    public void put(TrustedDeviceGrant grant) {
        byTrustedClient.put(grant.trustedClient(), grant);
    }

    public Optional<TrustedDeviceGrant> forClient(ClientId client) {
        return Optional.ofNullable(byTrustedClient.get(client));
    }

    /** Marks the client's grant revoked (kept, so an audit can still show what was revoked and when). */
    public Optional<TrustedDeviceGrant> revoke(ClientId client) {
        TrustedDeviceGrant g = byTrustedClient.get(client);
        if (g == null) {
            return Optional.empty();
        }
        TrustedDeviceGrant revoked = g.revoke();
        byTrustedClient.put(client, revoked);
        return Optional.of(revoked);
    }

    public List<TrustedDeviceGrant> all() {
        return List.copyOf(byTrustedClient.values());
    }
}
