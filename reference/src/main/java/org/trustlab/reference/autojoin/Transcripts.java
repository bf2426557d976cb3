package org.trustlab.reference.autojoin;

import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.Hashes;

/**
 * The byte strings the join signs or MACs, each under its own tag so that no signature or MAC made for one step
 * verifies for another.
 */
public final class Transcripts {
    public static final String DIGITAL_SIGNATURE_TAG = "trustlab/autojoin/digital-signature/v1";
    public static final String KEY_CONFIRMATION_TAG = "trustlab/autojoin/key-confirmation/v1";
    public static final String REJECTION_TAG = "trustlab/autojoin/rejection/v1";

    private Transcripts() {}

    /**
     * ByteSync's {@code DigitalSignatureComputer} signs "USERAUTH_REQUEST_session_issuer_hash(issuer key)_recipient"
     * (after SSH's user-auth request, RFC 4252); trustlab signs the same bindings canonically and adds the hash of
     * what the step carries (the encrypted password, or the encrypted AES key and the challenge nonce), so the
     * signature also vouches for the payload.
     */
    public static byte[] digitalSignature(String sessionId, ClientId issuer, byte[] issuerPublicKey, ClientId recipient,
            byte[] payload, byte[] challengeNonce) {
        return Canonical.writer(DIGITAL_SIGNATURE_TAG)
                .string("USERAUTH_REQUEST")
                .string(sessionId)
                .string(issuer.value())
                .bytes(Hashes.sha256(issuerPublicKey))
                .string(recipient.value())
                .bytes(Hashes.sha256(payload))
                .bytes(challengeNonce)
                .toBytes();
    }

    /**
     * What a hardened validator signs when it refuses a join: the session, itself, the joiner instance it answers,
     * the flow, the reason, the challenge refused (empty before one was issued) and the request refused (the key
     * fingerprint and purpose it was asked with; both sides know them, so they travel in the signature only).
     * Binding the nonce keeps a refusal of one challenge from ending another join; binding the request keeps a
     * refusal of a request forged in the requester's name (another key or purpose) from ending the requester's own;
     * binding the validator keeps a member's refusal of a relayed response from ending the join asked of another.
     */
    static byte[] rejection(String sessionId, ClientId validator, String joinerInstanceId, String flow, String reason,
            byte[] challengeNonce, String requesterKeyFingerprint, Purpose purpose) {
        return Canonical.writer(REJECTION_TAG)
                .string(sessionId)
                .string(validator.value())
                .string(joinerInstanceId)
                .string(flow)
                .string(reason)
                .bytes(challengeNonce)
                .string(requesterKeyFingerprint)
                .string(purpose.wireName())
                .toBytes();
    }

    /** What the joiner MACs with the session key it received, to prove it holds exactly that key. */
    public static byte[] keyConfirmation(String sessionId, ClientId joiner, ClientId validator, String flow,
            byte[] challengeNonce) {
        return Canonical.writer(KEY_CONFIRMATION_TAG)
                .string(sessionId)
                .string(joiner.value())
                .string(validator.value())
                .string(flow)
                .bytes(challengeNonce)
                .toBytes();
    }
}
