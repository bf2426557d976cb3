package org.trustlab.simulator.autojoin;

import org.trustlab.reference.autojoin.AutoJoinMessage;
import org.trustlab.reference.autojoin.AutoJoinReason;
import org.trustlab.reference.core.CoreReason;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.Vocabulary.Forgery;

/** The words of autojoin scenarios: the roles' user actions, outcomes, audit types and reasons, the forgeries. */
final class AutoJoinWords {
    private AutoJoinWords() {}

    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .action("join", "session", "password", "validator")
            .action("auto-join", "session", "validator", "purpose")
            .action("rotate-key", "generation")
            .action("revoke-grant", "client")
            .action("forget-key", "client")
            .outcomes(Vocabulary.words(AutoJoinMessage.AUTO_JOIN, AutoJoinMessage.MANUAL_JOIN, "message"))
            .audits(Vocabulary.words("auto-join-accepted", "auto-join-requested", "challenge-issued",
                    "challenge-signed", "grant-created", "grant-revoked", "key-rotated", "manual-join-requested",
                    "manual-join-validated", "message-ignored", "password-compared-case-insensitively",
                    "password-exchange-key-given", "session-key-confirmed", "session-key-delivered",
                    "session-key-received", "session-member-added", "trusted-key-forgotten", "validator-restarted",
                    "finalization-refused", "grant-revocation-failed", "join-rejected-by-validator",
                    "message-rejected", "relay-refused", "session-key-confirmation-failed", "user-action-ignored",
                    // a validator's refusal and a requester's, per flow
                    "auto-join-rejected", "manual-join-rejected", "auto-join-refused", "manual-join-refused",
                    // hardened: a message that cannot end a join, and a refusal a decided join does not get
                    "auto-join-message-ignored", "manual-join-message-ignored", "rejection-withheld"))
            .reasons(Vocabulary.codes(AutoJoinReason.class, CoreReason.class, DecodeReason.class))
            .fields(Vocabulary.words("client", "current-epoch", "decode-error", "detail", "epoch", "expires-at",
                    "flow", "from", "generation", "grant-created", "grant-expires", "grant-key-fingerprint",
                    "grant-owner", "grant-owner-key-fingerprint", "grant-present", "grant-revoked", "grant-scope",
                    "grant-trusted-client", "issued-at", "issued-purpose", "issued-requester", "issued-session",
                    "key-fingerprint", "key-generation", "message", "nonce", "presented-key-fingerprint", "profile",
                    "purpose", "recipient", "recipient-instance", "recipient-key-fingerprint", "reported-by",
                    "requester", "requester-instance", "requester-key-fingerprint", "revoked-at",
                    "session-key-fingerprint", "signer-time", "skew-tolerance", "trusted-key-fingerprint",
                    "validator", "validator-instance", "member-instance", "verified-key-fingerprint", "verifier-time",
                    "why", "action", "join", "claimed-reason",
                    "reason", "result", "local-time"))
            .matchField("session", "session")
            .matchField("target", "target")
            .invariants(Vocabulary.words("autojoin.injective-agreement", "autojoin.freshness", "autojoin.no-replay",
                    "autojoin.grant-validity", "autojoin.session-key-secrecy", "autojoin.password-secrecy",
                    "autojoin.requester-signs-own-challenges", "autojoin.session-key-authenticity",
                    "autojoin.roles-never-throw", "autojoin.no-denial", "autojoin.no-disagreement",
                    "autojoin.refines-model", "autojoin.consumed-set-linearizable"))
            .messages(Vocabulary.messageNames(AutoJoinMessage.class))
            .forgery("ask-auto-join", Forgery.of("session", "claim", "key", "instance", "validator", "purpose"))
            .forgery("challenge-response", Forgery.of("challenge", "session", "requester", "purpose", "sign-with",
                    "signature-from", "instance", "validator").signedBy("sign-with"))
            .forgery("challenge", Forgery.of("challenge", "nonce-from", "to", "validator", "session", "requester",
                    "target", "purpose"))
            .forgery("give-exchange-key", Forgery.of("session", "claim", "key", "requester", "instance"))
            .forgery("validate-join", Forgery.of("session", "requester", "validator", "flow", "recipient-key",
                    "sign-with", "signature-from").signedBy("sign-with"))
            .forgery("finalize-join", Forgery.of("session", "requester", "validator", "flow", "confirmation-from"))
            .forgery("rejected", Forgery.of("session", "requester", "validator", "flow", "reason"))
            .forgery("ask-exchange-key", Forgery.of("session", "claim", "key", "instance"))
            .forgery("ask-join", Forgery.of("session", "claim", "validator", "instance", "password", "sign-with")
                    .signedBy("sign-with"))
            .build();
}
