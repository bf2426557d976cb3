package org.trustlab.simulator.protocol;

import java.util.List;
import org.trustlab.reference.core.UserAction;

/**
 * What the world knows of one run, kept by the binding from the scenario alone: the facts at virtual time 0 and
 * those a user's action establishes (a key rotated, a grant revoked), whatever the device then makes of the action.
 * One instance per run; it may keep state (the current key generation of each device).
 */
public interface WorldFacts {
    WorldFacts NONE = new WorldFacts() {
        @Override
        public List<WorldFact> initial() {
            return List.of();
        }
    };

    List<WorldFact> initial();

    /** Facts a user action on {@code device} establishes; called only for actions the device receives. */
    default List<WorldFact> afterUserAction(String device, UserAction action) {
        return List.of();
    }
}
