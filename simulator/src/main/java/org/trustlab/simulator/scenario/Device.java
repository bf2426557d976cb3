package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.simulator.protocol.DeviceSpec;

/**
 * A scenario device: what the binding sees ({@link DeviceSpec}) plus what the simulator does to it: its clock,
 * its online windows (empty = always online) and whether a store-and-forward mailbox holds messages for it while
 * it is offline or down (as an e-mail provider does for Delta Chat, or a relay queue) or they are dropped.
 */
public record Device(DeviceSpec spec, ClockSpec clock, List<Window> online, boolean mailbox) {
    public Device {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(clock, "clock");
        online = List.copyOf(online);
    }

    public static Device of(DeviceSpec spec) {
        return new Device(spec, ClockSpec.EXACT, List.of(), false);
    }

    public String name() {
        return spec.name();
    }

    /** A device clock: {@code offset} from true time at time 0 (skew) and a rate error in parts per million. */
    public record ClockSpec(Duration offset, double driftPpm) {
        public static final ClockSpec EXACT = new ClockSpec(Duration.ZERO, 0);

        public ClockSpec {
            Objects.requireNonNull(offset, "offset");
            if (!(driftPpm > -1_000_000 && driftPpm < 1_000_000)) {
                throw new IllegalArgumentException("drift must be within (-1e6, 1e6) ppm: " + driftPpm);
            }
        }
    }

    /** An online window from {@code from} until {@code to} (forever when empty), in global virtual time. */
    public record Window(Duration from, Optional<Duration> to) {
        public Window {
            Objects.requireNonNull(from, "from");
            to = to == null ? Optional.empty() : to;
        }

        public boolean contains(Duration t) {
            return t.compareTo(from) >= 0 && to.map(end -> t.compareTo(end) < 0).orElse(true);
        }
    }
}
