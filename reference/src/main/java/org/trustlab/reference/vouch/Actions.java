package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;

import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.UserAction;

/** Reading user-action arguments; a missing one is an {@code action-rejected} audit event, never an exception. */
final class Actions {
    private Actions() {}

    /** The device named by argument {@code key}, or null after recording the refusal. */
    static DeviceId device(Step s, UserAction action, String key) {
        String v = action.arg(key);
        if (v == null || v.isBlank()) {
            s.auditRejection(VouchAudit.ACTION_REJECTED, VouchReason.BAD_ACTION_ARGUMENTS,
                    fields("action", action.name(), "missing", key));
            return null;
        }
        return DeviceId.of(v.trim());
    }

    /** Argument {@code key} as {@code true} or {@code false} ({@code absent} when missing), or null after the refusal. */
    static Boolean flag(Step s, UserAction action, String key, boolean absent) {
        String v = action.arg(key);
        if (v == null) {
            return absent;
        }
        if (v.trim().equals("true") || v.trim().equals("false")) {
            return Boolean.valueOf(v.trim());
        }
        s.auditRejection(VouchAudit.ACTION_REJECTED, VouchReason.BAD_ACTION_ARGUMENTS,
                fields("action", action.name(), "invalid", key));
        return null;
    }
}
