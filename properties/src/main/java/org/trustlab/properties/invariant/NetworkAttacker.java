package org.trustlab.properties.invariant;

import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * Whether a run's attacker stayed within what the no-denial property is stated against: an attacker on the
 * network that adds messages (replays, relays a copy to another device, forges from what it knows, duplicates)
 * but does not withhold or alter honest ones, holds no honest device's keys, and a network that lost no message the
 * twin's network did not lose too. A drop, a hold, a redirect (the original recipient never gets the message), a
 * tampered message, a stolen key or an extra message lost at random each explain a join that did not complete without any
 * flaw of the protocol; such a run is not judged for denial. Read from the simulator's own records (attacker actions, network drops), never a device's.
 */
public final class NetworkAttacker {
    /** Attacker actions that withhold, hold back or alter an honest message, or hand over keys. */
    private static final Set<String> BEYOND = Set.of("drop", "delay", "reorder", "redirect", "tamper", "compromise");

    private NetworkAttacker() {}

    /** Why the attacked run is outside the property (the first such record), or empty when it is judged. */
    public static Optional<String> beyond(Trace attacked, Trace twin) {
        TreeMap<String, Integer> twinDrops = new TreeMap<>();
        for (TraceEvent e : twin.events()) {
            if (e.kind() == Kind.DROP) {
                twinDrops.merge(dropKey(e), 1, Integer::sum);
            }
        }
        for (TraceEvent e : attacked.events()) {
            if (e.kind() == Kind.ATTACKER && BEYOND.contains(e.type())) {
                return Optional.of("the attacker did " + e.type() + " (#" + e.seq() + ")");
            }
            // Only a random loss can differ from the twin's by chance: a message to or from a device that is down or
            // cut off by a partition is dropped by the schedule both runs share, also when the attacker prompted it.
            if (e.kind() == Kind.DROP && "loss".equals(e.field("reason"))
                    && twinDrops.merge(dropKey(e), -1, Integer::sum) < 0) {
                return Optional.of("the network dropped " + e.type() + " from " + e.field("from") + " to "
                        + e.field("to") + " (" + e.field("reason") + ", #" + e.seq() + "), which the twin did not");
            }
        }
        return Optional.empty();
    }

    private static String dropKey(TraceEvent e) {
        return e.type() + "|" + e.field("from") + "|" + e.field("to") + "|" + e.field("reason");
    }
}
