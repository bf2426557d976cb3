package org.trustlab.model.checker;

/**
 * One line of a counterexample as a message sequence: who sends or receives what, or claims what, or the clock
 * ticking. Plain data so that reports can draw sequence diagrams. {@code from}/{@code to} are agents or
 * {@code attacker} (the network) or {@code clock}; {@code run} names the session ({@code A as Initiator #1}).
 */
public record Step(int index, int depth, int time, Kind kind, String from, String to, String run, String message,
        String term) {

    public enum Kind { SEND, RECEIVE, CLAIM, TICK }

    public static final String ATTACKER = "attacker";

    @Override
    public String toString() {
        String head = String.format("%3d. [t%d] ", index, time);
        return switch (kind) {
            case SEND -> head + from + " -> " + to + "  " + message + ": " + term + "  (" + run + ")";
            case RECEIVE -> head + from + " -> " + to + "  " + message + ": " + term + "  (" + run + ")";
            case CLAIM -> head + from + " claims " + term + "  (" + run + ")";
            case TICK -> head + "clock ticks to t" + (time + 1);
        };
    }
}
