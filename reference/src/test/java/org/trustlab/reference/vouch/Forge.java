package org.trustlab.reference.vouch;

import java.time.Instant;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;

/** Builds ProxyPairingRequests the way a voucher (honest, compromised or impersonated) would, for check tests. */
final class Forge {
    final TestNet net;
    String voucher = "V";
    String vouchee = "E";
    String target = "R";
    String sessionId = "s-test";
    Instant timestamp;
    boolean signsTarget;
    /** Null: the claimed voucher's own key. */
    KeyRing signer;
    /** Which target's channel key seals the keys; null for none (hardened). */
    String sealFor = "R";
    SessionKeys keys;

    Forge(TestNet net) {
        this.net = net;
        this.timestamp = net.node(voucher).now();
    }

    Forge at(Instant t) {
        timestamp = t;
        return this;
    }

    Forge hardened() {
        signsTarget = true;
        sealFor = null;
        return this;
    }

    ProxyPairingRequest build() {
        VouchDevice v = net.role(voucher);
        PairingRecord e = v.pairing(DeviceId.of(vouchee)).orElseThrow();
        long ts = timestamp.toEpochMilli();
        byte[] payload = VouchPayloads.vouch(signsTarget, sessionId, e.info(), e.identityKey(), ts, DeviceId.of(target),
                DeviceId.of(voucher));
        Ed25519KeyPair key = (signer != null ? signer : net.node(voucher).keys).ed25519(0);
        byte[] sealed = new byte[0];
        if (sealFor != null) {
            SessionKeys k = keys != null ? keys : VouchKeys.proxiedKeysSpacedrive(e.pairingSecret(), sessionId,
                    DeviceId.of(voucher), DeviceId.of(target), e.peer(), e.identityKey());
            sealed = VouchKeys.seal(v.pairing(DeviceId.of(sealFor)).orElseThrow().keys().send(),
                    VouchKeys.proxiedKeysAad(sessionId, DeviceId.of(voucher), DeviceId.of(target), e.peer()), k,
                    net.node(voucher).random);
        }
        return new ProxyPairingRequest(sessionId, e.info(), e.identityKey(), DeviceId.of(voucher), key.sign(payload), ts,
                sealed);
    }
}
