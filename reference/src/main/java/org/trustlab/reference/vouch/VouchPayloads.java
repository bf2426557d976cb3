package org.trustlab.reference.vouch;

import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.Unpair;

/** The bytes each signature in proxy pairing covers, each under its own canonical tag (domain separation). */
public final class VouchPayloads {
    public static final String VOUCH_TAG = "trustlab/vouch/vouch-payload/v1";
    public static final String VOUCH_WITH_TARGET_TAG = "trustlab/vouch/vouch-payload-with-target/v1";

    private VouchPayloads() {}

    /**
     * Which fields a vouch signature covers beyond the vouchee's id and device info and the session id: the target
     * and voucher ids (hardened profile), the vouchee's public key and the timestamp (both always, in the source; a
     * mutant leaves one out).
     */
    public record Coverage(boolean target, boolean voucheeKey, boolean timestamp) {
        /** The source's payload, with the target and voucher ids when {@code signsTarget}. */
        public static Coverage of(boolean signsTarget) {
            return new Coverage(signsTarget, true, true);
        }
    }

    /**
     * The vouch payload. Without the target (the source's payload: vouchee device id, vouchee public key, vouchee
     * device info, timestamp, session_id) a vouch for one target verifies at any other device that trusts the same
     * voucher; the hardened profile adds the target and the voucher ids, so it verifies only where it was meant to.
     */
    public static byte[] vouch(boolean signsTarget, String sessionId, DeviceInfo vouchee, byte[] voucheePublicKey,
            long timestamp, DeviceId target, DeviceId voucher) {
        return vouch(Coverage.of(signsTarget), sessionId, vouchee, voucheePublicKey, timestamp, target, voucher);
    }

    /** The vouch payload over the fields {@code covers} names (the same tag: a left-out field is a bug, not a format). */
    public static byte[] vouch(Coverage covers, String sessionId, DeviceInfo vouchee, byte[] voucheePublicKey,
            long timestamp, DeviceId target, DeviceId voucher) {
        Canonical.Writer w = Canonical.writer(covers.target() ? VOUCH_WITH_TARGET_TAG : VOUCH_TAG)
                .string(vouchee.id().value()).bytes(covers.voucheeKey() ? voucheePublicKey : new byte[0])
                .bytes(VouchCodec.deviceInfo(vouchee)).u64(covers.timestamp() ? timestamp : 0L).string(sessionId);
        if (covers.target()) {
            w.string(target.value()).string(voucher.value());
        }
        return w.toBytes();
    }

    /** The name of one vouch for replay detection: who vouched, over which payload. */
    public static String vouchId(DeviceId voucher, byte[] payload) {
        return Bytes.fingerprint(Canonical.writer("trustlab/vouch/vouch-id/v1").string(voucher.value())
                .bytes(payload).toBytes());
    }

    /** A target's signed answer, bound to the vouchee and voucher it answers about. */
    public static byte[] response(String sessionId, DeviceId accepting, boolean accepted, String reason,
            byte[] keyShare, DeviceId vouchee, DeviceId voucher) {
        return response(true, sessionId, accepting, accepted, reason, keyShare, vouchee, voucher);
    }

    /** The answer's payload, with its verdict (accepted and reason) only when {@code signsVerdict} (a mutant's not). */
    public static byte[] response(boolean signsVerdict, String sessionId, DeviceId accepting, boolean accepted,
            String reason, byte[] keyShare, DeviceId vouchee, DeviceId voucher) {
        return Canonical.writer("trustlab/vouch/response-payload/v1").string(sessionId).string(accepting.value())
                .bool(signsVerdict && accepted).string(signsVerdict ? reason : "").bytes(keyShare)
                .string(vouchee.value()).string(voucher.value()).toBytes();
    }

    /** The voucher's signature covers the whole ProxyPairingComplete except the signature field. */
    public static byte[] complete(ProxyPairingComplete c) {
        ProxyPairingComplete unsigned = new ProxyPairingComplete(c.sessionId(), c.voucherDeviceId(), c.acceptedBy(),
                c.rejectedBy(), new byte[0]);
        return Canonical.writer("trustlab/vouch/complete-payload/v1").bytes(new VouchCodec().encode(unsigned))
                .toBytes();
    }

    public static byte[] unpair(Unpair u) {
        return Canonical.writer("trustlab/vouch/unpair-payload/v1").string(u.deviceId().value())
                .string(u.peerId().value()).u64(u.timestamp()).toBytes();
    }

    /**
     * A revocation, bound to the target it is meant for so that it cannot be redirected to another device that
     * trusts the same voucher.
     */
    public static byte[] revoked(String sessionId, DeviceId voucher, DeviceId vouchee, String reason,
            DeviceId target) {
        return Canonical.writer("trustlab/vouch/revoked-payload/v1").string(sessionId).string(voucher.value())
                .string(vouchee.value()).string(reason).string(target.value()).toBytes();
    }

    /** A presence notice (hardened profile): who is online, to whom, whether it asks for a reply, and when. */
    public static byte[] presence(DeviceId device, DeviceId recipient, boolean replyRequested, long timestamp) {
        return Canonical.writer("trustlab/vouch/presence-payload/v1").string(device.value())
                .string(recipient.value()).bool(replyRequested).u64(timestamp).toBytes();
    }

    /** A transport acknowledgement (hardened profile): the delivered message's hash and who received it. */
    public static byte[] ack(byte[] messageHash, DeviceId receiver) {
        return Canonical.writer("trustlab/vouch/ack-payload/v1").bytes(messageHash).string(receiver.value())
                .toBytes();
    }

    /** What a transport acknowledgement names: the hash of the delivered message's bytes. */
    public static byte[] messageHash(byte[] encoded) {
        return Hashes.sha256(encoded);
    }
}
