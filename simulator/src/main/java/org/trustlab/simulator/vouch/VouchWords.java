package org.trustlab.simulator.vouch;

import org.trustlab.reference.core.CoreReason;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.reference.vouch.VouchMessage;
import org.trustlab.reference.vouch.VouchReason;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.Vocabulary.Forgery;

/** The words of vouch scenarios: the source's user actions, the roles' outcomes, audit types and reasons. */
final class VouchWords {
    private VouchWords() {}

    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .action(VouchAudit.ACTION_PAIR_REQUEST, "device")
            .action(VouchAudit.ACTION_PAIR_CONFIRM, "device", VouchAudit.ARG_CODE, VouchAudit.ARG_COMPARE)
            .action(VouchAudit.ACTION_PAIR_REJECT, "device")
            .action(VouchAudit.ACTION_VOUCH, "vouchee", "targets")
            .action(VouchAudit.ACTION_PROXY_ACCEPT, "vouchee")
            .action(VouchAudit.ACTION_PROXY_REJECT, "vouchee")
            .action(VouchAudit.ACTION_UNPAIR, "device")
            .action(VouchAudit.ACTION_TRUST, "device", "level")
            .outcomes(Vocabulary.words(VouchAudit.OUTCOME_DIRECT_PAIRING, VouchAudit.OUTCOME_PROXY_PAIRING,
                    VouchAudit.OUTCOME_VOUCH, VouchAudit.OUTCOME_PROXIED_PAIRING))
            .audits(Vocabulary.words(VouchAudit.PAIRING_REQUESTED, VouchAudit.PAIRING_CONFIRMATION_REQUIRED,
                    VouchAudit.PAIRING_CODE_SHOWN, VouchAudit.PAIRING_REJECTED, VouchAudit.PAIRING_STORED,
                    VouchAudit.PAIRING_REMOVED, VouchAudit.PROXIED_PAIRING_FLAGGED, VouchAudit.RESOURCE_CHANGED,
                    VouchAudit.VOUCHING_READY, VouchAudit.CONFIRMATION_REQUIRED, VouchAudit.SESSION_STARTED,
                    VouchAudit.VOUCH_TARGET_REFUSED, VouchAudit.VOUCH_SIGNED, VouchAudit.VOUCH_SENT,
                    VouchAudit.VOUCH_QUEUED, VouchAudit.VOUCH_DEQUEUED, VouchAudit.VOUCH_REJECTED,
                    VouchAudit.VOUCH_RETRY_ANSWERED, VouchAudit.HOLDS_PROXIED_KEY, VouchAudit.RESPONSE_IGNORED, VouchAudit.ACK_IGNORED, VouchAudit.PRESENCE_IGNORED,
                    VouchAudit.SESSION_COMPLETED, VouchAudit.SESSION_REMOVED, VouchAudit.COMPLETE_REJECTED,
                    VouchAudit.VOUCH_DECLINED_BY, VouchAudit.MESSAGE_IGNORED, VouchAudit.UNPAIR_REJECTED,
                    VouchAudit.REVOCATION_SENT, VouchAudit.REVOCATION_REJECTED, VouchAudit.ACTION_REJECTED,
                    VouchAudit.TRUST_CHANGED, "user-action-ignored",
                    // Every role's refusal of bytes it cannot decode (a tampered message), from the core Role.
                    "message-rejected"))
            .reasons(Vocabulary.codes(VouchReason.class, CoreReason.class, DecodeReason.class))
            .fields(Vocabulary.words(VouchAudit.PAIRING_ID, VouchAudit.VOUCHER, VouchAudit.VOUCHEE,
                    VouchAudit.RECEIVER, VouchAudit.DEVICE, VouchAudit.HOLDER, VouchAudit.KEY_FINGERPRINT,
                    VouchAudit.VOUCH_ID, VouchAudit.VOUCH_TIMESTAMP, VouchAudit.RECEIVER_LOCAL_TIME,
                    VouchAudit.VOUCH_AGE_MS, VouchAudit.MAX_AGE_MS, VouchAudit.SKEW_TOLERANCE_MS,
                    VouchAudit.SIGNATURE_KEY, VouchAudit.VOUCHEE_KEY, VouchAudit.PROFILE, VouchAudit.CHAIN,
                    VouchAudit.PAIRING_TYPE, VouchAudit.VOUCHER_PAIRING_TYPE, VouchAudit.VOUCHEE_PAIRING_TYPE,
                    VouchAudit.TARGET_PAIRING_TYPE, VouchAudit.TRUST_LEVEL, VouchAudit.VOUCHEE_REGISTRY_TYPE,
                    VouchAudit.TARGET_SIGNED, VouchAudit.PROXIED_KEY, VouchAudit.STATE, VouchAudit.STATUS,
                    VouchAudit.RESOURCE, VouchAudit.TRIGGER, VouchAudit.AUTO_VOUCH_TO_ALL, VouchAudit.ATTEMPT,
                    VouchAudit.FROM_QUEUE, VouchAudit.QUEUED_AT, VouchAudit.EXPIRES_AT, VouchAudit.DEQUEUE_REASON,
                    VouchAudit.POLL_INTERVAL_MS, VouchAudit.PROBE_MAX_MS, VouchAudit.ACK_TIMEOUT_MS,
                    VouchAudit.CODE, VouchAudit.CODE_DIGITS, "decode-error", "guess-probability", "timestamp", "by", "accepted",
                    "flagged", "user", "action", "missing", "invalid", "accepted-by", "vouchee-paired", "why", "reason",
                    "decided-at", "decided-by", "declined-reason", "from", "name", "names", "targets", "pending",
                    "peer-key", "rejected-by", "side", "signature-valid", "status-reason", "vouchee-name", "was",
                    "result", "local-time"))
            .matchField("session", VouchAudit.SESSION_ID)
            .matchField("peer", VouchAudit.PEER)
            .matchField("target", VouchAudit.TARGET)
            .invariants(Vocabulary.words("vouch.proxied-key-secrecy", "vouch.trust-chain-soundness",
                    "vouch.roles-never-throw", "vouch.no-multi-hop", "vouch.freshness", "vouch.no-replay",
                    "vouch.signature-authenticity",
                    "vouch.queue-liveness", "vouch.session-completion", "vouch.user-controlled-propagation",
                    "vouch.voucher-trusted", "vouch.no-overwrite", "vouch.voucher-blind", "vouch.vouchee-key-binding",
                    "vouch.refines-model", "vouch.no-denial", "vouch.no-disagreement"))
            .messages(Vocabulary.messageNames(VouchMessage.class))
            .forgery("proxy-pairing-request", Forgery.of("voucher", "vouchee", "target", "session", "age", "future",
                    "keys", "sign-with").signedBy("sign-with"))
            .forgery("observed-request", Forgery.of("session", "sent-to", "resign-for", "vouchee-key", "redate"))
            .forgery("proxy-pairing-response", Forgery.of("session", "from", "accepted", "sign-with")
                    .signedBy("sign-with"))
            .forgery("observed-response", Forgery.of("session", "sent-by", "accepted"))
            .forgery("unpair", Forgery.of("device", "peer", "sign-with").signedBy("sign-with"))
            .forgery("proxy-pairing-revoked", Forgery.of("session", "voucher", "vouchee", "target", "sign-with")
                    .signedBy("sign-with"))
            .forgery("presence", Forgery.of("device", "recipient", "sign-with").signedBy("sign-with"))
            .forgery("transport-ack", Forgery.of("session", "sent-to", "sign-with").signedBy("sign-with"))
            .forgery("proxy-pairing-complete", Forgery.of("voucher", "vouchee", "session", "accepted", "sign-with")
                    .signedBy("sign-with"))
            .build();
}
