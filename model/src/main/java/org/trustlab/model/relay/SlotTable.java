package org.trustlab.model.relay;

import java.util.List;
import java.util.Optional;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Tuple;

/**
 * The relay's proof store as the model keeps it: an append-only list of the outcomes of its writes under the lock,
 * each {@code (slot, registration_secret, outcome)}. A slot's learned proof is the secret of its newest
 * {@link RelayModel#LEARNED} entry; a slot with none is open (trust on first use).
 */
final class SlotTable {
    private SlotTable() {
    }

    /** The proof {@code slot} holds after {@code entries} (the data of the slot-table facts, oldest first). */
    static Optional<Term> proof(List<Term> entries, Term slot) {
        Term held = null;
        for (Term e : entries) {
            if (e instanceof Tuple t && t.items().get(0).equals(slot) && t.items().get(2).equals(RelayModel.LEARNED)) {
                held = t.items().get(1);
            }
        }
        return Optional.ofNullable(held);
    }

    static Term slot(Term entry) {
        return ((Tuple) entry).items().get(0);
    }

    static Term secret(Term entry) {
        return ((Tuple) entry).items().get(1);
    }

    static Term outcome(Term entry) {
        return ((Tuple) entry).items().get(2);
    }
}
