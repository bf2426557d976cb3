package org.trustlab.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.protocol.Vocabulary;

/**
 * The small changes to an expectation that a run must notice: accepted and rejected swapped, another reason code, a
 * count one up or down, an invariant verdict (held, violated, vacuous) changed, never and present swapped, before and after swapped. An
 * expectation whose every mutant still passes on its scenario's run cannot fail and so checks nothing; a test runs
 * every shipped scenario through these.
 */
public final class ExpectationMutants {
    private ExpectationMutants() {}

    /** One changed expectation and what was changed. */
    public record Mutant(String change, Expectation expectation) {}

    public static List<Mutant> of(Expectation e, Vocabulary words) {
        List<Mutant> out = new ArrayList<>();
        if (e instanceof Expectation.InvariantExpected i) {
            for (InvariantVerdict other : InvariantVerdict.values()) {
                if (other != i.verdict()) {
                    out.add(new Mutant(i.verdict().word() + " -> " + other.word(),
                            new Expectation.InvariantExpected(i.invariant(), other)));
                }
            }
            return out;
        }
        Expectation.EventExpected ev = (Expectation.EventExpected) e;
        Expectation.Quantity q = ev.quantity();
        if (q.isNever()) {
            out.add(new Mutant("never -> present", ev.withQuantity(Expectation.Quantity.SOME)));
            return out;
        }
        Expectation.Match m = ev.match();
        if (m.result() == Expectation.Result.ACCEPTED) {
            out.add(new Mutant("accepted -> rejected", ev.withMatch(m.withResult(Expectation.Result.REJECTED,
                    Optional.empty()))));
        } else if (m.result() == Expectation.Result.REJECTED) {
            out.add(new Mutant("rejected -> accepted", ev.withMatch(m.withResult(Expectation.Result.ACCEPTED,
                    Optional.empty()))));
        }
        if (m.reason().isPresent()) {
            for (String other : words.reasons()) {
                if (!other.equals(m.reason().get())) {
                    out.add(new Mutant("reason -> " + other, ev.withMatch(m.withResult(m.result(),
                            Optional.of(other)))));
                }
            }
        }
        out.add(new Mutant("present -> never", ev.withQuantity(Expectation.Quantity.NEVER)));
        if (q.min() == q.max()) {
            out.add(new Mutant("count + 1", ev.withQuantity(Expectation.Quantity.exactly(q.min() + 1))));
            out.add(new Mutant("count - 1", ev.withQuantity(Expectation.Quantity.exactly(q.min() - 1))));
        } else {
            if (!q.equals(Expectation.Quantity.SOME)) {
                // the default "at least one" is already broken by never; a bound the file states moves by one
                out.add(new Mutant("at-least + 1", ev.withQuantity(new Expectation.Quantity(q.min() + 1,
                        q.max() >= 0 ? Math.max(q.max(), q.min() + 1) : -1))));
            }
            if (q.max() >= 1) {
                out.add(new Mutant("at-most - 1", ev.withQuantity(new Expectation.Quantity(
                        Math.min(q.min(), q.max() - 1), q.max() - 1))));
            }
        }
        ev.order().ifPresent(o -> out.add(new Mutant(o.before() ? "before -> after" : "after -> before",
                ev.withOrder(Optional.of(new Expectation.Order(!o.before(), o.other()))))));
        return out;
    }
}
