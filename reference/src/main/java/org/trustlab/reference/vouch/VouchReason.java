package org.trustlab.reference.vouch;

import org.trustlab.reference.core.ReasonCode;

/** Every refusal in proxy pairing, as a stable code. Grouped by the flow that produces it. */
public enum VouchReason implements ReasonCode {
    // --- direct pairing (the base trust every vouch rests on)
    /** A pairing message names a pairing this device is not running (or no longer: timed out, crashed). */
    PAIRING_UNKNOWN,
    /** The code the user read on the other device differs from the one shown here: a key was substituted. */
    CONFIRMATION_CODE_MISMATCH,
    /** The user did not confirm within {@code pairing_confirmation_timeout}. */
    CONFIRMATION_TIMEOUT,
    /** The user declined (a direct pairing, or a vouch prompt). */
    USER_REJECTED,
    /** The responder's key-confirmation MAC does not verify: the two sides did not derive the same secret. */
    PAIRING_MAC_INVALID,
    /** The peer's agreement key is malformed or of small order. */
    PAIRING_KEY_INVALID,
    /** A pairing request from a device that is already paired. */
    ALREADY_PAIRED,

    // --- receiving device checks (source: Security checks)
    /** A device without proxy pairing ignores ProxyPairingRequest (source: Backwards compatibility). */
    PROXY_PAIRING_UNSUPPORTED,
    /** The voucher is not a paired device of the receiver. */
    VOUCHER_NOT_PAIRED,
    /** The voucher is paired, but Proxied: only directly paired devices can vouch (no multi-hop). */
    VOUCHER_NOT_DIRECT,
    /** The receiver marked the voucher unreliable. */
    VOUCHER_UNRELIABLE,
    /** The receiver blocked the voucher. */
    VOUCHER_BLOCKED,
    /** The vouch signature does not verify with the voucher's public key. */
    VOUCH_SIGNATURE_INVALID,
    /** Older than {@code vouch_signature_max_age} on the receiver's clock. */
    VOUCH_EXPIRED,
    /** Dated further ahead of the receiver's clock than the skew tolerance. */
    VOUCH_FROM_FUTURE,
    /** This exact vouch was processed before. */
    VOUCH_REPLAYED,
    /** The vouchee is already paired with the receiver. */
    VOUCHEE_ALREADY_PAIRED,
    /** The vouch asks the receiver to pair with itself. */
    VOUCHEE_IS_RECEIVER,
    /** The proxied session keys do not open with the voucher's channel key (sealed for another target). */
    PROXIED_KEYS_UNREADABLE,
    /** The send key equals the receive key. */
    PROXIED_KEYS_NOT_DISTINCT,
    /** The user answered a vouch prompt after {@code vouch_response_timeout}: the voucher has counted it as no. */
    PROMPT_EXPIRED,
    /** A user answer to a prompt that does not exist. */
    NO_PENDING_PROMPT,

    // --- voucher
    /** No direct pairing with the device the user asked to vouch for. */
    VOUCHEE_NOT_PAIRED,
    /** The vouchee is paired Proxied: vouching it on would be a second hop. */
    VOUCHEE_NOT_DIRECT,
    /** The chosen target is not paired with the voucher. */
    TARGET_NOT_PAIRED,
    /** The chosen target is paired Proxied: a proxied device never vouches, nor is vouched to over a proxy. */
    TARGET_NOT_DIRECT,
    /** The vouchee was picked as its own target. */
    TARGET_IS_VOUCHEE,
    /** Silence for {@code vouch_response_timeout} after delivery: recorded as a rejection (Backwards compat.). */
    NO_RESPONSE,
    /** A ProxyPairingResponse whose signature does not verify with the target's key. */
    RESPONSE_SIGNATURE_INVALID,
    /** A response for a session or target that is not waiting for one (late, duplicated, or foreign). */
    RESPONSE_UNEXPECTED,
    /** Hardened profile: a transport acknowledgement whose signature does not verify with the target's key. */
    ACK_SIGNATURE_INVALID,
    /** Hardened profile: a presence notice whose signature does not verify with the paired device's key. */
    PRESENCE_SIGNATURE_INVALID,
    /** Hardened profile: a presence notice not newer than the last one taken from that device (a replay). */
    PRESENCE_REPLAYED,
    /** A queued vouch reached {@code expires_at} before the target came online. */
    QUEUE_EXPIRED,
    /** A queued vouch used up its delivery attempts. */
    QUEUE_RETRIES_EXHAUSTED,
    /** The vouch was withdrawn because the vouchee or the target was unpaired from the voucher. */
    VOUCH_REVOKED,
    /** A user action names a session that does not exist or is not Pending. */
    SESSION_UNKNOWN,

    // --- vouchee
    /** ProxyPairingComplete from a device the vouchee is not directly paired with. */
    COMPLETE_FROM_UNPAIRED,
    /** ProxyPairingComplete whose signature does not verify with the voucher's key. */
    COMPLETE_SIGNATURE_INVALID,
    /** The same session's ProxyPairingComplete again. */
    COMPLETE_REPLAYED,
    /** Hardened profile: the accepting device's signed key share does not verify. */
    SHARE_SIGNATURE_INVALID,
    /** An accepted device the vouchee is already paired with. */
    DEVICE_ALREADY_PAIRED,

    // --- unpairing and revocation (beyond the source: its open question)
    /** An unpair notice from a device that is not paired. */
    UNPAIR_UNKNOWN_DEVICE,
    /** An unpair notice whose signature does not verify. */
    UNPAIR_SIGNATURE_INVALID,
    /** A proxied pairing whose voucher has been unpaired: kept, but flagged for review. */
    VOUCHER_UNPAIRED,
    /** A ProxyPairingRevoked naming a voucher this device is not paired with. */
    REVOCATION_VOUCHER_NOT_PAIRED,
    /** A ProxyPairingRevoked naming a voucher paired only as Proxied: it never vouched to this device. */
    REVOCATION_VOUCHER_NOT_DIRECT,
    /** A ProxyPairingRevoked whose signature does not verify with the voucher's key (forged or redirected). */
    REVOCATION_SIGNATURE_INVALID,
    /** A valid ProxyPairingRevoked for a vouch that left nothing here: no prompt and no pairing rest on it. */
    REVOCATION_UNMATCHED,

    /** A user action with missing or malformed arguments. */
    BAD_ACTION_ARGUMENTS;

    @Override
    public String code() {
        return name();
    }
}
