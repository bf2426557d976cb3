package org.trustlab.model.dsl;

/** The events a role emits for the properties (Lowe's claim events) and for its own later guards. */
public enum ClaimKind {
    /** The actor is running the protocol with the peer on the data (emitted before it commits the peer to it). */
    RUNNING,
    /** The actor accepts: it believes the peer ran with it on the data. */
    COMMIT,
    /** The data must stay unknown to the attacker while actor and peer are honest. */
    SECRET,
    /** A persistent fact in the actor's store (a pairing, a trust record) that later guards may consult. */
    FACT
}
