package org.trustlab.simulator.engine;

/**
 * The discrete-event core: a virtual clock in nanoseconds and an {@link EventQueue}. Firing an event may schedule
 * more; time never goes backwards, and nothing here reads a wall clock or starts a thread.
 */
public final class Engine {

    /** Something that happens at a virtual instant. */
    @FunctionalInterface
    public interface Event {
        void fire(Engine engine);
    }

    private final EventQueue<Event> queue;
    private long now;
    private long fired;

    /** A simulation's queue rarely holds more than a few dozen events; it grows when one does. */
    public Engine() {
        this(64);
    }

    public Engine(int initialCapacity) {
        this.queue = new EventQueue<>(initialCapacity);
    }

    /** Virtual global time in nanoseconds since time 0 of the run. */
    public long now() {
        return now;
    }

    public long fired() {
        return fired;
    }

    public int pending() {
        return queue.size();
    }

    /** Schedules at an absolute time, which must not be in the past. */
    public void at(long time, Event event) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule at " + time + " before now " + now);
        }
        queue.add(time, event);
    }

    public void after(long delayNanos, Event event) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        queue.add(saturatedAdd(now, delayNanos), event);
    }

    /** Fires the next event if one is due at or before {@code until}; false when none is. */
    public boolean step(long until) {
        if (queue.isEmpty() || queue.peekTime() > until) {
            return false;
        }
        now = queue.peekTime();
        Event e = queue.poll();
        fired++;
        e.fire(this);
        return true;
    }

    /** Fires events in order until the queue is empty or the next one is after {@code until}. */
    public long run(long until) {
        long before = fired;
        while (step(until)) {
            // each step fires one event
        }
        return fired - before;
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
