package org.trustlab.reference.vouch;

/**
 * The names of vouch audit events, outcomes and fields, shared by the roles, the simulator binding, the invariants
 * and the model's trace validation. Prompt events keep the source's names ({@code ProxyPairingVouchingReady},
 * {@code ProxyPairingConfirmationRequired}, {@code ResourceChanged}); the rest are trustlab's.
 */
public final class VouchAudit {
    private VouchAudit() {}

    // --- audit event types
    public static final String PAIRING_REQUESTED = "pairing-requested";
    /** The responder shows the code and waits for the user (the confirmation state of the direct pairing). */
    public static final String PAIRING_CONFIRMATION_REQUIRED = "pairing-confirmation-required";
    /** The initiator shows the code too. */
    public static final String PAIRING_CODE_SHOWN = "pairing-code-shown";
    public static final String PAIRING_REJECTED = "pairing-rejected";
    public static final String PAIRING_STORED = "pairing-stored";
    public static final String PAIRING_REMOVED = "pairing-removed";
    public static final String PROXIED_PAIRING_FLAGGED = "proxied-pairing-flagged";
    public static final String RESOURCE_CHANGED = "ResourceChanged";
    public static final String VOUCHING_READY = "ProxyPairingVouchingReady";
    public static final String CONFIRMATION_REQUIRED = "ProxyPairingConfirmationRequired";
    public static final String SESSION_STARTED = "session-started";
    public static final String VOUCH_TARGET_REFUSED = "vouch-target-refused";
    public static final String VOUCH_SIGNED = "vouch-signed";
    public static final String VOUCH_SENT = "vouch-sent";
    public static final String VOUCH_QUEUED = "vouch-queued";
    public static final String VOUCH_DEQUEUED = "vouch-dequeued";
    /** The receiver refused a vouch (the reason says which check). */
    public static final String VOUCH_REJECTED = "vouch-rejected";
    /** The receiver answered a re-sent vouch of a session it already decided with its recorded answer. */
    public static final String VOUCH_RETRY_ANSWERED = "vouch-retry-answered";
    /** A device derived or received a proxied session key (fingerprint only). */
    public static final String HOLDS_PROXIED_KEY = "holds-proxied-key";
    public static final String RESPONSE_IGNORED = "response-ignored";
    /** Hardened profile: a transport acknowledgement whose signature does not verify. */
    public static final String ACK_IGNORED = "ack-ignored";
    /** Hardened profile: a presence notice that is not signed by the peer or not newer than its last. */
    public static final String PRESENCE_IGNORED = "presence-ignored";
    public static final String SESSION_COMPLETED = "session-completed";
    public static final String SESSION_REMOVED = "session-removed";
    public static final String COMPLETE_REJECTED = "complete-rejected";
    public static final String VOUCH_DECLINED_BY = "vouch-declined-by";
    public static final String MESSAGE_IGNORED = "message-ignored";
    public static final String UNPAIR_REJECTED = "unpair-rejected";
    /** The voucher told a target that a vouch it sent is withdrawn. */
    public static final String REVOCATION_SENT = "vouch-revocation-sent";
    /** A target refused or could not apply a ProxyPairingRevoked (the reason says why). */
    public static final String REVOCATION_REJECTED = "vouch-revocation-rejected";
    public static final String ACTION_REJECTED = "action-rejected";
    public static final String TRUST_CHANGED = "trust-changed";

    // --- outcome kinds
    /** Both ends of a direct pairing. */
    public static final String OUTCOME_DIRECT_PAIRING = "direct-pairing";
    /** The receiving device's decision on a vouch. */
    public static final String OUTCOME_PROXY_PAIRING = "proxy-pairing";
    /** The voucher's final result per target. */
    public static final String OUTCOME_VOUCH = "vouch";
    /** The vouchee storing (or refusing) a device from ProxyPairingComplete. */
    public static final String OUTCOME_PROXIED_PAIRING = "proxied-pairing";

