package org.trustlab.simulator.ping;

import org.trustlab.reference.core.CoreReason;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.Vocabulary.Forgery;

/** The words of ping scenarios. */
final class PingWords {
    private PingWords() {}

    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .action("ping", "to", "count", "interval")
            .outcomes(Vocabulary.words("pong-received"))
            .audits(Vocabulary.words("ping-answered", "ping-rejected", "pong-rejected", "pong-accepted",
                    "pong-missing", "ping-sent", "came-online", "restarted", "user-action-ignored"))
            .reasons(Vocabulary.codes(PingReason.class, CoreReason.class, DecodeReason.class))
            .fields(Vocabulary.words("action", "from", "nonce", "pongs-received", "next-seq", "sender", "seq", "to",
                    "reason", "result", "local-time"))
            .matchField("peer", "peer")
            .invariants(Vocabulary.words("ping.roles-never-throw", "ping.pong-answers-ping"))
            .messages(Vocabulary.words("ping", "pong", "ping-signed"))
            .forgery("ping", Forgery.of("sender", "seq", "nonce", "age", "sign-as").signedBy("sign-as"))
            .forgery("pong", Forgery.of("sender", "seq", "nonce", "age"))
            .build();
}
