package org.trustlab.model.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.autojoin.AutoJoinModelMutant;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.nspk.NeedhamSchroeder;

class CheckerTest {
    private static final CheckOptions ONE = CheckOptions.defaults().withThreads(1);
    private static final CheckOptions TWO = CheckOptions.defaults().withThreads(2);

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Model m = AutoJoinModel.model(1, AutoJoinModelMutant.NO_EXPIRY);
        CheckResult one = Checker.check(m, ONE);
        CheckResult two = Checker.check(m, TWO);
        CheckResult four = Checker.check(m, ONE.withThreads(4));
        for (CheckResult r : List.of(two, four)) {
            assertThat(r.distinctStates()).isEqualTo(one.distinctStates());
            assertThat(r.statesExplored()).isEqualTo(one.statesExplored());
            assertThat(r.depth()).isEqualTo(one.depth());
            assertThat(r.properties()).isEqualTo(one.properties());
        }
        assertThat(one.allPassed()).isFalse();
    }

    @Test
    void everyRunOfOneModelGivesTheSameCountsVerdictsAndCounterexamples() {
        // The step memo and the interner are shared by the workers and filled in whatever order they race; a
        // second search over the same semantics starts with both warm. Neither may change a count, a verdict or
        // a counterexample (which must stay the first shortest one in the sequential order).
        Model m = AutoJoinModel.model(1, AutoJoinModelMutant.NO_EXPIRY);
        Semantics shared = new Semantics(m);
        CheckResult first = new Checker(shared, TWO).run();
        CheckResult warm = new Checker(shared, TWO).run();
        CheckResult again = Checker.check(m, TWO);
        CheckResult single = Checker.check(m, ONE);
        assertThat(first.allPassed()).isFalse();
        assertThat(first.property("freshness(auto-join)").counterexample()).isNotNull();
        for (CheckResult r : List.of(warm, again, single)) {
            assertThat(r).isEqualTo(first);
        }
    }

    @Test
    void depthBoundCutsTheSearch() {
        Model m = NeedhamSchroeder.model(false, 1);
        CheckResult shallow = Checker.check(m, ONE.withDepth(3));
        assertThat(shallow.exhaustive()).isFalse();
        assertThat(shallow.depth()).isEqualTo(3);
        assertThat(shallow.allPassed()).as("Lowe's attack needs four steps").isTrue();
        CheckResult full = Checker.check(m, ONE);
        assertThat(full.exhaustive()).isTrue();
        assertThat(full.distinctStates()).isGreaterThan(shallow.distinctStates());
        assertThat(full.allPassed()).isFalse();
    }

    @Test
    void stateLimitCutsTheSearch() {
        CheckResult r = Checker.check(AutoJoinModel.model(1), ONE.withMaxStates(100));
        assertThat(r.exhaustive()).isFalse();
        assertThat(r.distinctStates()).isLessThan(1000);
    }

    @Test
    void stoppingOnFailureKeepsTheShortestCounterexample() {
        Model m = NeedhamSchroeder.model(false, 1);
        CheckResult early = Checker.check(m, ONE.stoppingOnFailure());
        CheckResult full = Checker.check(m, ONE);
        String p = "non-injective-agreement(auth-initiator)";
        assertThat(early.property(p).counterexample()).isEqualTo(full.property(p).counterexample());
        assertThat(early.distinctStates()).isLessThanOrEqualTo(full.distinctStates());
    }

    @Test
    void counterexamplesReplayStepByStep() {
        CheckResult r = Checker.check(NeedhamSchroeder.model(false, 1), ONE);
        Counterexample cx = r.property("secrecy(nb)").counterexample();
        assertThat(cx.depth()).isEqualTo(4);
        assertThat(cx.steps()).extracting(Step::index).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, cx.steps().size()).boxed().toList());
        assertThat(cx.steps().get(0).kind()).isEqualTo(Step.Kind.SEND);
        assertThat(cx.steps()).filteredOn(s -> s.kind() == Step.Kind.RECEIVE)
                .allSatisfy(s -> assertThat(s.from()).isEqualTo(Step.ATTACKER));
        assertThat(cx.render()).contains("violated: the attacker derives Nb#2");
    }

    @Test
    void symmetryReductionKeepsEveryVerdictAndCounterexampleLength() {
        for (Model m : List.of(NeedhamSchroeder.model(false, 2), NeedhamSchroeder.model(true, 2),
                org.trustlab.model.vouch.VouchModel.model(2, org.trustlab.model.vouch.VouchModelMutant.PROXIED_MAY_VOUCH),
                AutoJoinModel.model(1, AutoJoinModelMutant.NO_NONCE))) {
            CheckResult reduced = new Checker(new Semantics(m, true, true), ONE).run();
            CheckResult plain = new Checker(new Semantics(m, true, false), ONE).run();
            assertThat(reduced.distinctStates()).as(m.name()).isLessThanOrEqualTo(plain.distinctStates());
            if (m.name().startsWith("ns")) {
                assertThat(reduced.distinctStates()).as("two initiators, two responders").isLessThan(
                        plain.distinctStates() * 3 / 4);
            }
            for (PropertyResult p : plain.properties()) {
                PropertyResult q = reduced.property(p.property());
                assertThat(q.passed()).as(m.name() + " " + p.property()).isEqualTo(p.passed());
                if (!p.passed()) {
                    assertThat(q.counterexample().depth()).isEqualTo(p.counterexample().depth());
                }
            }
        }
    }
}
