package org.trustlab.reference.vouch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Aead;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reference.crypto.Hkdf;
import org.trustlab.reference.crypto.Hmac;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * Every key proxy pairing derives, in one place so the roles, the simulator's attacker analysis and the tests
 * compute them the same way. All HKDF info strings are canonical records, so no two purposes share an input.
 *
 * <p>The direct pairing secret is HKDF-SHA256 over the static-static X25519 agreement of the two devices' long-term
 * agreement keys, salted with the hash of the pairing transcript (ids, keys, both nonces). Static-static is a
 * deliberate choice of the lab: a compromised long-term key then exposes the pairing and everything sealed under it,
 * which is exactly what the attacker analysis should be able to show for the spacedrive profile's proxied keys.
 */
public final class VouchKeys {
    public static final int KEY_LENGTH = 32;

    private VouchKeys() {}

    /**
     * A pair of directional keys in one device's orientation: {@code send} protects what this device sends,
     * {@code receive} what it receives. The peer holds the same pair swapped.
     */
    public record SessionKeys(byte[] send, byte[] receive) {
        public SessionKeys {
            send = send.clone();
            receive = receive.clone();
        }

        @Override
        public byte[] send() {
            return send.clone();
        }

        @Override
        public byte[] receive() {
            return receive.clone();
        }

        public SessionKeys swapped() {
            return new SessionKeys(receive, send);
        }

        /** The source's check "the send key differs from the receive key", in constant time. */
        public boolean distinct() {
            return !Bytes.constantTimeEquals(send, receive);
        }

        /** A fingerprint that is the same in both orientations, so both holders of one pair audit one name. */
        public String fingerprint() {
            boolean sendFirst = Arrays.compareUnsigned(send, receive) <= 0;
            return Bytes.fingerprint(sendFirst ? Bytes.concat(send, receive) : Bytes.concat(receive, send));
        }
    }

    /** The direct pairing transcript: what both sides must agree on for the code and the secret to match. */
    public static byte[] pairingTranscript(String pairingId, DeviceInfo initiator, byte[] initiatorPublicKey,
            byte[] initiatorNonce, DeviceInfo responder, byte[] responderPublicKey, byte[] responderNonce) {
        return Canonical.writer("trustlab/vouch/pairing-transcript/v1").string(pairingId)
                .bytes(VouchCodec.deviceInfo(initiator)).bytes(initiatorPublicKey).bytes(initiatorNonce)
                .bytes(VouchCodec.deviceInfo(responder)).bytes(responderPublicKey).bytes(responderNonce).toBytes();
    }

    /** A pairing a scenario declares as already confirmed: its transcript is fixed by the two ids. */
    public static byte[] setupTranscript(DeviceId a, DeviceId b) {
        DeviceId first = a.compareTo(b) <= 0 ? a : b;
        DeviceId second = first.equals(a) ? b : a;
        return Canonical.writer("trustlab/vouch/setup-transcript/v1").string(first.value()).string(second.value())
                .toBytes();
    }

    /** Empty when the peer's agreement key is malformed or of small order. */
    public static Optional<byte[]> pairingSecret(X25519KeyPair own, byte[] peerAgreementKey, byte[] transcript) {
        return own.agree(peerAgreementKey).map(dh -> pairingSecretFromShared(dh, transcript));
    }

    /** The secret from an already computed X25519 output (what an attacker holding either key computes). */
    public static byte[] pairingSecretFromShared(byte[] dh, byte[] transcript) {
        return Hkdf.sha256(dh, Hashes.sha256(transcript), utf8("trustlab/vouch/pairing-secret/v1"), KEY_LENGTH);
    }

