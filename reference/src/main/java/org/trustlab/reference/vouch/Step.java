package org.trustlab.reference.vouch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.ReasonCode;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;

/** One input's worth of work on a device: its state, the environment, and the outputs being collected. */
final class Step {
    final DeviceState st;
    final Env env;
    private final Outputs.Builder<VouchMessage> out = Outputs.builder();

    Step(DeviceState st, Env env) {
        this.st = st;
        this.env = env;
    }

    Instant now() {
        return env.now();
    }

    DeviceId self() {
        return st.self;
    }

    VouchConfig config() {
        return st.config;
    }

    boolean mutant(VouchMutant m) {
        return st.has(m);
    }

    Ed25519KeyPair identity() {
        return env.keys().ed25519(0);
    }

    X25519KeyPair agreement() {
        return env.keys().x25519(0);
    }

    DeviceInfo selfInfo() {
        return new DeviceInfo(st.self, st.name, agreement().publicKey());
    }

    String newId(String prefix) {
        return prefix + Bytes.hex(env.random().bytes(8));
    }

    void send(DeviceId to, VouchMessage m) {
        out.send(to, m);
    }

    void audit(String type, Map<String, String> fields) {
        out.audit(AuditEvent.of(type, fields));
    }

    void auditRejection(String type, ReasonCode reason, Map<String, String> fields) {
        out.audit(AuditEvent.rejection(type, reason, fields));
    }

    void accepted(String kind, Map<String, String> fields) {
        out.outcome(Outcome.accepted(kind, fields));
    }

    void rejected(String kind, ReasonCode reason, Map<String, String> fields) {
        out.outcome(Outcome.rejected(kind, reason, fields));
    }

    /** A rejection whose reason another device chose (a peer's answer carries it as text). */
    void rejected(String kind, String reason, Map<String, String> fields) {
        out.outcome(new Outcome.Rejected(kind, reason, new TreeMap<>(fields)));
    }

    /** A refusal both as an audit event and as the user-visible outcome. */
    void refuse(String auditType, String outcomeKind, ReasonCode reason, Map<String, String> fields) {
        auditRejection(auditType, reason, fields);
        rejected(outcomeKind, reason, fields);
    }

    void setTimer(String name, Duration after) {
        out.setTimer(new TimerId(name), after);
    }

    void cancelTimer(String name) {
        out.cancelTimer(new TimerId(name));
    }

    /** The outputs of this input; any input may give the queue worker work, so its timer is planned here. */
    Outputs<VouchMessage> build() {
        Voucher.planPoll(this);
        return out.build();
    }

    /** Fields as alternating keys and values; a null value leaves the key out. */
    static TreeMap<String, String> fields(String... kv) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
