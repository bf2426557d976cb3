package org.trustlab.reference.vouch;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;

/**
 * One row of a device's registry of paired devices (persistent: it is what sync.db holds). {@code chain} is the
 * trust chain from this device to the peer, for audit: {@code [self, peer]} for a Direct pairing,
 * {@code [self, voucher, peer]} for a Proxied one. {@code flagged} marks a Proxied pairing whose voucher has since
 * been unpaired (kept, as the source keeps existing pairings, but shown for review).
 */
public record PairingRecord(DeviceInfo info, byte[] identityKey, PairingType type, TrustLevel trust,
        byte[] pairingSecret, SessionKeys keys, DeviceId voucher, List<DeviceId> chain, String sessionId,
        boolean flagged) {

    public PairingRecord {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(keys, "keys");
        identityKey = identityKey.clone();
        pairingSecret = pairingSecret.clone();
        chain = List.copyOf(chain);
        if (type == PairingType.PROXIED) {
            Objects.requireNonNull(voucher, "a proxied pairing names its voucher");
        }
    }

    public DeviceId peer() {
        return info.id();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] pairingSecret() {
        return pairingSecret.clone();
    }

    public boolean direct() {
        return type == PairingType.DIRECT;
    }

    public PairingRecord withTrust(TrustLevel level) {
        return new PairingRecord(info, identityKey, type, level, pairingSecret, keys, voucher, chain, sessionId,
                flagged);
    }

    public PairingRecord asFlagged() {
        return new PairingRecord(info, identityKey, type, trust, pairingSecret, keys, voucher, chain, sessionId,
                true);
    }

    /** The chain as audit fields write it: device ids joined by {@code >}, each step a direct pairing. */
    public String chainText() {
        return chainText(chain);
    }

    public static String chainText(List<DeviceId> chain) {
        return chain.stream().map(DeviceId::value).collect(Collectors.joining(">"));
    }

    public String identityFingerprint() {
        return Bytes.fingerprint(identityKey);
    }
}
