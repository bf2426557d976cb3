package org.trustlab.properties.relay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trustlab.properties.relay.RelayTrace.Answer;
import org.trustlab.properties.relay.RelayTrace.Delivered;
import org.trustlab.properties.relay.RelayTrace.RelayCrash;
import org.trustlab.properties.relay.RelayTrace.Revoked;
import org.trustlab.properties.relay.RelayTrace.Step;

/**
 * The slot table as it must be, rebuilt from the wire and the configured cap alone: a slot learns the proof of its
 * first successful registration, a successful registration makes it the most recently seen, and past the cap the
 * least recently seen is forgotten (re-opened). Each answer of the relay is paired with the registration it
 * answers and judged against this table; the relay's own account of its store is never read.
 */
final class SlotTable {
    /** What a Registered answer did to the table. */
    enum Effect {
        /** The slot was open: its proof is learned now. */
        LEARNED,
        /** The presented proof is the learned one. */
        MATCHED,
        /** The presented proof differs from the learned one: a replacement without the learned secret. */
        REPLACED,
        /** The slot was revoked by the operator. */
        REVOKED,
        /** The proof is longer than the store keeps: the slot stays open. */
        NOT_STORED,
        /** Two proofs shorter than a secret, whose equality the wire does not show. */
        UNDECIDED
    }

    /** One answer of the relay with the registration it answers (null when none was pending) and, if Registered, its effect. */
    record Judged(Answer answer, Delivered request, Effect effect, String learnedBefore, int liveBefore) {}

    private final RelayTrace trace;
    private final LinkedHashMap<String, Delivered> learned = new LinkedHashMap<>();
    private final Set<String> live = new LinkedHashSet<>();
    private final Set<String> revoked = new LinkedHashSet<>();
    private final Map<String, List<Delivered>> pending = new HashMap<>();
    final List<Judged> judged = new ArrayList<>();

    SlotTable(RelayTrace trace) {
        this.trace = trace;
        for (Step s : trace.steps) {
            apply(s);
        }
    }

    private void apply(Step s) {
        if (s instanceof Delivered d) {
            pending.computeIfAbsent(d.source() + "\n" + d.slot(), k -> new ArrayList<>()).add(d);
        } else if (s instanceof Revoked r) {
            revoked.add(r.slot());
            learned.remove(r.slot());
            live.remove(r.slot());
        } else if (s instanceof RelayCrash) {
            // The source keeps its proofs in memory: a restart re-opens every slot.
            learned.clear();
            live.clear();
            pending.clear();
        } else if (s instanceof Answer a) {
            answer(a);
        }
    }

    private void answer(Answer a) {
        Delivered before = learned.get(a.slot());
        String learnedProof = before == null ? null : before.proof();
        Delivered request = take(a, learnedProof).orElse(null);
        int liveBefore = live.size();
        if (!a.registered() || request == null) {
            judged.add(new Judged(a, request, null, learnedProof, liveBefore));
            return;
        }
        Effect effect;
        if (revoked.contains(a.slot())) {
            effect = Effect.REVOKED;
        } else if (before == null) {
            effect = request.proofBytes() > trace.maxProofBytes ? Effect.NOT_STORED : Effect.LEARNED;
        } else if (before.proof().equals(request.proof())) {
            effect = Effect.MATCHED;
        } else if (!before.knownProof() && !request.knownProof()) {
            effect = Effect.UNDECIDED;
        } else {
            effect = Effect.REPLACED;
        }
        judged.add(new Judged(a, request, effect, learnedProof, liveBefore));
        live.add(a.slot());
        if (effect == Effect.LEARNED) {
            learned.put(a.slot(), request);
            evict();
        } else if (effect != Effect.NOT_STORED && effect != Effect.REVOKED) {
            // seen: most recent; a replacement leaves whatever the relay now holds unknown, so keep the first proof
            learned.put(a.slot(), learned.remove(a.slot()));
        }
    }

    private void evict() {
        while (learned.size() > trace.proofStoreCap) {
            Iterator<String> eldest = learned.keySet().iterator();
            String slot = eldest.next();
            eldest.remove();
            live.remove(slot);
        }
    }

    /** The pending registration an answer answers: for Registered the one with the learned proof if any. */
    private Optional<Delivered> take(Answer a, String learnedProof) {
        List<Delivered> candidates = pending.get(a.to() + "\n" + a.slot());
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        int pick = 0;
        for (int i = 0; i < candidates.size(); i++) {
            boolean same = candidates.get(i).proof().equals(learnedProof);
            if (a.registered() == same) {
                pick = i;
                break;
            }
        }
        return Optional.of(candidates.remove(pick));
    }
}
