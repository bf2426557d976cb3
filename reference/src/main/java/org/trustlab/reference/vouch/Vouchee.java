package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.RejectedDevice;

/**
 * The vouchee (source: Vouchee flow): after its direct pairing it receives ProxyPairingComplete from the voucher and
 * stores every accepting device with {@code pairing_type: Proxied}. It trusts the list only as far as it trusts the
 * voucher: the message must come signed from a device it is directly paired with. In the hardened profile it also
 * checks each accepting device's own signature over its key share, so the voucher cannot substitute a share and
 * learn the key.
 */
final class Vouchee {
    private Vouchee() {}

    static void onComplete(Step s, ProxyPairingComplete c) {
        DeviceId voucherId = c.voucherDeviceId();
        TreeMap<String, String> f = fields(SESSION_ID, c.sessionId(), VOUCHER, voucherId.value(), VOUCHEE,
                s.self().value());
        PairingRecord voucher = s.st.pairings.get(voucherId);
        if (voucher == null) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.COMPLETE_FROM_UNPAIRED, f);
            return;
        }
        if (!voucher.direct() && !s.mutant(VouchMutant.PROXIED_MAY_VOUCH)) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.VOUCHER_NOT_DIRECT, f);
            return;
        }
        if (!Ed25519KeyPair.verify(voucher.identityKey(), VouchPayloads.complete(c), c.signature())) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.COMPLETE_SIGNATURE_INVALID, f);
            return;
        }
        String key = voucherId.value() + "/" + c.sessionId();
        if (s.st.completesApplied.contains(key) && !s.mutant(VouchMutant.NO_REPLAY_CACHE)) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.COMPLETE_REPLAYED, f);
            return;
        }
        s.st.completesApplied.add(key);
        for (AcceptedDevice a : c.acceptedBy()) {
            store(s, c, voucher, a, f);
        }
        for (RejectedDevice r : c.rejectedBy()) {
            Map<String, String> rf = new TreeMap<>(f);
            rf.put(DEVICE, r.deviceId().value());
            rf.put("name", r.name());
            rf.put("declined-reason", r.reason());
            s.audit(VOUCH_DECLINED_BY, rf);
        }
    }

    private static void store(Step s, ProxyPairingComplete c, PairingRecord voucher, AcceptedDevice a,
            Map<String, String> base) {
        DeviceId device = a.deviceInfo().id();
        TreeMap<String, String> f = new TreeMap<>(base);
        f.put(DEVICE, device.value());
        if (device.equals(s.self()) || s.st.pairings.containsKey(device)) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.DEVICE_ALREADY_PAIRED, f);
            return;
        }
        DeviceId voucherId = c.voucherDeviceId();
        Optional<SessionKeys> keys;
        if (s.st.voucherDerivesKeys()) {
            keys = VouchKeys.open(voucher.keys().receive(), VouchKeys.proxiedKeysAad(c.sessionId(), voucherId, device,
                    s.self()), a.sessionKeys());
        } else {
            byte[] signed = VouchPayloads.response(s.st.signsVerdict(), c.sessionId(), device, true, "",
                    a.keyShare(), s.self(), voucherId);
            if (!Ed25519KeyPair.verify(a.publicKey(), signed, a.shareSignature())) {
                s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.SHARE_SIGNATURE_INVALID, f);
                return;
            }
            keys = s.agreement().agree(a.keyShare()).map(dh -> VouchKeys.proxiedKeysHardened(dh, c.sessionId(),
                    voucherId, device, s.self(), s.identity().publicKey(), a.keyShare()).swapped());
        }
        if (keys.isEmpty()) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.PROXIED_KEYS_UNREADABLE, f);
            return;
        }
        if (!keys.get().distinct()) {
            s.refuse(COMPLETE_REJECTED, OUTCOME_PROXIED_PAIRING, VouchReason.PROXIED_KEYS_NOT_DISTINCT, f);
            return;
        }
        PairingRecord rec = new PairingRecord(a.deviceInfo(), a.publicKey(), PairingType.PROXIED, TrustLevel.TRUSTED,
                VouchKeys.secretOf(keys.get()), keys.get(), voucherId, List.of(s.self(), voucherId, device),
                c.sessionId(), false);
        s.st.store(rec);
        s.audit(PAIRING_STORED, DirectPairing.storedFields(s, rec));
        s.audit(HOLDS_PROXIED_KEY, fields(KEY_FINGERPRINT, keys.get().fingerprint(), HOLDER, s.self().value(),
                RECEIVER, device.value(), VOUCHEE, s.self().value(), VOUCHER, voucherId.value(), SESSION_ID,
                c.sessionId()));
        f.put(CHAIN, rec.chainText());
        f.put(PROXIED_KEY, keys.get().fingerprint());
        f.put(RECEIVER, device.value());
        f.put(VOUCHER_PAIRING_TYPE, voucher.type().code());
        s.accepted(OUTCOME_PROXIED_PAIRING, f);
    }
}
