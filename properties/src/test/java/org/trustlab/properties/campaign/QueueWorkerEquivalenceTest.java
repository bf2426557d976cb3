package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The vouch queue worker skips the ticks at which it would do nothing. That must be invisible: on generated
 * scenarios, a run whose devices poll at every tick ({@code queue_poll_every_tick: true}) and the default run have
 * the same trace once the worker's own timer events are set aside, event for event, with the same times and fields.
 * Clocks are made drift-free for the comparison: a drifting clock turns one long timer and many short ones into
 * global times that differ by rounding, nanoseconds apart, which would reorder nothing but still differ.
 */
class QueueWorkerEquivalenceTest {
    private static final int RUNS = 120;

    @Test
    void skippingIdleTicksChangesNothingButTheWorkersOwnTimers() {
        ScenarioGenerator generator = Campaigns.find("vouch").orElseThrow().generator();
        SimulatorBackend backend = new SimulatorBackend();
        int queued = 0;
        long skipped = 0;
        for (long seed = 1; seed <= RUNS; seed++) {
            Map<String, Object> data = CampaignRunner.scenarioOf(generator.generate(seed, 60).value(),
                    new CampaignSpec("vouch", 1, seed, Optional.empty(), Shard.WHOLE, 1, false, 0, 1), seed, "eq");
            Map<String, Object> base = withDevices(data, false);
            Map<String, Object> everyTick = withDevices(data, true);
            List<TraceEvent> skipping = backend.run(base).trace().events();
            Trace full = backend.run(everyTick).trace();
            assertThat(withoutPolls(skipping)).as("seed %d", seed).containsExactlyElementsOf(
                    withoutPolls(full.events()));
            long polls = full.events().stream().filter(QueueWorkerEquivalenceTest::isPoll).count();
            if (polls > 0) {
                queued++;
                skipped += polls - skipping.stream().filter(QueueWorkerEquivalenceTest::isPoll).count();
            }
        }
        // The comparison means something only if vouches were queued and idle ticks were skipped.
        assertThat(queued).isGreaterThanOrEqualTo(10);
        assertThat(skipped).isGreaterThan(1000);
    }

    private static boolean isPoll(TraceEvent e) {
        return e.is(TraceEvent.Kind.TIMER, "queue-poll");
    }

    /** The events other than the worker's timers, without sequence numbers (which count the timers). */
    private static List<String> withoutPolls(List<TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (!isPoll(e)) {
                out.add(e.timeNanos() + " " + e.node() + " " + e.kind() + " " + e.type() + " " + e.fields());
            }
        }
        return out;
    }

    /** The scenario with drift-free clocks and every device's worker set to poll at every tick or not. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDevices(Map<String, Object> data, boolean everyTick) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        List<Object> devices = new ArrayList<>();
        for (Object o : (List<Object>) data.get("devices")) {
            Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) o);
            Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) d.getOrDefault("config",
                    Map.of()));
            config.put("queue_poll_every_tick", everyTick);
            d.put("config", config);
            if (d.get("clock") instanceof Map<?, ?> clock) {
                Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) clock);
                c.remove("drift-ppm");
                d.put("clock", c);
            }
            devices.add(d);
        }
        copy.put("devices", devices);
        return copy;
    }
}
