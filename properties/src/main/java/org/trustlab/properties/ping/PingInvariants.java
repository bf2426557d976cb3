package org.trustlab.properties.ping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The invariant of the simulator's ping demo protocol. It exists so that the example scenarios can state an
 * invariant expectation, and so that the invariant-with-a-mutant pattern is shown on the smallest protocol:
 * the mutant {@code ping.accept-any-pong} breaks it.
 */
public final class PingInvariants {
    public static final String PROTOCOL = "ping";
    public static final String PONG_ANSWERS_PING = "ping.pong-answers-ping";

    private PingInvariants() {}

    public static List<Invariant> all() {
        return List.of(new PongAnswersPing());
    }

    /**
     * Injective agreement for ping: every pong a node accepts carries the nonce of a ping that node sent, and no
     * ping's nonce is accepted twice (a duplicated or replayed pong must be refused).
     */
    static final class PongAnswersPing implements Invariant {
        @Override
        public String id() {
            return PONG_ANSWERS_PING;
        }

        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public String statement() {
            return "Every pong a node accepts answers a ping that node sent, and each ping is answered at most once.";
        }

        /** Judges every pong a node accepted. */
        @Override
        public Judgement judge(Trace trace) {
            List<Violation> out = new ArrayList<>();
            int judged = 0;
            // node + "/" + nonce -> the ping-sent audit, then the accepting outcome once consumed (lookups only)
            Map<String, TraceEvent> sent = new HashMap<>();
            Map<String, TraceEvent> accepted = new HashMap<>();
            for (TraceEvent e : trace.events()) {
                if (e.is(TraceEvent.Kind.AUDIT, "ping-sent")) {
                    sent.put(e.node() + "/" + e.field("nonce"), e);
                } else if (e.is(TraceEvent.Kind.OUTCOME, "pong-received") && "accepted".equals(e.field("result"))) {
                    judged++;
                    String key = e.node() + "/" + e.field("nonce");
                    TraceEvent ping = sent.get(key);
                    TraceEvent earlier = accepted.putIfAbsent(key, e);
                    if (ping == null) {
                        out.add(new Violation(PONG_ANSWERS_PING, e.node() + " accepted a pong for nonce "
                                + e.field("nonce") + " that it never sent", List.of(e)));
                    } else if (earlier != null) {
                        out.add(new Violation(PONG_ANSWERS_PING, e.node() + " accepted a second pong for its ping "
                                + e.field("seq") + " (nonce " + e.field("nonce") + ")", List.of(ping, earlier, e)));
                    }
                }
            }
            return new Judgement(judged, out);
        }
    }
}
