package org.trustlab.reference.vouch;

import java.util.ArrayList;
import java.util.List;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.reference.crypto.DecodeResult;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingConfirm;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;
import org.trustlab.reference.vouch.VouchMessage.Presence;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.RejectedDevice;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;
import org.trustlab.reference.vouch.VouchMessage.Unpair;

/**
 * The wire form of {@link VouchMessage}: one canonical record per message, tagged {@code trustlab/vouch/<Name>/v1},
 * fields in declaration order. Decoding checks the shape of every field (key and nonce lengths, non-empty ids) so a
 * role only sees well-formed messages; anything else is {@link WireCodec.Decoded.Malformed} with a reason.
 */
public final class VouchCodec implements WireCodec<VouchMessage> {
    public static final String PREFIX = "trustlab/vouch/";
    public static final String PAIRING_REQUEST = tag("PairingRequest");
    public static final String PAIRING_CHALLENGE = tag("PairingChallenge");
    public static final String PAIRING_CONFIRM = tag("PairingConfirm");
    public static final String PROXY_PAIRING_REQUEST = tag("ProxyPairingRequest");
    public static final String PROXY_PAIRING_RESPONSE = tag("ProxyPairingResponse");
    public static final String PROXY_PAIRING_COMPLETE = tag("ProxyPairingComplete");
    public static final String PRESENCE = tag("Presence");
    public static final String TRANSPORT_ACK = tag("TransportAck");
    public static final String UNPAIR = tag("Unpair");
    public static final String PROXY_PAIRING_REVOKED = tag("ProxyPairingRevoked");
    public static final List<String> TAGS = List.of(PAIRING_REQUEST, PAIRING_CHALLENGE, PAIRING_CONFIRM,
            PROXY_PAIRING_REQUEST, PROXY_PAIRING_RESPONSE, PROXY_PAIRING_COMPLETE, PRESENCE, TRANSPORT_ACK, UNPAIR,
            PROXY_PAIRING_REVOKED);

    static final String DEVICE_INFO = tag("DeviceInfo");
    static final String ACCEPTED_DEVICE = tag("AcceptedDevice");
    static final String REJECTED_DEVICE = tag("RejectedDevice");
    static final int NONCE_LENGTH = 16;
    static final int HASH_LENGTH = 32;

    private static String tag(String name) {
        return PREFIX + name + "/v1";
    }

    /** The tag a message goes on the wire with (the trace's SEND/DELIVER type). */
    public static String tagOf(VouchMessage message) {
        if (message instanceof PairingRequest) {
            return PAIRING_REQUEST;
        } else if (message instanceof PairingChallenge) {
            return PAIRING_CHALLENGE;
        } else if (message instanceof PairingConfirm) {
            return PAIRING_CONFIRM;
        } else if (message instanceof ProxyPairingRequest) {
            return PROXY_PAIRING_REQUEST;
        } else if (message instanceof ProxyPairingResponse) {
            return PROXY_PAIRING_RESPONSE;
        } else if (message instanceof ProxyPairingComplete) {
            return PROXY_PAIRING_COMPLETE;
        } else if (message instanceof Presence) {
            return PRESENCE;
        } else if (message instanceof TransportAck) {
            return TRANSPORT_ACK;
        } else if (message instanceof ProxyPairingRevoked) {
            return PROXY_PAIRING_REVOKED;
        } else {
            return UNPAIR;
        }
    }

