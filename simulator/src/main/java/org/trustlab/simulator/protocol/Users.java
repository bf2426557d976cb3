package org.trustlab.simulator.protocol;

import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.UserAction;

/**
 * The people at the devices, as the world sees them: what each device's screen shows them, and how they carry out a
 * scripted action given what they see. A scenario scripts the intent ("the laptop's user confirms the pairing"); a
 * user who compares two screens acts on what the other screen shows, which is a fact of the world, not of the device
 * being asked. One instance per run; it may keep state (what each screen last showed).
 */
public interface Users {
    /** Users who act exactly as scripted and look at nothing. */
    Users AS_SCRIPTED = new Users() {};

    /** {@code device} wrote {@code event} to its audit; the binding decides which events its screen shows. */
    default void shown(String device, AuditEvent event) {}

    /** The action {@code device}'s user carries out for the scripted {@code action}, at the moment it is due. */
    default UserAction perform(String device, UserAction action) {
        return action;
    }
}