    // --- user actions
    public static final String ACTION_PAIR_REQUEST = "network.pair.request";
    public static final String ACTION_PAIR_CONFIRM = "network.pair.confirm";
    public static final String ACTION_PAIR_REJECT = "network.pair.reject";
    /** The source's action: the user picks targets for a vouching session. */
    public static final String ACTION_VOUCH = "network.pair.vouch";
    public static final String ACTION_PROXY_ACCEPT = "network.pair.proxy.accept";
    public static final String ACTION_PROXY_REJECT = "network.pair.proxy.reject";
    public static final String ACTION_UNPAIR = "network.unpair";
    public static final String ACTION_TRUST = "network.device.trust";
    /** {@code network.pair.confirm}: the code the user read on the new device's screen. */
    public static final String ARG_CODE = "code";
    /** {@code network.pair.confirm}: {@code false} for a user who confirms without comparing the codes. */
    public static final String ARG_COMPARE = "compare";

    // --- fields
    public static final String SESSION_ID = "session-id";
    public static final String PAIRING_ID = "pairing-id";
    public static final String PEER = "peer";
    public static final String VOUCHER = "voucher";
    public static final String VOUCHEE = "vouchee";
    public static final String RECEIVER = "receiver";
    public static final String TARGET = "target";
    public static final String DEVICE = "device";
    public static final String HOLDER = "holder";
    public static final String KEY_FINGERPRINT = "key-fp";
    public static final String VOUCH_ID = "vouch-id";
    public static final String VOUCH_TIMESTAMP = "vouch-timestamp";
    public static final String RECEIVER_LOCAL_TIME = "receiver-local-time";
    public static final String VOUCH_AGE_MS = "vouch-age-ms";
    public static final String MAX_AGE_MS = "max-age-ms";
    public static final String SKEW_TOLERANCE_MS = "skew-tolerance-ms";
    /** Fingerprint of the key the vouch signature was verified with. */
    public static final String SIGNATURE_KEY = "signature-key";
    public static final String VOUCHEE_KEY = "vouchee-key";
    public static final String PROFILE = "profile";
    public static final String CHAIN = "chain";
    public static final String PAIRING_TYPE = "pairing-type";
    public static final String VOUCHER_PAIRING_TYPE = "voucher-pairing-type";
    public static final String VOUCHEE_PAIRING_TYPE = "vouchee-pairing-type";
    public static final String TARGET_PAIRING_TYPE = "target-pairing-type";
    public static final String TRUST_LEVEL = "trust-level";
    /**
     * On a receiver's vouch decision: the vouchee's pairing type in the receiver's registry when the vouch arrived
     * ({@code none} when not paired), so that trace validation can judge "the vouchee must not already be paired".
     */
    public static final String VOUCHEE_REGISTRY_TYPE = "vouchee-registry-type";
    public static final String TARGET_SIGNED = "target-signed";
    public static final String PROXIED_KEY = "proxied-key";
    public static final String STATE = "state";
    public static final String STATUS = "status";
    public static final String RESOURCE = "resource";
    public static final String TRIGGER = "trigger";
    public static final String AUTO_VOUCH_TO_ALL = "auto-vouch-to-all";
    public static final String ATTEMPT = "attempt";
    public static final String FROM_QUEUE = "from-queue";
    public static final String QUEUED_AT = "queued-at";
    public static final String EXPIRES_AT = "expires-at";
    public static final String DEQUEUE_REASON = "dequeue-reason";
    /** On {@code vouch-queued}: how long delivery may take once the target is reachable (for queue liveness). */
    public static final String POLL_INTERVAL_MS = "poll-interval-ms";
    public static final String PROBE_MAX_MS = "probe-max-ms";
    public static final String ACK_TIMEOUT_MS = "ack-timeout-ms";
    public static final String CODE = "code";
    public static final String CODE_DIGITS = "code-digits";
    public static final String GUESS_PROBABILITY = "guess-probability";
    public static final String TIMESTAMP = "timestamp";
    public static final String BY = "by";
    public static final String ACCEPTED = "accepted";
    public static final String FLAGGED = "flagged";

    public static final String TRIGGER_USER = "user";
    public static final String TRIGGER_AUTO = "auto_vouch_to_all";
    public static final String DEQUEUED_DELIVERED = "DELIVERED";
}
