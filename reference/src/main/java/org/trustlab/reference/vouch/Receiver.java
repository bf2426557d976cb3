package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.vouch.DeviceState.Decision;
import org.trustlab.reference.vouch.DeviceState.Prompt;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;

/**
 * The receiving device (source: Receiving device flow and Security checks). Each check has its reason code:
 * voucher paired ({@code VOUCHER_NOT_PAIRED}), Direct ({@code VOUCHER_NOT_DIRECT}), trusted
 * ({@code VOUCHER_BLOCKED}, {@code VOUCHER_UNRELIABLE}); the signature verifies with the voucher's key
 * ({@code VOUCH_SIGNATURE_INVALID}); the timestamp is within {@code vouch_signature_max_age} on this device's clock
 * ({@code VOUCH_EXPIRED}, {@code VOUCH_FROM_FUTURE}); the vouch is new ({@code VOUCH_REPLAYED}); the vouchee is not
 * already paired ({@code VOUCHEE_ALREADY_PAIRED}); the keys open and differ ({@code PROXIED_KEYS_UNREADABLE},
 * {@code PROXIED_KEYS_NOT_DISTINCT}). Then auto-accept or a ProxyPairingConfirmationRequired prompt.
 *
 * <p>Only a vouch whose signature verified is answered: an unauthenticated sender gets nothing back, and the
 * voucher it claims to be records the silence as a rejection.
 */
final class Receiver {
    static final String PROMPT = "prompt/";

    private Receiver() {}

