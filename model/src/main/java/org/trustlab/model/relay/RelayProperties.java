package org.trustlab.model.relay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Tuple;

/**
 * The relay's two properties, over the claim history: the slot table is rebuilt from the relay's slot-table facts
 * (the model's world state), and who really holds which registration_secret from the agents' own registration
 * claims, never from the relay's verdicts.
 */
final class RelayProperties {
    private RelayProperties() {
    }

    static Property slotIntegrity() {
        return Property.invariant(RelayModel.SLOT_INTEGRITY,
                "No slot's learned proof is replaced by a registration that did not present it.",
                RelayProperties::replacement);
    }

    static Property squatAvailability() {
        return Property.invariant(RelayModel.SQUAT_AVAILABILITY,
                "A real agent that registers its slot is refused only in favour of a secret of an install of its "
                        + "own machine: nobody else can claim the slot first.",
                RelayProperties::squat);
    }

    private static Optional<String> replacement(Event e, List<Event> all) {
        if (!isFact(e, RelayModel.FACT_SLOT_TABLE) || !SlotTable.outcome(e.data()).equals(RelayModel.LEARNED)) {
            return Optional.empty();
        }
        Term slot = SlotTable.slot(e.data());
        Optional<Term> held = SlotTable.proof(table(all, e), slot);
        Term stored = SlotTable.secret(e.data());
        if (held.isEmpty() || held.get().equals(stored)) {
            return Optional.empty();
        }
        return Optional.of(e.actor() + " (run #" + (e.run() + 1) + ") stores " + stored + " as the proof of slot "
                + slot + ", which held " + held.get() + ": replaced by a registration that never presented it");
    }

    private static Optional<String> squat(Event e, List<Event> all) {
        boolean refusedFirst = isFact(e, RelayModel.FACT_PROOF_CHECK)
                && !SlotTable.outcome(e.data()).equals(RelayModel.OK);
        boolean refusedUnderLock = isFact(e, RelayModel.FACT_SLOT_TABLE)
                && SlotTable.outcome(e.data()).equals(RelayModel.PROOF_RACE_LOST);
        if (!refusedFirst && !refusedUnderLock) {
            return Optional.empty();
        }
        Term slot = SlotTable.slot(e.data());
        Set<Term> genuine = genuineSecrets(all, slot);
        Term presented = SlotTable.secret(e.data());
        if (!genuine.contains(presented)) {
            return Optional.empty();
        }
        Optional<Term> held = SlotTable.proof(table(all, e), slot);
        // TOFU's own rule: a machine paired again is refused in favour of its earlier install, not of a squatter.
        if (held.isPresent() && genuine.contains(held.get())) {
            return Optional.empty();
        }
        return Optional.of(e.actor() + " (run #" + (e.run() + 1) + ") refuses the real agent's registration of slot "
                + slot + " (" + SlotTable.outcome(e.data()) + "): the slot "
                + held.map(h -> "holds " + h + ", which no install of that machine registered")
                        .orElse("is open and the agent's own statement is refused"));
    }

    /** The secrets the real agents registered for {@code slot}, from their own registration claims. */
    private static Set<Term> genuineSecrets(List<Event> all, Term slot) {
        Set<Term> out = new LinkedHashSet<>();
        for (Event x : all) {
            if (x.kind() == ClaimKind.RUNNING && x.label().equals(RelayModel.CLAIM_REGISTRATION)
                    && x.data() instanceof Tuple t && t.items().get(0).equals(slot)) {
                out.add(t.items().get(1));
            }
        }
        return out;
    }

    /** The slot-table entries written before {@code e}, oldest first: what the relay read when it decided. */
    private static List<Term> table(List<Event> all, Event e) {
        List<Term> out = new ArrayList<>();
        for (Event x : all) {
            if (x == e) {
                break;
            }
            if (isFact(x, RelayModel.FACT_SLOT_TABLE)) {
                out.add(x.data());
            }
        }
        return out;
    }

    private static boolean isFact(Event e, String label) {
        return e.kind() == ClaimKind.FACT && e.label().equals(label);
    }
}
