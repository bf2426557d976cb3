package org.trustlab.reference.vouch;

import java.time.Duration;
import java.util.Objects;

/**
 * One device's proxy-pairing settings. The first four durations and flags are the source's Configuration section
 * ({@code auto_accept_vouched: true}, {@code auto_vouch_to_all: false}, {@code vouch_signature_max_age: 300},
 * {@code vouch_response_timeout: 30}); the queue numbers are its Persistent queue and Cleanup sections (poll every
 * 10 seconds, delete after seven days, session data removed one hour after completion). The rest are values the
 * source leaves open and trustlab makes explicit so that their effect is visible:
 * <ul>
 *   <li>{@code vouchClockSkewTolerance}: how far in the future a vouch timestamp may be (the source says only
 *   "within the allowed window");</li>
 *   <li>{@code transportAckTimeout}: how long the voucher waits for the target's transport to confirm delivery
 *   before it treats the target as offline and queues the vouch;</li>
 *   <li>{@code queueMaxRetries}: the source's "max retry count";</li>
 *   <li>{@code pairingConfirmationTimeout} and {@code confirmationCodeDigits}: the direct pairing's confirmation
 *   state; a d-digit code is guessed with probability 10^-d, which the audit shows;</li>
 *   <li>{@code presenceProbeMaxInterval}: while a queued target seems offline the worker asks it for presence with
 *   exponential backoff (poll interval, doubled, up to this); the stand-in for the transport's reconnection
 *   attempts, without which a lost acknowledgement or a healed partition would leave a vouch queued until it
 *   expires.</li>
 *   <li>{@code queuePollEveryTick}: run the worker at every tick, even when it has nothing to do. By default a
 *   tick that would change nothing is skipped (the network sees the same sends at the same ticks); this keeps
 *   every poll in the trace, for readers who want to see the worker run.</li>
 * </ul>
 */