    static void onRequest(Step s, DeviceId from, ProxyPairingRequest req, byte[] encoded) {
        // The transport confirms delivery whatever the application does: that is what lets the voucher tell a
        // device without proxy pairing (answers nothing) from an offline one (does not even acknowledge).
        byte[] hash = VouchPayloads.messageHash(encoded);
        s.send(from, new TransportAck(hash, s.config().profile() == VouchProfile.HARDENED
                ? s.identity().sign(VouchPayloads.ack(hash, s.self())) : new byte[0]));
        DeviceId voucherId = req.voucherDeviceId();
        DeviceId vouchee = req.voucheeDeviceInfo().id();
        if (!s.config().proxyPairingSupported()) {
            s.auditRejection(MESSAGE_IGNORED, VouchReason.PROXY_PAIRING_UNSUPPORTED, fields(SESSION_ID,
                    req.sessionId(), VOUCHER, voucherId.value(), "from", from.value()));
            return;
        }
        Instant now = s.now();
        long ageMs = now.toEpochMilli() - req.timestamp();
        TreeMap<String, String> f = fields(SESSION_ID, req.sessionId(), VOUCHER, voucherId.value(), VOUCHEE,
                vouchee.value(), RECEIVER, s.self().value(), VOUCH_TIMESTAMP,
                Instant.ofEpochMilli(req.timestamp()).toString(), RECEIVER_LOCAL_TIME, now.toString(), VOUCH_AGE_MS,
                Long.toString(ageMs), MAX_AGE_MS, Long.toString(s.config().vouchSignatureMaxAge().toMillis()),
                SKEW_TOLERANCE_MS, Long.toString(s.config().vouchClockSkewTolerance().toMillis()), PROFILE,
                s.config().profile().code(), VOUCHEE_KEY, Bytes.fingerprint(req.voucheePublicKey()), TARGET_SIGNED,
                Boolean.toString(s.st.signsTarget()), "from", from.value(), VOUCHEE_REGISTRY_TYPE,
                Optional.ofNullable(s.st.pairings.get(vouchee)).map(r -> r.type().code()).orElse("none"));
        PairingRecord voucher = s.st.pairings.get(voucherId);
        if (voucher == null && s.mutant(VouchMutant.STALE_VOUCHER_CHECK)) {
            voucher = s.st.keyCache.get(voucherId);
        }
        if (voucher == null) {
            reject(s, VouchReason.VOUCHER_NOT_PAIRED, f, req, false);
            return;
        }
        byte[] payload = VouchPayloads.vouch(s.st.vouchCoverage(), req.sessionId(), req.voucheeDeviceInfo(),
                req.voucheePublicKey(), req.timestamp(), s.self(), voucherId);
        String vouchId = VouchPayloads.vouchId(voucherId, payload);
        boolean signatureValid = Ed25519KeyPair.verify(voucher.identityKey(), payload, req.voucherSignature());
        f.put(VOUCH_ID, vouchId);
        f.put(SIGNATURE_KEY, voucher.identityFingerprint());
        f.put(VOUCHER_PAIRING_TYPE, voucher.type().code());
        f.put(TRUST_LEVEL, voucher.trust().code());
        f.put("signature-valid", Boolean.toString(signatureValid));
        if (!voucher.direct() && !s.mutant(VouchMutant.PROXIED_MAY_VOUCH)) {
            reject(s, VouchReason.VOUCHER_NOT_DIRECT, f, req, signatureValid);
            return;
        }
        boolean judgesTrust = !s.mutant(VouchMutant.IGNORES_TRUST_LEVEL);
        if (judgesTrust && voucher.trust() == TrustLevel.BLOCKED) {
            reject(s, VouchReason.VOUCHER_BLOCKED, f, req, signatureValid);
            return;
        }
        if (judgesTrust && voucher.trust() == TrustLevel.UNRELIABLE) {
            reject(s, VouchReason.VOUCHER_UNRELIABLE, f, req, signatureValid);
            return;
        }
        if (!signatureValid && !s.mutant(VouchMutant.SKIP_SIGNATURE_CHECK)) {
            reject(s, VouchReason.VOUCH_SIGNATURE_INVALID, f, req, false);
            return;
        }
        if (!s.mutant(VouchMutant.NO_TIMESTAMP_CHECK)) {
            // Judged on this device's clock, never the voucher's: a voucher with a clock behind cannot stretch the
            // window, and one ahead gains at most the skew tolerance.
            // The hardened profile does not answer a vouch refused for its date: anyone can replay an old copy, and a
            // signed No for the session would end the voucher's current (fresh) vouch of it. The voucher counts the
            // silence as a No if this was its only copy.
            boolean answerDate = s.config().profile() != VouchProfile.HARDENED;
            if (expired(s, ageMs)) {
                reject(s, VouchReason.VOUCH_EXPIRED, f, req, answerDate);
                return;
            }
            long aheadLimit = s.mutant(VouchMutant.FUTURE_BOUND_IS_MAX_AGE) ? s.config().vouchSignatureMaxAge()
                    .toMillis() : s.config().vouchClockSkewTolerance().toMillis();
            if (-ageMs > aheadLimit) {
                reject(s, VouchReason.VOUCH_FROM_FUTURE, f, req, answerDate);
                return;
            }
        }
        prune(s, now);
        String decisionKey = voucherId.value() + "/" + req.sessionId() + "/" + vouchee.value();
        if (!s.mutant(VouchMutant.NO_REPLAY_CACHE)) {
            if (s.st.consumedVouches.containsKey(vouchId)) {
                reject(s, VouchReason.VOUCH_REPLAYED, f, req, false);
                return;
            }
            s.st.consumedVouches.put(vouchId, Instant.ofEpochMilli(req.timestamp()));
            Decision decided = s.st.decisions.get(decisionKey);
            if (decided != null || s.st.prompts.containsKey(decisionKey)) {
                // A re-sent vouch of a session already decided (the voucher missed the answer): same answer again.
                f.put("pending", Boolean.toString(decided == null));
                s.audit(VOUCH_RETRY_ANSWERED, f);
                if (decided != null) {
                    s.send(voucherId, decided.response());
                }
                return;
            }
        }
        if (vouchee.equals(s.self())) {
            reject(s, VouchReason.VOUCHEE_IS_RECEIVER, f, req, true);
            return;
        }
        if (s.st.pairings.containsKey(vouchee) && !s.mutant(VouchMutant.OVERWRITES_PAIRING)) {
            reject(s, VouchReason.VOUCHEE_ALREADY_PAIRED, f, req, true);
            return;
        }
        SessionKeys keys;
        byte[] share = new byte[0];
        if (s.st.voucherDerivesKeys()) {
            Optional<SessionKeys> opened = VouchKeys.open(voucher.keys().receive(), VouchKeys.proxiedKeysAad(
                    req.sessionId(), voucherId, s.self(), vouchee), req.proxiedSessionKeys());
            if (opened.isEmpty()) {
                reject(s, VouchReason.PROXIED_KEYS_UNREADABLE, f, req, true);
                return;
            }
            keys = opened.get();
        } else {
            X25519KeyPair fresh = X25519KeyPair.generate(s.env.random());
            Optional<byte[]> dh = fresh.agree(req.voucheeDeviceInfo().agreementKey());
            if (dh.isEmpty()) {
                reject(s, VouchReason.PROXIED_KEYS_UNREADABLE, f, req, true);
                return;
            }
            share = fresh.publicKey();
            keys = VouchKeys.proxiedKeysHardened(dh.get(), req.sessionId(), voucherId, s.self(), vouchee,
                    req.voucheePublicKey(), share);
        }
        if (!keys.distinct()) {
            reject(s, VouchReason.PROXIED_KEYS_NOT_DISTINCT, f, req, true);
            return;
        }
        f.put(PROXIED_KEY, keys.fingerprint());
        f.put(CHAIN, PairingRecord.chainText(List.of(s.self(), voucherId, vouchee)));
        Prompt prompt = new Prompt(decisionKey, req, voucher, keys, share, f, now);
        if (s.config().autoAcceptVouched()) {
            f.put("decided-by", "auto_accept_vouched");
            accept(s, prompt);
            return;
        }
        s.st.prompts.put(decisionKey, prompt);
        s.audit(CONFIRMATION_REQUIRED, fields(SESSION_ID, req.sessionId(), VOUCHER, voucherId.value(), VOUCHEE,
                vouchee.value(), RECEIVER, s.self().value(), "vouchee-name", req.voucheeDeviceInfo().name(),
                VOUCH_ID, vouchId));
        s.setTimer(PROMPT + decisionKey, s.config().vouchResponseTimeout());
    }

