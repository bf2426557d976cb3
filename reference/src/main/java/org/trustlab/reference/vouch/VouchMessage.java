package org.trustlab.reference.vouch;

import java.util.List;
import java.util.Objects;
import org.trustlab.reference.core.DeviceId;

/**
 * Every message of proxy pairing. The three proxy messages carry exactly the fields the source lists
 * ({@code ProxyPairingRequest} {session_id, vouchee device info, vouchee public key, voucher device id, voucher
 * signature, timestamp, proxied session keys}; {@code ProxyPairingResponse} {session_id, accepting device id,
 * accepted, reason}; {@code ProxyPairingComplete} {session_id, voucher device id, accepted_by, rejected_by}) plus,
 * where noted, a signature standing in for the authenticated peer-to-peer transport Spacedrive runs them over, and
 * the hardened profile's key share. The direct pairing messages model the confirmation flow the source builds on;
 * {@link Presence}, {@link TransportAck} and {@link Unpair} model what the source's transport and device registry
 * provide (knowing a peer is online, knowing a message was delivered, unpairing).
 *
 * <p>Timestamps are milliseconds since the epoch on the sender's clock.
 */
public sealed interface VouchMessage permits VouchMessage.PairingRequest, VouchMessage.PairingChallenge,
        VouchMessage.PairingConfirm, VouchMessage.ProxyPairingRequest, VouchMessage.ProxyPairingResponse,
        VouchMessage.ProxyPairingComplete, VouchMessage.Presence, VouchMessage.TransportAck, VouchMessage.Unpair,
        VouchMessage.ProxyPairingRevoked {

    /** The new device asks to pair: its info, its Ed25519 identity key and a fresh nonce. */
    record PairingRequest(String pairingId, DeviceInfo device, byte[] publicKey, byte[] nonce)
            implements VouchMessage {
        public PairingRequest {
            Objects.requireNonNull(pairingId, "pairingId");
            Objects.requireNonNull(device, "device");
            publicKey = publicKey.clone();
            nonce = nonce.clone();
        }
    }

    /** The responder's half: its info, key and nonce. Both sides now show the confirmation code. */
    record PairingChallenge(String pairingId, DeviceInfo device, byte[] publicKey, byte[] nonce)
            implements VouchMessage {
        public PairingChallenge {
            Objects.requireNonNull(pairingId, "pairingId");
            Objects.requireNonNull(device, "device");
            publicKey = publicKey.clone();
            nonce = nonce.clone();
        }
    }

    /** The responder's user confirmed (with a key-confirmation MAC) or declined (with a reason, no MAC). */
    record PairingConfirm(String pairingId, boolean accepted, String reason, byte[] mac) implements VouchMessage {
        public PairingConfirm {
            Objects.requireNonNull(pairingId, "pairingId");
            Objects.requireNonNull(reason, "reason");
            mac = mac.clone();
        }
    }

    /**
     * The vouch. {@code proxiedSessionKeys} is the AEAD-sealed pair of keys in the spacedrive profile (sealed with
     * the voucher's channel key to the target, standing in for the encrypted transport) and empty in the hardened
     * profile, where the target makes its own.
     */
    record ProxyPairingRequest(String sessionId, DeviceInfo voucheeDeviceInfo, byte[] voucheePublicKey,
            DeviceId voucherDeviceId, byte[] voucherSignature, long timestamp, byte[] proxiedSessionKeys)
            implements VouchMessage {
        public ProxyPairingRequest {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(voucheeDeviceInfo, "voucheeDeviceInfo");
            Objects.requireNonNull(voucherDeviceId, "voucherDeviceId");
            voucheePublicKey = voucheePublicKey.clone();
            voucherSignature = voucherSignature.clone();
            proxiedSessionKeys = proxiedSessionKeys.clone();
        }
    }

    /**
     * The target's answer. {@code keyShare} is the target's fresh X25519 public key (hardened profile; empty
     * otherwise); {@code signature} is the target's Ed25519 signature over the answer, bound to the vouchee.
     */
    record ProxyPairingResponse(String sessionId, DeviceId acceptingDeviceId, boolean accepted, String reason,
            byte[] keyShare, byte[] signature) implements VouchMessage {
        public ProxyPairingResponse {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(acceptingDeviceId, "acceptingDeviceId");
            Objects.requireNonNull(reason, "reason");
            keyShare = keyShare.clone();
            signature = signature.clone();
        }
    }

    /** The session's result for the vouchee, signed by the voucher. */
    record ProxyPairingComplete(String sessionId, DeviceId voucherDeviceId, List<AcceptedDevice> acceptedBy,
            List<RejectedDevice> rejectedBy, byte[] signature) implements VouchMessage {
        public ProxyPairingComplete {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(voucherDeviceId, "voucherDeviceId");
            acceptedBy = List.copyOf(acceptedBy);
            rejectedBy = List.copyOf(rejectedBy);
            signature = signature.clone();
        }
    }

    /**
     * An accepting device, as the vouchee learns it: its info and identity key, and either the sealed session keys
     * (spacedrive; the vouchee's orientation) or the device's key share with its response signature (hardened).
     */
    record AcceptedDevice(DeviceInfo deviceInfo, byte[] publicKey, byte[] sessionKeys, byte[] keyShare,
            byte[] shareSignature) {
        public AcceptedDevice {
            Objects.requireNonNull(deviceInfo, "deviceInfo");
            publicKey = publicKey.clone();
            sessionKeys = sessionKeys.clone();
            keyShare = keyShare.clone();
            shareSignature = shareSignature.clone();
        }
    }

    record RejectedDevice(DeviceId deviceId, String name, String reason) {
        public RejectedDevice {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The transport's "peer connected": a device that comes online tells its paired peers, which is how the queue
     * worker learns a target is online. In the spacedrive profile it carries no authentication ({@code signature}
     * empty): anyone can claim a target is online, and every delivery tried on the claim that goes unacknowledged
     * spends one of the queued vouch's retries. The hardened profile signs it ({@code timestamp} on the sender's
     * clock, bound to the recipient) and a receiver takes only a notice newer than the last one it took from that
     * device, so neither a forgery nor a replay spends a retry.
     */
    record Presence(DeviceId deviceId, boolean replyRequested, long timestamp, byte[] signature)
            implements VouchMessage {
        public Presence {
            Objects.requireNonNull(deviceId, "deviceId");
            signature = signature.clone();
        }
    }

    /**
     * The transport's delivery confirmation for a ProxyPairingRequest, sent by every device (also one without proxy
     * pairing): it is what tells "offline" (queue it) from "online but silent" (a rejection after the timeout). In
     * the spacedrive profile it is the hash alone, which anyone who saw the request can compute: a forged
     * acknowledgement for an offline target turns a queued vouch into a silent one, refused after the response
     * timeout. The hardened profile has the acknowledging device sign the hash.
     */
    record TransportAck(byte[] messageHash, byte[] signature) implements VouchMessage {
        public TransportAck {
            messageHash = messageHash.clone();
            signature = signature.clone();
        }
    }

    /** "I unpaired you", signed by the sender; the peer removes the pairing and revokes what rests on it. */
    record Unpair(DeviceId deviceId, DeviceId peerId, long timestamp, byte[] signature) implements VouchMessage {
        public Unpair {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(peerId, "peerId");
            signature = signature.clone();
        }
    }

    /**
     * Beyond the source (its open question on revocation): "the vouch I sent you for this session is withdrawn",
     * signed by the voucher. Sent when the voucher withdraws a vouch that may already be at the target, and again
     * when an accepting answer arrives for one it withdrew, so a target that accepted in the race flags the pairing.
     */
    record ProxyPairingRevoked(String sessionId, DeviceId voucherDeviceId, DeviceId voucheeDeviceId, String reason,
            byte[] signature) implements VouchMessage {
        public ProxyPairingRevoked {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(voucherDeviceId, "voucherDeviceId");
            Objects.requireNonNull(voucheeDeviceId, "voucheeDeviceId");
            Objects.requireNonNull(reason, "reason");
            signature = signature.clone();
        }
    }
}
