package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.util.ArrayList;
import java.util.Map;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.vouch.VouchMessage.Unpair;

/**
 * Unpairing and what it revokes (beyond the source, answering its open question "vouch revocation when a voucher
 * is unpaired"): the pairing goes; vouches this device has not yet had answered that involve the peer are withdrawn,
 * queued ones included; Proxied pairings the peer vouched for stay (the source keeps existing pairings unchanged)
 * but are flagged for review; and the peer is told, with a signed Unpair, so it does the same on its side.
 */
final class Unpairing {
    private Unpairing() {}

    /** {@code network.unpair {device}}. */
    static void action(Step s, UserAction action) {
        DeviceId peer = Actions.device(s, action, "device");
        if (peer == null) {
            return;
        }
        PairingRecord rec = s.st.pairings.get(peer);
        if (rec == null) {
            s.auditRejection(UNPAIR_REJECTED, VouchReason.UNPAIR_UNKNOWN_DEVICE, fields(PEER, peer.value()));
            return;
        }
        remove(s, rec, "user");
        Unpair unsigned = new Unpair(s.self(), peer, s.now().toEpochMilli(), new byte[0]);
        s.send(peer, new Unpair(s.self(), peer, unsigned.timestamp(),
                s.identity().sign(VouchPayloads.unpair(unsigned))));
    }

    static void onUnpair(Step s, Unpair u) {
        Map<String, String> f = fields(PEER, u.deviceId().value(), "names", u.peerId().value());
        PairingRecord rec = s.st.pairings.get(u.deviceId());
        if (rec == null || !u.peerId().equals(s.self())) {
            s.auditRejection(UNPAIR_REJECTED, VouchReason.UNPAIR_UNKNOWN_DEVICE, f);
            return;
        }
        if (!Ed25519KeyPair.verify(rec.identityKey(), VouchPayloads.unpair(u), u.signature())) {
            s.auditRejection(UNPAIR_REJECTED, VouchReason.UNPAIR_SIGNATURE_INVALID, f);
            return;
        }
        remove(s, rec, "peer");
    }

    private static void remove(Step s, PairingRecord rec, String by) {
        DeviceId peer = rec.peer();
        s.st.pairings.remove(peer);
        s.st.reachability.remove(peer);
        s.audit(PAIRING_REMOVED, fields(DEVICE, s.self().value(), PEER, peer.value(), PAIRING_TYPE, rec.type().code(),
                CHAIN, rec.chainText(), BY, by));
        for (PairingRecord other : new ArrayList<>(s.st.pairings.values())) {
            if (other.type() == PairingType.PROXIED && peer.equals(other.voucher()) && !other.flagged()) {
                s.st.pairings.put(other.peer(), other.asFlagged());
                s.auditRejection(PROXIED_PAIRING_FLAGGED, VouchReason.VOUCHER_UNPAIRED, fields(DEVICE,
                        s.self().value(), PEER, other.peer().value(), VOUCHER, peer.value(), CHAIN,
                        other.chainText(), FLAGGED, "true"));
            }
        }
        Voucher.revokeInvolving(s, peer);
    }

    /** {@code network.device.trust {device, level}}: the user marks a peer Trusted, Unreliable or Blocked. */
    static void trust(Step s, UserAction action) {
        DeviceId peer = Actions.device(s, action, "device");
        if (peer == null) {
            return;
        }
        PairingRecord rec = s.st.pairings.get(peer);
        TrustLevel level = TrustLevel.parse(action.arg("level")).orElse(null);
        if (rec == null || level == null) {
            s.auditRejection(ACTION_REJECTED, rec == null ? VouchReason.UNPAIR_UNKNOWN_DEVICE
                    : VouchReason.BAD_ACTION_ARGUMENTS, fields("action", action.name(), PEER, peer.value()));
            return;
        }
        s.st.store(rec.withTrust(level));
        s.audit(TRUST_CHANGED, fields(DEVICE, s.self().value(), PEER, peer.value(), TRUST_LEVEL, level.code(),
                "was", rec.trust().code()));
    }
}
