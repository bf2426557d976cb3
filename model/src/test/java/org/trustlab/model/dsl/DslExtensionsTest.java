package org.trustlab.model.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustlab.model.term.Terms.k;
import static org.trustlab.model.term.Terms.senc;
import static org.trustlab.model.term.Terms.tag;
import static org.trustlab.model.term.Terms.tuple;

import org.junit.jupiter.api.Test;
import org.trustlab.model.attacker.Knowledge;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Var;

/**
 * The DSL's textbook features: keys shared by two agents, messages forwarded unopened, knowledge leaked later,
 * reachability. A sends a nonce to C under k(A,C) through B, who forwards the ciphertext without opening it.
 */
class DslExtensionsTest {
    private static final Agent A = new Agent("A");
    private static final Agent B = new Agent("B");
    private static final Agent C = new Agent("C");
    private static final Agent I = new Agent("I");
    private static final Name MSG1 = tag("msg1");
    private static final Name MSG2 = tag("msg2");
    private static final Var SELF = Var.agent("self");
    private static final Var PEER = Var.agent("peer");
    private static final Var NA = Var.nonce("NA");
    private static final Var NR = Var.nonce("NR");
    private static final Var TICKET = Var.msg("ticket");
    private static final Var FROM = Var.agent("from");

    private static Model.Builder relay(boolean receiverAccepts) {
        Role sender = Role.named("Sender", SELF, PEER).fresh(NA)
                .running("delivery", SELF, PEER, NA)
                .send("msg1", tuple(MSG1, SELF, senc(k(SELF, PEER), NA)))
                .secret("na", NA, SELF, PEER).build();
        // B forwards what it cannot open.
        Role forwarder = Role.named("Forwarder", SELF).recv("msg1", tuple(MSG1, FROM, TICKET))
                .send("msg2", tuple(MSG2, FROM, TICKET)).build();
        Role receiver = Role.named("Receiver", SELF).recv("msg2", tuple(MSG2, FROM, senc(k(FROM, SELF), NR)))
                .require("ACCEPTS", b -> receiverAccepts, FROM)
                .commit("delivery", SELF, FROM, NR).build();
        return Model.builder("relay").honest(A, B, C).dishonest(I).time(1, 1)
                .run(Run.of(sender, A).with(PEER, C)).run(Run.of(forwarder, B)).run(Run.of(receiver, C))
                .property(Property.secrecy("na")).property(Property.agreement("delivery"))
                .property(Property.reachable("delivery"));
    }

