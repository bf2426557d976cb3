package org.trustlab.reference.autojoin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A device's store of trusted public keys (persistent state). As in ByteSync's {@code PublicKeysManager.IsTrusted},
 * the newest entry per client id wins and a presented key must match it byte for byte.
 */
public final class TrustedPublicKeys {
    private final List<TrustedPublicKey> entries = new ArrayList<>();

    public void trust(TrustedPublicKey key) {
        entries.add(key);
    }

    /** Forgets every key of the client (ByteSync's "delete trusted key"). */
    public void forget(ClientId clientId) {
        entries.removeIf(e -> e.clientId().equals(clientId));
    }

    public Optional<TrustedPublicKey> newest(ClientId clientId) {
        // Ties on the validation date go to the entry added last, so the order of setup lines is the tie-breaker.
        TrustedPublicKey best = null;
        for (TrustedPublicKey e : entries) {
            if (e.clientId().equals(clientId)
                    && (best == null || !e.validationDate().isBefore(best.validationDate()))) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean isTrusted(PublicKeyInfo info) {
        return newest(info.clientId()).map(t -> Arrays.equals(t.publicKey(), info.publicKey())).orElse(false);
    }

    public List<TrustedPublicKey> all() {
        List<TrustedPublicKey> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(TrustedPublicKey::clientId).thenComparing(TrustedPublicKey::validationDate));
        return List.copyOf(copy);
    }
}
