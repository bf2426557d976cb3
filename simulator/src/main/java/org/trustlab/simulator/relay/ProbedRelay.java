package org.trustlab.simulator.relay;

import java.util.Map;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.relay.Relay;
import org.trustlab.reference.relay.RelayMessage;

/**
 * The relay as the simulator hosts it: after every step the host measures the proof store's real size (the map's
 * entry count, not a number the relay reports) and records it as a {@code probe-proof-store} event, because memory
 * is not on the wire and the bounded-memory invariant must not take the relay's word for it.
 */
final class ProbedRelay implements Role<RelayMessage> {
    static final String PROBE = "probe-proof-store";
    private final Relay relay;
    private int lastEntries = -1;

    ProbedRelay(Relay relay) {
        this.relay = relay;
    }

    private Outputs<RelayMessage> probed(Outputs<RelayMessage> out) {
        int entries = relay.proofStoreEntries();
        if (entries == lastEntries) {
            return out;
        }
        lastEntries = entries;
        return out.andThen(Outputs.<RelayMessage>builder()
                .audit(AuditEvent.of(PROBE, Map.of("entries", Integer.toString(entries), "measured-by", "host")))
                .build());
    }

    @Override
    public Outputs<RelayMessage> onMessage(DeviceId from, RelayMessage message, Env env) {
        return probed(relay.onMessage(from, message, env));
    }

    @Override
    public Outputs<RelayMessage> onTimer(TimerId timer, Env env) {
        return probed(relay.onTimer(timer, env));
    }

    @Override
    public Outputs<RelayMessage> onUserAction(UserAction action, Env env) {
        return probed(relay.onUserAction(action, env));
    }

    @Override
    public Outputs<RelayMessage> onMalformed(DeviceId from, String reason, String detail, Env env) {
        return relay.onMalformed(from, reason, detail, env);
    }

    @Override
    public void onCrash() {
        relay.onCrash();
    }

    @Override
    public Outputs<RelayMessage> onRestart(Env env) {
        return probed(relay.onRestart(env));
    }
}
