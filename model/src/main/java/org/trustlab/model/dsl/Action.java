package org.trustlab.model.dsl;

import java.util.function.Function;
import org.trustlab.model.attacker.Pattern;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * One step of a role, compiled: variables are slots of the run's environment. A run executes from one
 * {@link Recv} to the next atomically (receive, then compute, check, claim and send), which is the usual
 * reduction for security protocols: sends and claims never need to be interleaved with other runs' steps
 * because the attacker can always postpone delivering what was sent.
 */
public sealed interface Action {
    /** Wait for a message matching {@code pattern}; the attacker chooses which derivable instance arrives. */
    record Recv(String message, Pattern pattern) implements Action {
    }

    /** Send a message; it goes to the attacker (the network). */
    record Send(String message, Pattern pattern) implements Action {
    }

    /** Bind a fresh nonce or key, unique to this run. */
    record Fresh(Var var, int slot) implements Action {
    }

    /** Bind a variable to a computed value (e.g. expiry = issued-at + validity). */
    record Let(Var var, int slot, Function<Bindings, Term> value) implements Action {
    }

    /**
     * A check; when it fails the step is not taken. {@code reads} is the mask of the slots the guard reads, or -1
     * when undeclared; a check with declared reads that directly follows a receive is also applied while the
     * attacker's delivery is being chosen, so refused deliveries are never completed.
     */
    record Require(String check, Guard guard, long reads) implements Action {
    }

    /** A nondeterministic choice over the universe of a public sort (e.g. which peer to talk to). */
    record Choose(Var var, int slot, Guard allowed) implements Action {
    }

    /** A claim event. {@code timeSlot} records when a RUNNING happened (freshness needs it), else -1. */
    record Claim(ClaimKind kind, String label, Pattern actor, Pattern peer, Pattern data, int timeSlot)
            implements Action {
    }
}
