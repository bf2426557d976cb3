package org.trustlab.simulator.vouch;

import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.simulator.protocol.Users;

/**
 * The users of a vouch run. The source rests direct pairing on the user's comparison of the two screens ("Keep the
 * user confirmation flow for direct pairing"), so {@code network.pair.confirm {device}} is a user who compares: the
 * code it confirms with is the one the new device last showed for a pairing with this device (its
 * {@code pairing-code-shown}: the other device's screen, not the confirming device's word). A new device that shows
 * no code gives the user nothing to confirm with, and the confirming device refuses the pairing as a mismatch. A
 * scripted {@code code} is a user who typed that code; {@code compare: false} is a careless user, who confirms
 * without looking, outside the source's trust model.
 */
final class VouchUsers implements Users {
    /** device → peer → the code the device's screen last showed for a pairing with that peer. */
    private final Map<String, Map<String, String>> screens = new TreeMap<>();

    @Override
    public void shown(String device, AuditEvent event) {
        String peer = event.fields().get(VouchAudit.PEER);
        String code = event.fields().get(VouchAudit.CODE);
        if (event.type().equals(VouchAudit.PAIRING_CODE_SHOWN) && peer != null && code != null) {
            screens.computeIfAbsent(device, d -> new TreeMap<>()).put(peer, code);
        }
    }

    @Override
    public UserAction perform(String device, UserAction action) {
        String peer = action.arg("device");
        if (!action.name().equals(VouchAudit.ACTION_PAIR_CONFIRM) || peer == null
                || action.arg(VouchAudit.ARG_CODE) != null || "false".equals(action.arg(VouchAudit.ARG_COMPARE))) {
            return action;
        }
        String shown = screens.getOrDefault(peer.trim(), Map.of()).get(device);
        if (shown == null) {
            return action;
        }
        Map<String, String> args = new TreeMap<>(action.args());
        args.put(VouchAudit.ARG_CODE, shown);
        return UserAction.of(action.name(), args);
    }
}
