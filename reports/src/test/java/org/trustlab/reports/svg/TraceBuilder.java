package org.trustlab.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/** Hand-made traces for the sequence diagram's tests, one event at a time (times in milliseconds). */
public final class TraceBuilder {
    private final List<TraceEvent> events = new ArrayList<>();

    public TraceBuilder add(long ms, String node, Kind kind, String type, String... kv) {
        TreeMap<String, String> f = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        events.add(new TraceEvent(events.size(), ms * 1_000_000L, node, kind, type, f));
        return this;
    }

    public List<TraceEvent> events() {
        return events;
    }

    /**
     * A join with a password (event 0), its request delivered (2), a timer (3), the challenge lost (5), and the
     * attacker's replay of the request (6) delivered to the laptop (7).
     */
    public TraceBuilder replayedRequest() {
        return add(0, "phone", Kind.USER_ACTION, "join", "password", "Correct-Horse", "session", "S1")
                .add(0, "phone", Kind.SEND, "AskAutoJoin", "from", "phone", "to", "laptop", "msg-id", "m0")
                .add(100, "laptop", Kind.DELIVER, "AskAutoJoin", "from", "phone", "to", "laptop", "msg-id", "m0")
                .add(100, "laptop", Kind.TIMER, "expire")
                .add(100, "laptop", Kind.SEND, "AutoJoinChallenge", "from", "laptop", "to", "phone", "msg-id", "m1")
                .add(150, "network", Kind.DROP, "AutoJoinChallenge", "from", "laptop", "to", "phone", "msg-id", "m1",
                        "reason", "loss")
                .add(5000, "attacker", Kind.ATTACKER, "replay", "msg-id", "m0", "to", "laptop")
                .add(5100, "laptop", Kind.DELIVER, "AskAutoJoin", "from", "phone", "to", "laptop", "msg-id", "m0",
                        "via", "attacker");
    }
}
