package org.trustlab.reference.relay;

import java.util.Map;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;

/**
 * The owner's device: its Ed25519 key is the owner_id, and under the fix it signs each paired agent's
 * authorization at pairing. It takes no part in registration itself.
 */
public final class Owner implements Role<RelayMessage> {
    @Override
    public Outputs<RelayMessage> onMessage(DeviceId from, RelayMessage message, Env env) {
        return Outputs.<RelayMessage>builder()
                .audit(AuditEvent.of("message-ignored", Map.of("from", from.value()))).build();
    }

    @Override
    public Outputs<RelayMessage> onTimer(TimerId timer, Env env) {
        return Outputs.none();
    }

    @Override
    public void onCrash() {}
}
