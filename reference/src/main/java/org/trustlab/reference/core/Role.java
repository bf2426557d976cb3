package org.trustlab.reference.core;

import java.util.Map;

/**
 * A protocol participant as a pure state machine (sans-IO). The host hands it one input at a time together with
 * an {@link Env} and carries out the {@link Outputs} it returns. A role never throws on hostile input: a
 * refusal is an audit event and an outcome with a reason code.
 *
 * <p>State a role keeps is either persistent (survives a crash, as a database would) or volatile (lost on a
 * crash, as memory is). {@link #onCrash()} is where a role drops its volatile state; each role documents which
 * is which, because a cache lost on restart is exactly the kind of replay window the campaigns look for.
 */
public interface Role<M> {

    Outputs<M> onMessage(DeviceId from, M message, Env env);

    Outputs<M> onTimer(TimerId timer, Env env);

    /** A user action on this device; roles reject actions they do not know with an audit event. */
    default Outputs<M> onUserAction(UserAction action, Env env) {
        return Outputs.<M>builder()
                .audit(AuditEvent.rejection("user-action-ignored", CoreReason.UNKNOWN_ACTION,
                        Map.of("action", action.name())))
                .build();
    }

    /** The device came (back) online; roles with queued work (offline queues, mailboxes) act on it. */
    default Outputs<M> onOnline(Env env) {
        return Outputs.none();
    }

    /** Bytes from {@code from} that did not decode; the default records a MALFORMED rejection. */
    default Outputs<M> onMalformed(DeviceId from, String reason, String detail, Env env) {
        return Outputs.<M>builder()
                .audit(AuditEvent.rejection("message-rejected", CoreReason.MALFORMED,
                        Map.of("from", from.value(), "decode-error", reason)))
                .build();
    }

    /** The device crashed: drop volatile state. Persistent state stays. */
    void onCrash();

    /** The device restarted after a crash (its timers were lost with it). */
    default Outputs<M> onRestart(Env env) {
        return Outputs.none();
    }
}