public record VouchConfig(
        VouchProfile profile,
        boolean proxyPairingSupported,
        boolean autoAcceptVouched,
        boolean autoVouchToAll,
        Duration vouchSignatureMaxAge,
        Duration vouchClockSkewTolerance,
        Duration vouchResponseTimeout,
        Duration transportAckTimeout,
        Duration queuePollInterval,
        int queueMaxRetries,
        Duration queueEntryLifetime,
        Duration sessionRetention,
        Duration pairingConfirmationTimeout,
        int confirmationCodeDigits,
        Duration presenceProbeMaxInterval,
        boolean queuePollEveryTick) {

    public VouchConfig {
        Objects.requireNonNull(profile, "profile");
        for (Duration d : new Duration[] {vouchSignatureMaxAge, vouchClockSkewTolerance, vouchResponseTimeout,
            transportAckTimeout, queuePollInterval, queueEntryLifetime, sessionRetention,
            pairingConfirmationTimeout, presenceProbeMaxInterval}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (queuePollInterval.isZero()) {
            throw new IllegalArgumentException("queue poll interval must be positive");
        }
        if (queueMaxRetries < 1) {
            throw new IllegalArgumentException("queue max retries must be at least 1: " + queueMaxRetries);
        }
        if (confirmationCodeDigits < 1 || confirmationCodeDigits > 18) {
            throw new IllegalArgumentException("confirmation code digits out of range: " + confirmationCodeDigits);
        }
    }

    public static VouchConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.profile = profile;
        b.proxyPairingSupported = proxyPairingSupported;
        b.autoAcceptVouched = autoAcceptVouched;
        b.autoVouchToAll = autoVouchToAll;
        b.vouchSignatureMaxAge = vouchSignatureMaxAge;
        b.vouchClockSkewTolerance = vouchClockSkewTolerance;
        b.vouchResponseTimeout = vouchResponseTimeout;
        b.transportAckTimeout = transportAckTimeout;
        b.queuePollInterval = queuePollInterval;
        b.queueMaxRetries = queueMaxRetries;
        b.queueEntryLifetime = queueEntryLifetime;
        b.sessionRetention = sessionRetention;
        b.pairingConfirmationTimeout = pairingConfirmationTimeout;
        b.confirmationCodeDigits = confirmationCodeDigits;
        b.presenceProbeMaxInterval = presenceProbeMaxInterval;
        b.queuePollEveryTick = queuePollEveryTick;
        return b;
    }

    /** The chance that one blind guess of the confirmation code is right: 1 in 10^digits. */
    public String confirmationGuessProbability() {
        return "1/" + "1" + "0".repeat(confirmationCodeDigits);
    }

    public static final class Builder {
        private VouchProfile profile = VouchProfile.SPACEDRIVE;
        private boolean proxyPairingSupported = true;
        private boolean autoAcceptVouched = true;
        private boolean autoVouchToAll = false;
        private Duration vouchSignatureMaxAge = Duration.ofSeconds(300);
        private Duration vouchClockSkewTolerance = Duration.ofSeconds(30);
        private Duration vouchResponseTimeout = Duration.ofSeconds(30);
        private Duration transportAckTimeout = Duration.ofSeconds(5);
        private Duration queuePollInterval = Duration.ofSeconds(10);
        private int queueMaxRetries = 5;
        private Duration queueEntryLifetime = Duration.ofDays(7);
        private Duration sessionRetention = Duration.ofHours(1);
        private Duration pairingConfirmationTimeout = Duration.ofSeconds(120);
        private int confirmationCodeDigits = 6;
        private Duration presenceProbeMaxInterval = Duration.ofHours(1);
        private boolean queuePollEveryTick = false;

        private Builder() {}

        public Builder profile(VouchProfile v) {
            profile = v;
            return this;
        }

        public Builder proxyPairingSupported(boolean v) {
            proxyPairingSupported = v;
            return this;
        }

        public Builder autoAcceptVouched(boolean v) {
            autoAcceptVouched = v;
            return this;
        }

        public Builder autoVouchToAll(boolean v) {
            autoVouchToAll = v;
            return this;
        }

        public Builder vouchSignatureMaxAge(Duration v) {
            vouchSignatureMaxAge = v;
            return this;
        }

        public Builder vouchClockSkewTolerance(Duration v) {
            vouchClockSkewTolerance = v;
            return this;
        }

        public Builder vouchResponseTimeout(Duration v) {
            vouchResponseTimeout = v;
            return this;
        }

        public Builder transportAckTimeout(Duration v) {
            transportAckTimeout = v;
            return this;
        }

        public Builder queuePollInterval(Duration v) {
            queuePollInterval = v;
            return this;
        }

        public Builder queueMaxRetries(int v) {
            queueMaxRetries = v;
            return this;
        }

        public Builder queueEntryLifetime(Duration v) {
            queueEntryLifetime = v;
            return this;
        }

        public Builder sessionRetention(Duration v) {
            sessionRetention = v;
            return this;
        }

        public Builder pairingConfirmationTimeout(Duration v) {
            pairingConfirmationTimeout = v;
            return this;
        }

        public Builder confirmationCodeDigits(int v) {
            confirmationCodeDigits = v;
            return this;
        }

        public Builder presenceProbeMaxInterval(Duration v) {
            presenceProbeMaxInterval = v;
            return this;
        }

        public Builder queuePollEveryTick(boolean v) {
            queuePollEveryTick = v;
            return this;
        }

        public VouchConfig build() {
            return new VouchConfig(profile, proxyPairingSupported, autoAcceptVouched, autoVouchToAll,
                    vouchSignatureMaxAge, vouchClockSkewTolerance, vouchResponseTimeout, transportAckTimeout,
                    queuePollInterval, queueMaxRetries, queueEntryLifetime, sessionRetention,
                    pairingConfirmationTimeout, confirmationCodeDigits, presenceProbeMaxInterval,
                    queuePollEveryTick);
        }
    }
}
