package org.trustlab.reference.vouch;

/** The state of a {@link VouchingSession} resource: {@code Pending} until the user picks targets. */
public enum SessionState {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed");

    private final String code;

    SessionState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