    /** Older than {@code vouch_signature_max_age} on this device's clock (the source: "within the allowed window"). */
    private static boolean expired(Step s, long ageMs) {
        long max = s.config().vouchSignatureMaxAge().toMillis();
        if (s.mutant(VouchMutant.EXPIRY_INCLUDES_SKEW)) {
            return ageMs > max + s.config().vouchClockSkewTolerance().toMillis();
        }
        if (s.mutant(VouchMutant.AGE_IN_WHOLE_SECONDS)) {
            return ageMs / 1000 > max / 1000;
        }
        return ageMs > max;
    }

    private static void accept(Step s, Prompt p) {
        ProxyPairingRequest req = p.request();
        DeviceId vouchee = req.voucheeDeviceInfo().id();
        PairingRecord rec = new PairingRecord(req.voucheeDeviceInfo(), req.voucheePublicKey(), PairingType.PROXIED,
                TrustLevel.TRUSTED, VouchKeys.secretOf(p.keys()), p.keys(), req.voucherDeviceId(),
                List.of(s.self(), req.voucherDeviceId(), vouchee), req.sessionId(), false);
        s.st.store(rec);
        s.audit(PAIRING_STORED, DirectPairing.storedFields(s, rec));
        s.audit(HOLDS_PROXIED_KEY, fields(KEY_FINGERPRINT, p.keys().fingerprint(), HOLDER, s.self().value(),
                RECEIVER, s.self().value(), VOUCHEE, vouchee.value(), VOUCHER, req.voucherDeviceId().value(),
                SESSION_ID, req.sessionId()));
        Map<String, String> f = new TreeMap<>(p.fields());
        f.put("decided-at", s.now().toString());
        s.accepted(OUTCOME_PROXY_PAIRING, f);
        decide(s, p.key(), respond(s, req, true, "", p.keyShare()));
    }

