package org.trustlab.model.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.tuple;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Var;
import org.trustlab.model.vouch.VouchModel;
import org.trustlab.model.vouch.VouchModelMutant;

class SemanticsTest {
    private static final Agent ALICE = new Agent("A");
    private static final Agent BOB = new Agent("B");
    private static final Agent EVE = new Agent("E");
    private static final Var A = Var.agent("A");
    private static final Var B = Var.agent("B");
    private static final Var N = Var.nonce("N");

    private static Model oneShot(boolean refuseEve) {
        Role sender = Role.named("Sender", A)
                .choose(B, b -> !b.get(B).equals(b.get(A)))
                .require("never to E", b -> !refuseEve || !b.get(B).equals(EVE))
                .fresh(N)
                .send("hello", aenc(pk(B), tuple(N, A)))
                .build();
        return Model.builder("one-shot").honest(ALICE, BOB).dishonest(EVE).run(Run.of(sender, ALICE))
                .property(Property.secrecy("none")).build();
    }

    @Test
    void factsListsAnActorsFactsOfALabelOldestFirstIncludingTheStepsOwn() {
        Var seen = Var.msg("seen");
        org.trustlab.model.term.Name one = org.trustlab.model.term.Terms.tag("one");
        org.trustlab.model.term.Name two = org.trustlab.model.term.Terms.tag("two");
        Role writer = Role.named("Writer", A)
                .fact("v", A, one)
                .fact("other", A, two)
                .fact("v", A, two)
                // What a store reads as its current value: the newest fact for the key, written in this very step.
                .let(seen, b -> tuple(b.facts("v", b.get(A)).toArray(new org.trustlab.model.term.Term[0])))
                .send("seen", seen)
                .build();
        Role bob = Role.named("Other", A).fact("v", A, org.trustlab.model.term.Terms.tag("bob's")).build();
        Model m = Model.builder("facts").honest(ALICE, BOB).dishonest(EVE).run(Run.of(bob, BOB))
                .run(Run.of(writer, ALICE)).property(Property.secrecy("none")).build();
        Semantics sem = new Semantics(m);
        Successor afterBob = sem.successors(sem.initial()).get(0);
        Successor written = sem.successors(afterBob.state()).get(0);
        assertThat(written.outputs()).filteredOn(o -> o.event() == null)
                .extracting(o -> o.term().toString()).containsExactly("<one, two>");
    }

    @Test
    void choicesBranchAndFailedChecksDropTheStep() {
        Semantics all = new Semantics(oneShot(false));
        List<Successor> s = all.successors(all.initial());
        assertThat(s).extracting(x -> x.outputs().get(0).term().toString())
                .containsExactly("aenc(pk(B), <N#1, A>)", "aenc(pk(E), <N#1, A>)");
        Semantics picky = new Semantics(oneShot(true));
        assertThat(picky.successors(picky.initial())).hasSize(1);
    }

    @Test
    void sendsReachTheAttackerAndFreshValuesAreNamedByRun() {
        Semantics sem = new Semantics(oneShot(false));
        Successor toEve = sem.successors(sem.initial()).get(1);
        assertThat(toEve.state().knowledge().derives(new org.trustlab.model.term.Nonce("N#1"))).isTrue();
        Successor toBob = sem.successors(sem.initial()).get(0);
        assertThat(toBob.state().knowledge().derives(new org.trustlab.model.term.Nonce("N#1"))).isFalse();
        assertThat(toBob.state().fingerprint()).isNotEqualTo(toEve.state().fingerprint());
        assertThat(sem.successors(toBob.state())).as("the run is done").isEmpty();
    }

    @Test
    void earlyChecksChangeOnlyTheSearchNotTheSuccessors() {
        // The same vouch model with and without declared guard reads must have the same transitions.
        for (VouchModelMutant m : new VouchModelMutant[] {null, VouchModelMutant.PROXIED_MAY_VOUCH}) {
            Semantics early = new Semantics(VouchModel.model(2, m));
            Semantics late = new Semantics(VouchModel.model(2, m), false);
            ArrayDeque<State> todo = new ArrayDeque<>(List.of(early.initial()));
            Set<Long> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                State s = todo.pop();
                if (!seen.add(s.fingerprint())) {
                    continue;
                }
                List<Long> a = early.successors(s).stream().map(x -> x.state().fingerprint()).toList();
                List<Long> b = late.successors(s).stream().map(x -> x.state().fingerprint()).toList();
                assertThat(a).isEqualTo(b);
                early.successors(s).forEach(x -> todo.push(x.state()));
            }
            assertThat(seen).hasSizeGreaterThan(100);
        }
    }
}