    @Override
    public byte[] encode(VouchMessage message) {
        Canonical.Writer w = Canonical.writer(tagOf(message));
        if (message instanceof PairingRequest m) {
            w.string(m.pairingId()).bytes(deviceInfo(m.device())).bytes(m.publicKey()).bytes(m.nonce());
        } else if (message instanceof PairingChallenge m) {
            w.string(m.pairingId()).bytes(deviceInfo(m.device())).bytes(m.publicKey()).bytes(m.nonce());
        } else if (message instanceof PairingConfirm m) {
            w.string(m.pairingId()).bool(m.accepted()).string(m.reason()).bytes(m.mac());
        } else if (message instanceof ProxyPairingRequest m) {
            w.string(m.sessionId()).bytes(deviceInfo(m.voucheeDeviceInfo())).bytes(m.voucheePublicKey())
                    .string(m.voucherDeviceId().value()).bytes(m.voucherSignature()).u64(m.timestamp())
                    .bytes(m.proxiedSessionKeys());
        } else if (message instanceof ProxyPairingResponse m) {
            w.string(m.sessionId()).string(m.acceptingDeviceId().value()).bool(m.accepted()).string(m.reason())
                    .bytes(m.keyShare()).bytes(m.signature());
        } else if (message instanceof ProxyPairingComplete m) {
            List<byte[]> accepted = new ArrayList<>();
            for (AcceptedDevice a : m.acceptedBy()) {
                accepted.add(Canonical.writer(ACCEPTED_DEVICE).bytes(deviceInfo(a.deviceInfo())).bytes(a.publicKey())
                        .bytes(a.sessionKeys()).bytes(a.keyShare()).bytes(a.shareSignature()).toBytes());
            }
            List<byte[]> rejected = new ArrayList<>();
            for (RejectedDevice r : m.rejectedBy()) {
                rejected.add(Canonical.writer(REJECTED_DEVICE).string(r.deviceId().value()).string(r.name())
                        .string(r.reason()).toBytes());
            }
            w.string(m.sessionId()).string(m.voucherDeviceId().value()).list(accepted).list(rejected)
                    .bytes(m.signature());
        } else if (message instanceof Presence m) {
            w.string(m.deviceId().value()).bool(m.replyRequested()).u64(m.timestamp()).bytes(m.signature());
        } else if (message instanceof TransportAck m) {
            w.bytes(m.messageHash()).bytes(m.signature());
        } else if (message instanceof Unpair m) {
            w.string(m.deviceId().value()).string(m.peerId().value()).u64(m.timestamp()).bytes(m.signature());
        } else if (message instanceof ProxyPairingRevoked m) {
            w.string(m.sessionId()).string(m.voucherDeviceId().value()).string(m.voucheeDeviceId().value())
                    .string(m.reason()).bytes(m.signature());
        }
        return w.toBytes();
    }

    @Override
    public Decoded<VouchMessage> decode(byte[] bytes) {
        DecodeResult<VouchMessage> r = Canonical.decode(bytes, TAGS, VouchCodec::read);
        if (r instanceof DecodeResult.Ok<VouchMessage> ok) {
            return new Decoded.Ok<>(ok.value());
        }
        DecodeResult.Failure<VouchMessage> f = (DecodeResult.Failure<VouchMessage>) r;
        return new Decoded.Malformed<>(f.reason().code(), f.detail());
    }