    /** {@code network.pair.proxy.accept {vouchee}} or {@code .reject}: the user's answer to a prompt. */
    static void answer(Step s, UserAction action, boolean accept) {
        DeviceId vouchee = Actions.device(s, action, "vouchee");
        if (vouchee == null) {
            return;
        }
        Optional<Prompt> found = s.st.prompts.values().stream()
                .filter(p -> p.request().voucheeDeviceInfo().id().equals(vouchee)).findFirst();
        if (found.isEmpty()) {
            s.refuse(ACTION_REJECTED, OUTCOME_PROXY_PAIRING, VouchReason.NO_PENDING_PROMPT,
                    fields(VOUCHEE, vouchee.value(), RECEIVER, s.self().value()));
            return;
        }
        Prompt p = found.get();
        s.st.prompts.remove(p.key());
        s.cancelTimer(PROMPT + p.key());
        TreeMap<String, String> f = new TreeMap<>(p.fields());
        f.put("decided-by", "user");
        if (!accept) {
            s.refuse(VOUCH_REJECTED, OUTCOME_PROXY_PAIRING, VouchReason.USER_REJECTED, f);
            decide(s, p.key(), respond(s, p.request(), false, VouchReason.USER_REJECTED.code(), new byte[0]));
            return;
        }
        // What was true when the prompt appeared is checked again: the user may have unpaired or blocked the voucher
        // or paired the vouchee meanwhile, and a revocation must win over an answer given later.
        boolean recheckPairings = !s.mutant(VouchMutant.PAIRING_CHECKED_AT_RECEIPT_ONLY);
        PairingRecord voucher = s.st.pairings.get(p.request().voucherDeviceId());
        if (voucher == null && !s.mutant(VouchMutant.STALE_VOUCHER_CHECK) && recheckPairings) {
            reject(s, VouchReason.VOUCHER_NOT_PAIRED, f, p.request(), false);
            return;
        }
        if (voucher != null && voucher.trust() != TrustLevel.TRUSTED && !s.mutant(VouchMutant.IGNORES_TRUST_LEVEL)
                && !s.mutant(VouchMutant.TRUST_LEVEL_AT_RECEIPT_ONLY)) {
            refuseAnswered(s, p.key(), voucher.trust() == TrustLevel.BLOCKED ? VouchReason.VOUCHER_BLOCKED
                    : VouchReason.VOUCHER_UNRELIABLE, f, p.request());
            return;
        }
        if (s.st.pairings.containsKey(p.request().voucheeDeviceInfo().id())
                && !s.mutant(VouchMutant.OVERWRITES_PAIRING) && recheckPairings) {
            refuseAnswered(s, p.key(), VouchReason.VOUCHEE_ALREADY_PAIRED, f, p.request());
            return;
        }
        accept(s, new Prompt(p.key(), p.request(), p.voucher(), p.keys(), p.keyShare(), f, p.shownAt()));
    }

    /** The prompt outlived {@code vouch_response_timeout}: the voucher has counted it as a no, and so does this. */
    static void onPromptTimeout(Step s, String key) {
        Prompt p = s.st.prompts.remove(key);
        if (p == null) {
            return;
        }
        s.refuse(VOUCH_REJECTED, OUTCOME_PROXY_PAIRING, VouchReason.PROMPT_EXPIRED, p.fields());
        decide(s, key, respond(s, p.request(), false, VouchReason.PROMPT_EXPIRED.code(), new byte[0]));
    }

    private static void decide(Step s, String key, ProxyPairingResponse response) {
        if (!s.mutant(VouchMutant.NO_REPLAY_CACHE)) {
            s.st.decisions.put(key, new Decision(response, s.now()));
        }
    }

    /**
     * A prompt the user answered but the rechecks refuse: the refusal is this session's decision, remembered like a
     * user's No, so that the voucher's re-sent vouch (it missed the answer) gets the same answer, not a second prompt.
     */
    private static void refuseAnswered(Step s, String key, VouchReason reason, Map<String, String> f,
            ProxyPairingRequest req) {
        s.refuse(VOUCH_REJECTED, OUTCOME_PROXY_PAIRING, reason, f);
        decide(s, key, respond(s, req, false, reason.code(), new byte[0]));
    }

    private static void reject(Step s, VouchReason reason, Map<String, String> f, ProxyPairingRequest req,
            boolean respond) {
        s.refuse(VOUCH_REJECTED, OUTCOME_PROXY_PAIRING, reason, f);
        if (respond) {
            respond(s, req, false, reason.code(), new byte[0]);
        }
    }

    private static ProxyPairingResponse respond(Step s, ProxyPairingRequest req, boolean accepted, String reason,
            byte[] share) {
        byte[] payload = VouchPayloads.response(s.st.signsVerdict(), req.sessionId(), s.self(), accepted, reason,
                share, req.voucheeDeviceInfo().id(), req.voucherDeviceId());
        ProxyPairingResponse r = new ProxyPairingResponse(req.sessionId(), s.self(), accepted, reason, share,
                s.identity().sign(payload));
        s.send(req.voucherDeviceId(), r);
        return r;
    }

