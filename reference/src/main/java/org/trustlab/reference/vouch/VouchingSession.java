package org.trustlab.reference.vouch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.trustlab.reference.core.DeviceId;

/**
 * The VouchingSession resource on the voucher: which device is vouched (the vouchee), to which targets, and where
 * each target stands. Persistent (the queue refers to it and a crash must not lose the answers collected so far).
 */
public final class VouchingSession {
    /** One target's row: its status, the reason of a rejection, and the hardened profile's signed key share. */
    public static final class Target {
        private VouchStatus status = VouchStatus.SELECTED;
        private String reason = "";
        private byte[] keyShare = new byte[0];
        private byte[] shareSignature = new byte[0];

        public VouchStatus status() {
            return status;
        }

        public String reason() {
            return reason;
        }

        byte[] keyShare() {
            return keyShare.clone();
        }

        byte[] shareSignature() {
            return shareSignature.clone();
        }

        void set(VouchStatus newStatus, String newReason) {
            status = newStatus;
            reason = newReason;
        }

        void share(byte[] share, byte[] signature) {
            keyShare = share.clone();
            shareSignature = signature.clone();
        }
    }

    private final String id;
    private final DeviceId vouchee;
    private final Instant createdAt;
    private final TreeMap<DeviceId, Target> targets = new TreeMap<>();
    private SessionState state = SessionState.PENDING;
    private Instant completedAt;
    private String trigger = "";

    VouchingSession(String id, DeviceId vouchee, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.vouchee = Objects.requireNonNull(vouchee, "vouchee");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String id() {
        return id;
    }

    public DeviceId vouchee() {
        return vouchee;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public SessionState state() {
        return state;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String trigger() {
        return trigger;
    }

    public Map<DeviceId, Target> targets() {
        return java.util.Collections.unmodifiableMap(targets);
    }

    Target target(DeviceId d) {
        return targets.get(d);
    }

    Target addTarget(DeviceId d) {
        return targets.computeIfAbsent(d, k -> new Target());
    }

    boolean allTerminal() {
        return !targets.isEmpty() && targets.values().stream().allMatch(t -> t.status().terminal());
    }

    void start(String how) {
        state = SessionState.IN_PROGRESS;
        trigger = how;
    }

    void complete(Instant at) {
        state = SessionState.COMPLETED;
        completedAt = at;
    }
}
