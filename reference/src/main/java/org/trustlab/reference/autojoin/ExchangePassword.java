package org.trustlab.reference.autojoin;

import java.util.Optional;

/**
 * ByteSync's {@code ExchangePassword}: the session id, the joiner's instance id and the session password joined
 * by {@code ___}, RSA-encrypted to the validator. Binding the session and the joiner into the encrypted value
 * stops a captured ciphertext from being replayed by another joiner or into another session.
 */
public record ExchangePassword(String sessionId, String joinerId, String password) {
    static final String SEPARATOR = "___";

    public String data() {
        return sessionId + SEPARATOR + joinerId + SEPARATOR + password;
    }

    /** Empty when the decrypted text is not three non-empty parts (ByteSync throws; we reject as MALFORMED). */
    public static Optional<ExchangePassword> parse(String raw) {
        String[] parts = java.util.Arrays.stream(raw.split(SEPARATOR, -1)).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new ExchangePassword(parts[0], parts[1], parts[2]));
    }

    /** Whether every part matches, each compared as the profile compares ({@code bytesync}: ignoring case). */
    public boolean isMatch(String session, String joiner, String expectedPassword, CryptoProfile profile) {
        // Evaluate all three so the comparison time does not reveal which part failed.
        boolean s = profile.passwordPartMatches(sessionId, session);
        boolean j = profile.passwordPartMatches(joinerId, joiner);
        boolean p = profile.passwordPartMatches(password, expectedPassword);
        return s & j & p;
    }
}