    @Test
    void aForwardedTicketUnderASharedKeyReachesItsReceiverAndStaysSecret() {
        CheckResult r = Checker.check(relay(true).build(), CheckOptions.defaults());
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.properties()).allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
        // The attacker may itself carry the ticket from A to C: two transitions.
        assertThat(r.property("reachable(delivery)").reachedAtDepth()).isEqualTo(2);
    }

    @Test
    void theForwarderTakesTheCiphertextItCannotOpenOrJunkButNothingItWouldHaveToBuild() {
        org.trustlab.model.checker.Semantics sem = new org.trustlab.model.checker.Semantics(relay(true).build());
        var afterSend = sem.successors(sem.initial()).get(0);
        assertThat(afterSend.run()).isZero();
        var forwards = sem.successors(afterSend.state()).stream().filter(x -> x.run() == 1)
                .map(x -> x.received().toString()).toList();
        assertThat(forwards).contains("<msg1, A, senc(k(A, C), NA#1)>", "<msg1, A, junk>");
        // The ticket is never opened or rebuilt: no tuple the attacker composed stands in for it.
        assertThat(forwards).noneSatisfy(f -> assertThat(f).contains("<msg1, A, <"));
    }

    @Test
    void theAttackerHoldsTheKeysItsAgentsShareAndNoOthers() {
        Model m = relay(true).build();
        Knowledge k = Knowledge.of(m.attackerKnowledge());
        assertThat(k.derives(k(I, A))).isTrue();
        assertThat(k.derives(k(C, I))).isTrue();
        assertThat(k.derives(k(A, C))).isFalse();
        // Nor can it build one from the agents' names.
        assertThat(k.composes(k(A, C))).isFalse();
    }

    @Test
    void aSharedKeyLeakedLaterOpensWhatWasSentUnderIt() {
        CheckResult r = Checker.check(relay(true).leak(1, k(A, C)).build(), CheckOptions.defaults());
        Counterexample cx = r.property("secrecy(na)").counterexample();
        assertThat(cx).isNotNull();
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.message()).isEqualTo("leak"));
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.term()).isEqualTo("k(A, C)"));
        assertThat(cx.violation()).contains("the attacker derives NA#1");
        // Before the leak nothing is derivable: the secret needs the tick.
        assertThat(Checker.check(relay(true).build(), CheckOptions.defaults()).property("secrecy(na)").passed())
                .isTrue();
    }

    @Test
    void aLeakedPrivateKeyCompromisesItsOwnerFromThatTick() {
        Model m = relay(true).leak(1, org.trustlab.model.term.Terms.sk(A)).build();
        assertThat(m.compromisedAt(A)).isEqualTo(1);
        assertThat(m.compromisedAt(B)).isEqualTo(Integer.MAX_VALUE);
        assertThat(m.compromisedAt(I)).isZero();
        assertThat(m.honest(A)).isFalse();
        assertThat(m.honest(B)).isTrue();
    }

    @Test
    void leaksAndFindingsAreCheckedWhenTheModelIsBuilt() {
        assertThatThrownBy(() -> relay(true).leak(0, k(A, C))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> relay(true).leak(2, k(A, C)).build()).hasMessageContaining("after its last tick");
        assertThatThrownBy(() -> relay(true).finding("no-such-property", "why").build())
                .hasMessageContaining("unknown property");
    }

    @Test
    void aModelThatNeverReachesItsCommitFailsReachability() {
        CheckResult r = Checker.check(relay(false).build(), CheckOptions.defaults());
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.property("reachable(delivery)").passed()).isFalse();
        assertThat(r.property("reachable(delivery)").unreached()).contains("never completes");
        assertThat(r.property("non-injective-agreement(delivery)").passed()).as("vacuously").isTrue();
        assertThat(r.anyViolated()).isTrue();
    }

    @Test
    void reachabilityCutShortByABoundIsUndecidedNotFailed() {
        CheckResult r = Checker.check(relay(true).build(), CheckOptions.defaults().withDepth(1));
        assertThat(r.exhaustive()).isFalse();
        assertThat(r.limit()).isEqualTo("depth");
        assertThat(r.property("reachable(delivery)").unreached()).contains("within the 1 levels searched");
        assertThat(r.anyViolated()).isFalse();
    }

    @Test
    void theCollisionBoundGrowsWithTheSquareOfTheStates() {
        CheckResult r = Checker.check(relay(true).build(), CheckOptions.defaults());
        double n = r.distinctStates();
        assertThat(r.fingerprintCollisionBound()).isCloseTo(n * (n - 1) / 2 / Math.pow(2, 64),
                org.assertj.core.data.Offset.offset(1e-30));
        assertThat(r.fingerprintCollisionBound()).isLessThan(1e-12);
    }

    @Test
    void aStateLimitAndCancellationEndTheSearchWithWhatItReached() {
        Model m = relay(true).build();
        CheckResult capped = Checker.check(m, CheckOptions.defaults().withMaxStates(3));
        assertThat(capped.exhaustive()).isFalse();
        assertThat(capped.limit()).isEqualTo("states");
        assertThat(capped.distinctStates()).isEqualTo(3);
        CheckResult cancelled = Checker.check(m, CheckOptions.defaults().cancelledWhen(() -> true));
        assertThat(cancelled.limit()).isEqualTo("cancelled");
        assertThat(cancelled.distinctStates()).isEqualTo(1);
    }
}
