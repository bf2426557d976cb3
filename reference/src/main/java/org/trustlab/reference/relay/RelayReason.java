package org.trustlab.reference.relay;

import org.trustlab.reference.core.ReasonCode;

/** Why the relay refused a registration, or why an agent gave one up. */
public enum RelayReason implements ReasonCode {
    /** owner_id or machine_id is empty. */
    EMPTY_ID,
    /** owner_id or machine_id contains {@code |}, the separator of the relay's slot keys. */
    SEPARATOR_IN_ID,
    /** No registration_secret was presented. */
    PROOF_MISSING,
    /** The slot's learned proof differs from the one presented (checked before the connection is accepted). */
    PROOF_MISMATCH,
    /**
     * The slot was open when the connection was accepted, but another registration learned a different proof before
     * this one reached the lock: the second check, under the lock that learns, refuses it.
     */
    PROOF_RACE_LOST,
    /** owner-authorized: a first registration without the owner's signature (the owner id is a key). */
    OWNER_AUTHORIZATION_MISSING,
    /** owner-authorized: the signature does not verify for this machine_id and SHA-256(registration_secret). */
    OWNER_SIGNATURE_INVALID,
    /** The operator revoked the slot: it answers "gone". */
    SLOT_GONE,
    /** The relay serves its configured maximum of live agents. */
    AGENT_CAP_REACHED,
    /** The source sent more registrations than the relay's rate limit allows in its window. */
    RATE_LIMITED,
    /** Connect or a handshake for a slot no agent holds now. */
    AGENT_NOT_CONNECTED,
    /** Client: the data-plane handshake did not complete within its timeout. */
    HANDSHAKE_TIMEOUT,
    /** Agent: a handshake from a client it was not paired with. */
    UNKNOWN_CLIENT,
    /** Agent: no answer from the relay within its timeout. */
    NO_ANSWER,
    /** Agent: another registration took over its slot. */
    DISPLACED;

    @Override
    public String code() {
        return name();
    }
}
