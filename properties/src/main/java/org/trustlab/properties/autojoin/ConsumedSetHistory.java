package org.trustlab.properties.autojoin;

import java.util.Arrays;
import java.util.List;
import org.trustlab.linearizability.Op;
import org.trustlab.properties.history.HistoryRecorder;
import org.trustlab.properties.history.RecordedHistory;
import org.trustlab.reference.autojoin.AutoJoinCodec;
import org.trustlab.reference.autojoin.AutoJoinReason;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * The validators' consumed-challenge sets as one Jepsen history for the {@code nonce-store} model, read from the
 * wire, never from a validator's audit: a validator's challenge on the wire is {@code :issue n}; a response naming
 * {@code n} delivered to it invokes {@code :consume [n nil]}; its session key naming {@code n} completes a consume
 * as {@code [n :accepted]}, and a {@code CHALLENGE_REPLAYED} refusal sent while it handled that delivery as
 * {@code [n :rejected]}. Any other answer, or none (refusals a hardened validator withholds, a crash), leaves the
 * consume open: crashed, it may or may not have taken the nonce, and constrains nothing. Each operation is keyed by
 * validator and nonce, so the check runs per challenge.
 *
 * <p>A session key completes the consume of its nonce invoked in the same step (the delivery being handled), else
 * the oldest one still open: a validator that answers after an await (a timer) answers its consumers in turn.
 */
final class ConsumedSetHistory {
    static final String OBJECT = "a validator's consumed-challenge set";
    private static final Object ACCEPTED = Op.keyword("accepted");
    private static final Object REJECTED = Op.keyword("rejected");
    private static final String REPLAYED = AutoJoinReason.CHALLENGE_REPLAYED.code();

    private ConsumedSetHistory() {}

    static RecordedHistory of(Trace trace) {
        AutoJoinWorld world = AutoJoinTrace.of(trace).world();
        HistoryRecorder h = new HistoryRecorder(OBJECT);
        HistoryRecorder.Call step = null;
        long end = 0;
        for (TraceEvent e : trace.events()) {
            end = e.timeNanos();
            switch (e.kind()) {
                case DELIVER, TIMER, USER_ACTION, CRASH, RESTART -> step = null;
                default -> { }
            }
            if (!world.isValidator(e.node())) {
                continue;
            }
            String node = e.node();
            String nonce = e.field(AutoJoinTrace.W_NONCE);
            if (e.kind() == Kind.CRASH) {
                // What a crashed validator had in flight may or may not have taken its nonce.
                for (HistoryRecorder.Call c : h.open()) {
                    if (((List<?>) c.key()).get(0).equals(node)) {
                        h.info(c, null, e);
                    }
                }
            } else if (e.is(Kind.SEND, AutoJoinCodec.AUTO_JOIN_CHALLENGE) && nonce != null) {
                h.instant(key(node, nonce), "issue", nonce, e);
            } else if (e.is(Kind.DELIVER, AutoJoinTrace.RESPONSE) && nonce != null) {
                step = h.invoke(key(node, nonce), "consume", Arrays.asList(nonce, null), e);
            } else if (e.is(Kind.SEND, AutoJoinTrace.VALIDATE) && nonce != null) {
                List<Object> k = key(node, nonce);
                HistoryRecorder.Call c = h.isOpen(step) && step.key().equals(k) ? step
                        : h.open(k).stream().findFirst().orElse(null);
                if (c == null) {
                    // A session key for no response delivered: an acceptance nothing asked for, judged as such.
                    h.instant(k, "consume", List.of(nonce, ACCEPTED), e);
                } else {
                    h.ok(c, List.of(nonce, ACCEPTED), e);
                }
            } else if (e.is(Kind.SEND, AutoJoinCodec.AUTO_JOIN_REJECTED) && REPLAYED.equals(e.field("wire-reason"))
                    && h.isOpen(step)) {
                h.ok(step, List.of(((List<?>) step.key()).get(1), REJECTED), e);
            }
        }
        return h.finish(end);
    }

    private static List<Object> key(String validator, String nonce) {
        return List.of(validator, nonce);
    }
}
