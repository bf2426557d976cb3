package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.vouch.DeviceState.PendingInitiator;
import org.trustlab.reference.vouch.DeviceState.PendingResponder;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingConfirm;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;

/**
 * The direct pairing every vouch rests on (source: "Compatibility with direct confirmation"). The new device sends
 * PairingRequest; the responder (the future voucher) answers, both derive the pairing secret and show a short code;
 * the responder's user compares the codes and confirms within the timeout; the responder stores the pairing, sends
 * a key-confirmation MAC, and opens a VouchingSession for the new device. A man in the middle who substitutes keys
 * makes the two codes differ, so the user's comparison is the security of this step: the audit shows the code
 * length and the resulting blind-guess probability.
 */
final class DirectPairing {
    static final String TIMER_PREFIX = "pairing-timeout/";

    private DirectPairing() {}

    /** {@code network.pair.request {device}} on the new device. */
    static void request(Step s, UserAction action) {
        DeviceId peer = Actions.device(s, action, "device");
        if (peer == null) {
            return;
        }
        if (s.st.pairings.containsKey(peer)) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.ALREADY_PAIRED, fields(PEER, peer.value()));
            return;
        }
        String pairingId = s.newId("p-");
        byte[] nonce = s.env.random().bytes(VouchCodec.NONCE_LENGTH);
        s.st.initiated.put(pairingId, new PendingInitiator(pairingId, peer, nonce, s.now()));
        s.send(peer, new PairingRequest(pairingId, s.selfInfo(), s.identity().publicKey(), nonce));
        s.audit(PAIRING_REQUESTED, fields(PAIRING_ID, pairingId, PEER, peer.value()));
        // The initiator waits as long as the responder's user may take, plus the same again for the network.
        s.setTimer(TIMER_PREFIX + pairingId, s.config().pairingConfirmationTimeout().multipliedBy(2));
    }

    /** The responder enters the confirmation state. */
    static void onRequest(Step s, DeviceId from, PairingRequest m) {
        DeviceId peer = m.device().id();
        Map<String, String> f = fields(PAIRING_ID, m.pairingId(), PEER, peer.value(), "from", from.value());
        if (s.st.pairings.containsKey(peer) || peer.equals(s.self())) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.ALREADY_PAIRED, f);
            s.send(peer, new PairingConfirm(m.pairingId(), false, VouchReason.ALREADY_PAIRED.code(), new byte[0]));
            return;
        }
        byte[] nonce = s.env.random().bytes(VouchCodec.NONCE_LENGTH);
        DeviceInfo own = s.selfInfo();
        byte[] ownKey = s.identity().publicKey();
        byte[] transcript = VouchKeys.pairingTranscript(m.pairingId(), m.device(), m.publicKey(), m.nonce(), own,
                ownKey, nonce);
        Optional<byte[]> secret = VouchKeys.pairingSecret(s.agreement(), m.device().agreementKey(), transcript);
        if (secret.isEmpty()) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.PAIRING_KEY_INVALID, f);
            return;
        }
        String code = VouchKeys.confirmationCode(secret.get(), s.config().confirmationCodeDigits());
        s.st.responding.put(m.pairingId(), new PendingResponder(m.pairingId(), m.device(), m.publicKey(), transcript,
                secret.get(), code, s.now()));
        s.send(peer, new PairingChallenge(m.pairingId(), own, ownKey, nonce));
        f.putAll(codeFields(s, code));
        s.audit(PAIRING_CONFIRMATION_REQUIRED, f);
        s.setTimer(TIMER_PREFIX + m.pairingId(), s.config().pairingConfirmationTimeout());
    }

    /** The initiator learns the responder's half and shows the same code. */
    static void onChallenge(Step s, PairingChallenge m) {
        PendingInitiator p = s.st.initiated.get(m.pairingId());
        Map<String, String> f = fields(PAIRING_ID, m.pairingId(), PEER, m.device().id().value());
        if (p == null || !p.peer().equals(m.device().id())) {
            s.auditRejection(PAIRING_REJECTED, VouchReason.PAIRING_UNKNOWN, f);
            return;
        }
        byte[] transcript = VouchKeys.pairingTranscript(m.pairingId(), s.selfInfo(), s.identity().publicKey(),
                p.nonce(), m.device(), m.publicKey(), m.nonce());
        Optional<byte[]> secret = VouchKeys.pairingSecret(s.agreement(), m.device().agreementKey(), transcript);
        if (secret.isEmpty()) {
            s.st.initiated.remove(m.pairingId());
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.PAIRING_KEY_INVALID, f);
            return;
        }
        String code = VouchKeys.confirmationCode(secret.get(), s.config().confirmationCodeDigits());
        s.st.confirming.put(m.pairingId(), new PendingResponder(m.pairingId(), m.device(),
                m.publicKey(), transcript, secret.get(), code, p.startedAt()));
        f.putAll(codeFields(s, code));
        s.audit(PAIRING_CODE_SHOWN, f);
    }

    /**
     * {@code network.pair.confirm {device, code?, compare?}} on the responder. {@code code} is what the user read on
     * the new device's screen and holds against the code this device shows: a confirmation without it is a user who
     * compared and saw no code there, so it is refused as a mismatch, never taken for a match. {@code compare: false}
     * is a careless user who confirms without looking: the device cannot tell, so it pairs with whatever key it
     * received, which is outside the source's trust model ("Keep the user confirmation flow for direct pairing").
     */
    static void confirm(Step s, UserAction action) {
        DeviceId peer = Actions.device(s, action, "device");
        Boolean compares = peer == null ? null : Actions.flag(s, action, ARG_COMPARE, true);
        if (compares == null) {
            return;
        }
        Optional<PendingResponder> found = awaiting(s, peer);
        Map<String, String> f = fields(PEER, peer.value());
        if (found.isEmpty()) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.PAIRING_UNKNOWN, f);
            return;
        }
        PendingResponder p = found.get();
        f.put(PAIRING_ID, p.pairingId());
        s.st.responding.remove(p.pairingId());
        s.cancelTimer(TIMER_PREFIX + p.pairingId());
        String typed = action.arg(ARG_CODE);
        if (compares && (typed == null || !Bytes.constantTimeEquals(typed.getBytes(StandardCharsets.UTF_8),
                p.code().getBytes(StandardCharsets.UTF_8)))) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.CONFIRMATION_CODE_MISMATCH, f);
            s.send(peer, new PairingConfirm(p.pairingId(), false, VouchReason.CONFIRMATION_CODE_MISMATCH.code(),
                    new byte[0]));
            return;
        }
        PairingRecord rec = store(s, p, "responder");
        s.send(peer, new PairingConfirm(p.pairingId(), true, "", VouchKeys.confirmationMac(p.secret(),
                p.transcript())));
        Voucher.onDirectPairingConfirmed(s, rec);
    }

    /** {@code network.pair.reject {device}} on the responder. */
    static void reject(Step s, UserAction action) {
        DeviceId peer = Actions.device(s, action, "device");
        if (peer == null) {
            return;
        }
        Optional<PendingResponder> found = awaiting(s, peer);
        if (found.isEmpty()) {
            s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.PAIRING_UNKNOWN, fields(PEER, peer.value()));
            return;
        }
        PendingResponder p = found.get();
        s.st.responding.remove(p.pairingId());
        s.cancelTimer(TIMER_PREFIX + p.pairingId());
        s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.USER_REJECTED,
                fields(PEER, peer.value(), PAIRING_ID, p.pairingId()));
        s.send(peer, new PairingConfirm(p.pairingId(), false, VouchReason.USER_REJECTED.code(), new byte[0]));
    }

    /** The initiator completes on the responder's key confirmation. */
    static void onConfirm(Step s, DeviceId from, PairingConfirm m) {
        PendingResponder p = s.st.confirming.get(m.pairingId());
        Map<String, String> f = fields(PAIRING_ID, m.pairingId(), "from", from.value());
        if (p == null) {
            s.auditRejection(PAIRING_REJECTED, VouchReason.PAIRING_UNKNOWN, f);
            return;
        }
        f.put(PEER, p.peerInfo().id().value());
        if (!m.accepted()) {
            s.st.confirming.remove(m.pairingId());
            s.st.initiated.remove(m.pairingId());
            s.cancelTimer(TIMER_PREFIX + m.pairingId());
            s.audit(PAIRING_REJECTED, f);
            s.rejected(OUTCOME_DIRECT_PAIRING, m.reason().isEmpty() ? VouchReason.USER_REJECTED.code() : m.reason(),
                    f);
            return;
        }
        if (!VouchKeys.verifyConfirmationMac(p.secret(), p.transcript(), m.mac())) {
            // Not removed: a forged confirmation must not cancel the genuine one still on its way.
            s.auditRejection(PAIRING_REJECTED, VouchReason.PAIRING_MAC_INVALID, f);
            return;
        }
        s.st.confirming.remove(m.pairingId());
        s.st.initiated.remove(m.pairingId());
        s.cancelTimer(TIMER_PREFIX + m.pairingId());
        store(s, p, "initiator");
    }

    static void onTimeout(Step s, String pairingId) {
        PendingResponder asResponder = s.st.responding.remove(pairingId);
        PendingResponder asInitiator = s.st.confirming.remove(pairingId);
        PendingInitiator started = s.st.initiated.remove(pairingId);
        DeviceId peer = asResponder != null ? asResponder.peerInfo().id()
                : asInitiator != null ? asInitiator.peerInfo().id() : started != null ? started.peer() : null;
        if (peer == null) {
            return;
        }
        s.refuse(PAIRING_REJECTED, OUTCOME_DIRECT_PAIRING, VouchReason.CONFIRMATION_TIMEOUT,
                fields(PAIRING_ID, pairingId, PEER, peer.value()));
        if (asResponder != null) {
            s.send(peer, new PairingConfirm(pairingId, false, VouchReason.CONFIRMATION_TIMEOUT.code(), new byte[0]));
        }
    }

    private static PairingRecord store(Step s, PendingResponder p, String side) {
        DeviceId peer = p.peerInfo().id();
        SessionKeys keys = VouchKeys.channelKeys(p.secret(), s.self(), peer);
        PairingRecord rec = new PairingRecord(p.peerInfo(), p.peerIdentityKey(), PairingType.DIRECT,
                TrustLevel.TRUSTED, p.secret(), keys, null, List.of(s.self(), peer), "", false);
        s.st.store(rec);
        Map<String, String> f = storedFields(s, rec);
        f.put(PAIRING_ID, p.pairingId());
        f.put("side", side);
        s.audit(PAIRING_STORED, f);
        s.accepted(OUTCOME_DIRECT_PAIRING, f);
        return rec;
    }

    /** The fields every {@code pairing-stored} event carries: who, how, through whom, and the chain. */
    static Map<String, String> storedFields(Step s, PairingRecord rec) {
        return fields(DEVICE, s.self().value(), PEER, rec.peer().value(), PAIRING_TYPE, rec.type().code(),
                TRUST_LEVEL, rec.trust().code(), VOUCHER, rec.voucher() == null ? null : rec.voucher().value(),
                CHAIN, rec.chainText(), "peer-key", rec.identityFingerprint(),
                SESSION_ID, rec.sessionId().isEmpty() ? null : rec.sessionId());
    }

    private static Map<String, String> codeFields(Step s, String code) {
        return fields(CODE, code, CODE_DIGITS, Integer.toString(s.config().confirmationCodeDigits()),
                GUESS_PROBABILITY, s.config().confirmationGuessProbability());
    }

    private static Optional<PendingResponder> awaiting(Step s, DeviceId peer) {
        return s.st.responding.values().stream()
                .filter(p -> p.peerInfo().id().equals(peer))
                .findFirst();
    }
}
