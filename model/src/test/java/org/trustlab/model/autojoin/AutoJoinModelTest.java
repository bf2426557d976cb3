package org.trustlab.model.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.checker.Step;

class AutoJoinModelTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();

    private static CheckResult mutant(AutoJoinModelMutant m) {
        return Checker.check(AutoJoinModel.model(AutoJoinModel.DEFAULT_SESSIONS, m),
                OPTS.stoppingWhenFailed(m.breaks()));
    }

    private static List<String> claims(Counterexample cx, String prefix) {
        return cx.steps().stream().filter(s -> s.kind() == Step.Kind.CLAIM).map(Step::term)
                .filter(t -> t.startsWith(prefix)).toList();
    }

    @Test
    void protocolPassesEveryPropertyAtDefaultBounds() {
        CheckResult r = Checker.check(AutoJoinModel.model(AutoJoinModel.DEFAULT_SESSIONS), OPTS);
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.distinctStates()).isGreaterThan(100_000);
        assertThat(r.visitedBytesPerState()).isLessThanOrEqualTo(16.0);
        assertThat(r.properties()).extracting(p -> p.property()).containsExactly(
                "non-injective-agreement(auto-join)", "injective-agreement(auto-join)", "no-replay(auto-join)",
                "freshness(auto-join)", "secrecy(session-key)");
        assertThat(r.properties()).allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
    }

    @Test
    void withoutANonceAReplayedResponseIsAcceptedTwice() {
        CheckResult r = mutant(AutoJoinModelMutant.NO_NONCE);
        Counterexample cx = r.property("injective-agreement(auto-join)").counterexample();
        assertThat(cx).isNotNull();
        assertThat(claims(cx, "Commit(auto-join: V, A")).hasSize(2);
        assertThat(claims(cx, "Running(auto-join: A, V")).hasSize(1);
        // Both commits are on the very same challenge: nothing tells the two challenges apart.
        assertThat(claims(cx, "Commit(auto-join").stream().distinct()).hasSize(1);
        assertThat(cx.violation()).contains("for the second time");
    }

    @Test
    void withTheSessionOutsideTheSignatureAResponseJoinsAnotherSession() {
        CheckResult r = mutant(AutoJoinModelMutant.NONCE_NOT_BOUND_TO_SESSION);
        Counterexample cx = r.property("non-injective-agreement(auto-join)").counterexample();
        assertThat(cx).isNotNull();
        String running = claims(cx, "Running(auto-join: A, V").get(0);
        String commit = claims(cx, "Commit(auto-join: V, A").get(0);
        assertThat(running).contains(", s1, ");
        assertThat(commit).contains(", s2, ");
        assertThat(cx.violation()).contains("A never ran auto-join with V on that data");
    }

    @Test
    void withoutAnExpiryCheckAStaleResponseIsAccepted() {
        CheckResult r = mutant(AutoJoinModelMutant.NO_EXPIRY);
        Counterexample cx = r.property("freshness(auto-join)").counterexample();
        assertThat(cx).isNotNull();
        assertThat(cx.steps()).filteredOn(s -> s.kind() == Step.Kind.TICK).hasSizeGreaterThanOrEqualTo(2);
        Step commit = cx.steps().stream().filter(s -> s.term().startsWith("Commit(")).findFirst().orElseThrow();
        assertThat(commit.time()).isGreaterThan(AutoJoinModel.VALIDITY);
        assertThat(r.property("injective-agreement(auto-join)").passed()).isTrue();
    }

    @Test
    void everyMutantIsNamedAndBreaksAPropertyTheModelDeclares() {
        for (AutoJoinModelMutant m : AutoJoinModelMutant.values()) {
            assertThat(AutoJoinModelMutant.byId(m.id())).contains(m);
            assertThat(AutoJoinModel.model(1, m).properties()).extracting(p -> p.name()).contains(m.breaks());
        }
        assertThat(AutoJoinModelMutant.byId("no-such-mutant")).isEmpty();
    }
}
