package org.trustlab.model.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A property the checker verifies over every reachable transition, stated over claim events with a label.
 * Agreement follows Lowe's hierarchy ("A hierarchy of authentication specifications", CSFW 1997): a COMMIT by
 * B with peer A on data d needs a RUNNING by A with peer B on d (non-injective), and one such RUNNING of its
 * own, distinct from those matched to other commits (injective). Claims whose peer is the attacker are exempt:
 * nobody promises authentication to a dishonest partner.
 */
public sealed interface Property {
    /** The name printed in verdicts, e.g. {@code injective-agreement(join)}. */
    String name();

    /** One sentence a reviewer can hold the protocol to. */
    String statement();

    static Property secrecy(String label) {
        return new Secrecy(label);
    }

    static Property agreement(String label) {
        return new Agreement(label, false);
    }

    static Property injectiveAgreement(String label) {
        return new Agreement(label, true);
    }

    static Property noReplay(String label) {
        return new NoReplay(label);
    }

    static Property freshness(String label, int maxAge) {
        return new Freshness(label, maxAge);
    }

    static Property reachable(String label) {
        return new Reachable(label);
    }

    static Property invariant(String name, String statement, EventCheck check) {
        return new Invariant(name, statement, check);
    }

    /**
     * The attacker never derives a SECRET claim's data while both parties are honest. Data that some SECRET claim
     * also shares with a dishonest or compromised party is exempt: its holder handed it to the attacker.
     */
    record Secrecy(String label) implements Property {
        @Override
        public String name() {
            return "secrecy(" + label + ")";
        }

        @Override
        public String statement() {
            return "The attacker never learns the " + label + " claimed secret between two honest parties.";
        }
    }

    record Agreement(String label, boolean injective) implements Property {
        @Override
        public String name() {
            return (injective ? "injective-agreement(" : "non-injective-agreement(") + label + ")";
        }

        @Override
        public String statement() {
            return injective
                    ? "Every " + label + " commit matches its own distinct run of the honest peer on the same data."
                    : "Every " + label + " commit matches some run of the honest peer on the same data.";
        }
    }

    /** No two commits by the same actor on the same data: a challenge or vouch is consumed at most once. */
    record NoReplay(String label) implements Property {
        @Override
        public String name() {
            return "no-replay(" + label + ")";
        }

        @Override
        public String statement() {
            return "No " + label + " is accepted twice on the same data.";
        }
    }

    /**
     * Recent agreement: a commit whose matching runs of the peer exist must match one at most {@code maxAge}
     * ticks old, on the committing party's clock. (Commits with no matching run at all are agreement's
     * failures, so each property points at one defect.)
     */
    record Freshness(String label, int maxAge) implements Property {
        @Override
        public String name() {
            return "freshness(" + label + ")";
        }

        @Override
        public String statement() {
            return "Every " + label + " commit matches a run of the peer at most " + maxAge + " ticks old.";
        }
    }

    /**
     * Reachability, the sanity check behind every safety verdict: some honest run commits {@code label} (actor
     * and peer never compromised) within the bounds. A model whose honest runs never reach their commit passes
     * every agreement property vacuously; this property fails it instead.
     */
    record Reachable(String label) implements Property {
        @Override
        public String name() {
            return "reachable(" + label + ")";
        }

        @Override
        public String statement() {
            return "An honest run can complete: some " + label + " commit between honest parties is reachable.";
        }
    }

    /** A protocol-specific rule over claim events (e.g. no multi-hop trust). */
    record Invariant(String name, String statement, EventCheck check) implements Property {
    }

    /** Checks one newly emitted event against all events so far; a present result describes the violation. */
    @FunctionalInterface
    interface EventCheck {
        Optional<String> violation(Event emitted, List<Event> all);
    }
}
