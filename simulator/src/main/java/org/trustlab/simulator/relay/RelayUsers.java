package org.trustlab.simulator.relay;

import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.UserAction;
import org.trustlab.simulator.protocol.Users;

/**
 * The operator at the relay names a slot by its owner's device and machine ({@code owner}, {@code machine}); the
 * relay's console takes the owner id (the owner's key in base58) and machine id, which the operator reads off the
 * owner's records.
 */
final class RelayUsers implements Users {
    private final Map<String, String> ownerIds;

    RelayUsers(Map<String, String> ownerIds) {
        this.ownerIds = Map.copyOf(ownerIds);
    }

    @Override
    public UserAction perform(String device, UserAction action) {
        return spelled(action, ownerIds);
    }

    static UserAction spelled(UserAction action, Map<String, String> ownerIds) {
        if (!action.name().equals("relay.revoke")) {
            return action;
        }
        Map<String, String> args = new TreeMap<>(action.args());
        String owner = args.remove("owner");
        if (owner != null) {
            args.put("owner-id", ownerIds.getOrDefault(owner, owner));
        }
        String machine = args.remove("machine");
        if (machine != null) {
            args.put("machine-id", machine);
        }
        return UserAction.of(action.name(), args);
    }
}