    /**
     * The short code both screens show and the user compares. It is a function of the secret, so a substituted key
     * changes it; a {@code digits}-digit code matches by chance with probability 10^-digits (the small modulo bias
     * of reducing 63 bits is below 10^-12 for up to 6 digits and ignored).
     */
    public static String confirmationCode(byte[] pairingSecret, int digits) {
        byte[] okm = Hkdf.sha256(pairingSecret, null, utf8("trustlab/vouch/confirmation-code/v1"), 8);
        long v = 0;
        for (byte b : okm) {
            v = (v << 8) | (b & 0xff);
        }
        long modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        String code = Long.toString((v & Long.MAX_VALUE) % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    /** The responder's key confirmation: proves it derived the same secret over the same transcript. */
    public static byte[] confirmationMac(byte[] pairingSecret, byte[] transcript) {
        return Hmac.sha256(pairingSecret, Canonical.writer("trustlab/vouch/pairing-confirm/v1").bytes(transcript)
                .toBytes());
    }

    public static boolean verifyConfirmationMac(byte[] pairingSecret, byte[] transcript, byte[] mac) {
        return Hmac.verifySha256(pairingSecret, Canonical.writer("trustlab/vouch/pairing-confirm/v1")
                .bytes(transcript).toBytes(), mac);
    }

    /** The session keys a direct pairing stores, in {@code self}'s orientation. */
    public static SessionKeys channelKeys(byte[] pairingSecret, DeviceId self, DeviceId peer) {
        return new SessionKeys(direction(pairingSecret, self, peer), direction(pairingSecret, peer, self));
    }

    private static byte[] direction(byte[] secret, DeviceId from, DeviceId to) {
        return Hkdf.sha256(secret, null, Canonical.writer("trustlab/vouch/channel-key/v1").string(from.value())
                .string(to.value()).toBytes(), KEY_LENGTH);
    }

    /**
     * Spacedrive's proxied session keys: HKDF-SHA256 from the voucher–vouchee pairing secret with an info naming
     * voucher, target, vouchee and the vouchee's key, split into send and receive keys. Returned in the target's
     * orientation; the vouchee gets them {@linkplain SessionKeys#swapped() swapped}. The voucher computes them too,
     * which is the secrecy weakness the hardened profile removes.
     */
    public static SessionKeys proxiedKeysSpacedrive(byte[] voucherVoucheeSecret, String sessionId, DeviceId voucher,
            DeviceId target, DeviceId vouchee, byte[] voucheePublicKey) {
        byte[] info = Canonical.writer("trustlab/vouch/proxied-session-keys/v1").string(voucher.value())
                .string(target.value()).string(vouchee.value()).bytes(voucheePublicKey).toBytes();
        return split(Hkdf.sha256(voucherVoucheeSecret, utf8(sessionId), info, 2 * KEY_LENGTH));
    }

    /**
     * The hardened profile's proxied keys: the same HKDF, but over a fresh X25519 agreement between the target's
     * one-time key share and the vouchee's long-term agreement key, which the voucher never sees the private half
     * of. Target orientation.
     */
    public static SessionKeys proxiedKeysHardened(byte[] sharedSecret, String sessionId, DeviceId voucher,
            DeviceId target, DeviceId vouchee, byte[] voucheePublicKey, byte[] keyShare) {
        byte[] info = Canonical.writer("trustlab/vouch/proxied-session-keys/hardened/v1").string(voucher.value())
                .string(target.value()).string(vouchee.value()).bytes(voucheePublicKey).bytes(keyShare).toBytes();
        return split(Hkdf.sha256(sharedSecret, utf8(sessionId), info, 2 * KEY_LENGTH));
    }

    private static SessionKeys split(byte[] okm) {
        return new SessionKeys(Arrays.copyOfRange(okm, 0, KEY_LENGTH), Arrays.copyOfRange(okm, KEY_LENGTH,
                2 * KEY_LENGTH));
    }

    /** A proxied pairing's stand-in for a pairing secret (what a second hop would derive from; none should). */
    public static byte[] secretOf(SessionKeys keys) {
        boolean sendFirst = Arrays.compareUnsigned(keys.send(), keys.receive()) <= 0;
        byte[] ikm = sendFirst ? Bytes.concat(keys.send(), keys.receive()) : Bytes.concat(keys.receive(), keys.send());
        return Hkdf.sha256(ikm, null, utf8("trustlab/vouch/proxied-pairing-secret/v1"), KEY_LENGTH);
    }

    /** What the sealed proxied keys are bound to: the session, the voucher, the target they are for, the vouchee. */
    public static byte[] proxiedKeysAad(String sessionId, DeviceId voucher, DeviceId target, DeviceId vouchee) {
        return Canonical.writer("trustlab/vouch/proxied-keys-aad/v1").string(sessionId).string(voucher.value())
                .string(target.value()).string(vouchee.value()).toBytes();
    }

    /** Seals a key pair (as {@code nonce || ciphertext}) with a channel key: the transport's encryption. */
    public static byte[] seal(byte[] channelKey, byte[] aad, SessionKeys keys, DeterministicRandom random) {
        byte[] nonce = random.bytes(Aead.NONCE_LENGTH);
        byte[] plain = Canonical.writer("trustlab/vouch/session-keys/v1").bytes(keys.send()).bytes(keys.receive())
                .toBytes();
        return Bytes.concat(nonce, Aead.CHACHA20_POLY1305.seal(channelKey, nonce, aad, plain));
    }

    /** Empty when the keys were sealed for another channel or tampered with. */
    public static Optional<SessionKeys> open(byte[] channelKey, byte[] aad, byte[] sealed) {
        if (sealed.length < Aead.NONCE_LENGTH + Aead.TAG_LENGTH) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, Aead.NONCE_LENGTH);
        byte[] ct = Arrays.copyOfRange(sealed, Aead.NONCE_LENGTH, sealed.length);
        Optional<byte[]> plain = Aead.CHACHA20_POLY1305.open(channelKey, nonce, aad, ct);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        DecodeResult<SessionKeys> keys = Canonical.decode(plain.get(), java.util.List.of(
                "trustlab/vouch/session-keys/v1"), r -> {
                    Canonical.Reader in = r.reader(2);
                    return new SessionKeys(in.bytes(KEY_LENGTH), in.bytes(KEY_LENGTH));
                });
        if (keys instanceof DecodeResult.Ok<SessionKeys> ok) {
            return Optional.of(ok.value());
        }
        return Optional.empty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