    private static VouchMessage read(Canonical.Record r) {
        String tag = r.tag();
        if (tag.equals(PAIRING_REQUEST) || tag.equals(PAIRING_CHALLENGE)) {
            Canonical.Reader in = r.reader(4);
            String id = nonEmpty(in.string(), "pairing id");
            DeviceInfo info = deviceInfo(in.bytes());
            byte[] pk = in.bytes(Ed25519KeyPair.KEY_LENGTH);
            byte[] nonce = in.bytes(NONCE_LENGTH);
            return tag.equals(PAIRING_REQUEST) ? new PairingRequest(id, info, pk, nonce)
                    : new PairingChallenge(id, info, pk, nonce);
        } else if (tag.equals(PAIRING_CONFIRM)) {
            Canonical.Reader in = r.reader(4);
            return new PairingConfirm(nonEmpty(in.string(), "pairing id"), in.bool(), in.string(), in.bytes());
        } else if (tag.equals(PROXY_PAIRING_REQUEST)) {
            Canonical.Reader in = r.reader(7);
            return new ProxyPairingRequest(nonEmpty(in.string(), "session id"), deviceInfo(in.bytes()),
                    in.bytes(Ed25519KeyPair.KEY_LENGTH), device(in.string()), in.bytes(), in.u64(), in.bytes());
        } else if (tag.equals(PROXY_PAIRING_RESPONSE)) {
            Canonical.Reader in = r.reader(6);
            return new ProxyPairingResponse(nonEmpty(in.string(), "session id"), device(in.string()), in.bool(),
                    in.string(), keyShare(in.bytes()), in.bytes());
        } else if (tag.equals(PROXY_PAIRING_COMPLETE)) {
            Canonical.Reader in = r.reader(5);
            String session = nonEmpty(in.string(), "session id");
            DeviceId voucher = device(in.string());
            List<AcceptedDevice> accepted = new ArrayList<>();
            for (byte[] item : in.list()) {
                Canonical.Reader a = nested(item, ACCEPTED_DEVICE).reader(5);
                accepted.add(new AcceptedDevice(deviceInfo(a.bytes()), a.bytes(Ed25519KeyPair.KEY_LENGTH),
                        a.bytes(), keyShare(a.bytes()), a.bytes()));
            }
            List<RejectedDevice> rejected = new ArrayList<>();
            for (byte[] item : in.list()) {
                Canonical.Reader a = nested(item, REJECTED_DEVICE).reader(3);
                rejected.add(new RejectedDevice(device(a.string()), a.string(), a.string()));
            }
            return new ProxyPairingComplete(session, voucher, accepted, rejected, in.bytes());
        } else if (tag.equals(PRESENCE)) {
            Canonical.Reader in = r.reader(4);
            return new Presence(device(in.string()), in.bool(), in.u64(), in.bytes());
        } else if (tag.equals(TRANSPORT_ACK)) {
            Canonical.Reader in = r.reader(2);
            return new TransportAck(in.bytes(HASH_LENGTH), in.bytes());
        } else if (tag.equals(PROXY_PAIRING_REVOKED)) {
            Canonical.Reader in = r.reader(5);
            return new ProxyPairingRevoked(nonEmpty(in.string(), "session id"), device(in.string()),
                    device(in.string()), in.string(), in.bytes());
        } else {
            Canonical.Reader in = r.reader(4);
            return new Unpair(device(in.string()), device(in.string()), in.u64(), in.bytes());
        }
    }

    /** The canonical bytes of a device info, as messages and signed payloads carry it. */
    static byte[] deviceInfo(DeviceInfo info) {
        return Canonical.writer(DEVICE_INFO).string(info.id().value()).string(info.name())
                .bytes(info.agreementKey()).toBytes();
    }

    private static DeviceInfo deviceInfo(byte[] bytes) {
        Canonical.Reader in = nested(bytes, DEVICE_INFO).reader(3);
        return new DeviceInfo(device(in.string()), in.string(), in.bytes(X25519KeyPair.KEY_LENGTH));
    }

    /** A record nested in a field, with its expected tag; a misfit throws as every reader accessor does. */
    private static Canonical.Record nested(byte[] bytes, String tag) {
        DecodeResult<Canonical.Record> r = Canonical.decode(bytes, List.of(tag));
        if (r instanceof DecodeResult.Failure<Canonical.Record> f) {
            throw new Canonical.DecodeException(f.reason(), tag + ": " + f.detail());
        }
        return ((DecodeResult.Ok<Canonical.Record>) r).value();
    }

    private static byte[] keyShare(byte[] share) {
        if (share.length != 0 && share.length != X25519KeyPair.KEY_LENGTH) {
            throw bad("key share is " + share.length + " bytes, expected 0 or 32");
        }
        return share;
    }

    private static DeviceId device(String s) {
        return DeviceId.of(nonEmpty(s, "device id"));
    }

    private static String nonEmpty(String s, String what) {
        if (s.isEmpty()) {
            throw bad(what + " is empty");
        }
        return s;
    }

    private static Canonical.DecodeException bad(String detail) {
        return new Canonical.DecodeException(DecodeReason.BAD_FIELD, detail);
    }
}