    /**
     * Beyond the source (its open question on revocation): the voucher withdrew a vouch it sent here. Only a valid
     * notice from a Direct pairing counts; it does not need a Trusted voucher, since a revocation only takes trust
     * away. A pending prompt for the vouch is dropped (a later user answer finds none); a Proxied pairing already
     * stored on it is kept but flagged, as when its voucher is unpaired.
     */
    static void onRevoked(Step s, ProxyPairingRevoked m) {
        DeviceId voucherId = m.voucherDeviceId();
        DeviceId vouchee = m.voucheeDeviceId();
        TreeMap<String, String> f = fields(SESSION_ID, m.sessionId(), VOUCHER, voucherId.value(), VOUCHEE,
                vouchee.value(), RECEIVER, s.self().value(), "revocation-reason", m.reason());
        PairingRecord voucher = s.st.pairings.get(voucherId);
        if (voucher == null) {
            s.auditRejection(REVOCATION_REJECTED, VouchReason.REVOCATION_VOUCHER_NOT_PAIRED, f);
            return;
        }
        if (!voucher.direct()) {
            s.auditRejection(REVOCATION_REJECTED, VouchReason.REVOCATION_VOUCHER_NOT_DIRECT, f);
            return;
        }
        byte[] payload = VouchPayloads.revoked(m.sessionId(), voucherId, vouchee, m.reason(), s.self());
        if (!Ed25519KeyPair.verify(voucher.identityKey(), payload, m.signature())) {
            s.auditRejection(REVOCATION_REJECTED, VouchReason.REVOCATION_SIGNATURE_INVALID, f);
            return;
        }
        boolean matched = false;
        String decisionKey = voucherId.value() + "/" + m.sessionId() + "/" + vouchee.value();
        Prompt p = s.st.prompts.remove(decisionKey);
        if (p != null) {
            matched = true;
            s.cancelTimer(PROMPT + p.key());
            TreeMap<String, String> pf = new TreeMap<>(p.fields());
            pf.put("decided-by", "revocation");
            s.refuse(VOUCH_REJECTED, OUTCOME_PROXY_PAIRING, VouchReason.VOUCH_REVOKED, pf);
            // Answered No (the voucher counts it so already) and recorded, so that a re-sent copy of this vouch
            // is answered No again instead of prompting.
            decide(s, p.key(), respond(s, p.request(), false, VouchReason.VOUCH_REVOKED.code(), new byte[0]));
        }
        PairingRecord rec = s.st.pairings.get(vouchee);
        if (rec != null && rec.type() == PairingType.PROXIED && voucherId.equals(rec.voucher())
                && m.sessionId().equals(rec.sessionId())) {
            matched = true;
            if (!rec.flagged()) {
                s.st.pairings.put(vouchee, rec.asFlagged());
                s.auditRejection(PROXIED_PAIRING_FLAGGED, VouchReason.VOUCH_REVOKED, fields(DEVICE,
                        s.self().value(), PEER, vouchee.value(), VOUCHER, voucherId.value(), CHAIN, rec.chainText(),
                        FLAGGED, "true", SESSION_ID, m.sessionId()));
            }
        }
        if (!matched) {
            s.auditRejection(REVOCATION_REJECTED, VouchReason.REVOCATION_UNMATCHED, f);
        }
    }

    /**
     * Consumed vouches older than the freshness window can go: the timestamp check alone refuses them. Decisions are
     * kept as long as a queued retry of their session may still arrive.
     */
    private static void prune(Step s, Instant now) {
        Instant vouchHorizon = now.minus(s.config().vouchSignatureMaxAge()).minus(s.config().vouchClockSkewTolerance());
        s.st.consumedVouches.values().removeIf(ts -> ts.isBefore(vouchHorizon));
        Instant decisionHorizon = now.minus(s.config().queueEntryLifetime()).minus(s.config().vouchSignatureMaxAge());
        s.st.decisions.values().removeIf(d -> d.decidedAt().isBefore(decisionHorizon));
    }
}
