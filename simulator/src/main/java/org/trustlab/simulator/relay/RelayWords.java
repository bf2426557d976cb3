package org.trustlab.simulator.relay;

import org.trustlab.reference.core.CoreReason;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.reference.crypto.noise.NoiseReason;
import org.trustlab.reference.relay.RelayMessage;
import org.trustlab.reference.relay.RelayReason;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.Vocabulary.Forgery;

/** The words of relay scenarios. */
final class RelayWords {
    private RelayWords() {}

    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .action("relay.register")
            .action("relay.connect")
            .action("relay.revoke", "owner", "owner-id", "machine", "machine-id")
            .outcomes(Vocabulary.words("registration", "data-session"))
            .audits(Vocabulary.words("connection-accepting", "registration-refused", "slot-registered",
                    "proof-learned", "proof-evicted", "proof-not-stored", "operator-alert", "slot-displaced",
                    "slot-flapping", "slot-revoked", "message-ignored", "message-rejected", "user-action-ignored",
                    "registration-sent", "slot-held", "displaced", "data-session-answered", "data-session-refused",
                    "rendezvous-refused", ProbedRelay.PROBE))
            .reasons(Vocabulary.codes(RelayReason.class, NoiseReason.class, CoreReason.class, DecodeReason.class))
            .fields(Vocabulary.words("owner-id", "machine-id", "source", "connection", "learned", "entries", "alert",
                    "previous", "flaps", "bytes", "from", "message", "action", "measured-by", "decode-error",
                    "reason", "result", "local-time", "handshake-hash", "agent-key"))
            .matchField("peer", "peer")
            .invariants(Vocabulary.words("relay.roles-never-throw", "relay.slot-integrity",
                    "relay.squat-availability", "relay.bounded-memory", "relay.alerts", "relay.no-secret-in-trace",
                    "relay.data-plane-authentication"))
            .messages(Vocabulary.messageNames(RelayMessage.class))
            .forgery("squat", Forgery.of("owner", "owner-id", "machine", "sign-with").signedBy("sign-with"))
            .forgery("guess", Forgery.of("owner", "owner-id", "machine", "length"))
            .forgery("replace", Forgery.of("owner", "owner-id", "machine"))
            .forgery("flood", Forgery.of("index"))
            .forgery("kk-response", Forgery.of("owner", "owner-id", "machine", "client"))
            .build();
}
