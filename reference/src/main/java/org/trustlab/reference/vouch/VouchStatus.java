package org.trustlab.reference.vouch;

/**
 * The status of one target within a {@link VouchingSession}, named as the source names them. {@code Selected}: the
 * user picked it and the request went out; {@code Waiting}: the target's transport confirmed delivery and the voucher
 * waits for its answer; {@code Queued}: the target was offline and the vouch sits in {@code vouching_queue}. The last
 * three are terminal.
 */
public enum VouchStatus {
    SELECTED("Selected"),
    QUEUED("Queued"),
    WAITING("Waiting"),
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    UNREACHABLE("Unreachable");

    private final String code;

    VouchStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean terminal() {
        return this == ACCEPTED || this == REJECTED || this == UNREACHABLE;
    }
}
