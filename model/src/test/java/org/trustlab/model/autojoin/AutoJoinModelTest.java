package org.trustlab.model.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.checker.PropertyResult;
import org.trustlab.model.checker.Step;

class AutoJoinModelTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();

    private static CheckResult mutant(AutoJoinModelMutant m) {
        return Checker.check(AutoJoinModel.model(AutoJoinModel.DEFAULT_SESSIONS, m),
                OPTS.stoppingWhenFailed(m.breaks()));
    }

    private static Counterexample counterexample(AutoJoinModelMutant m) {
        Counterexample cx = mutant(m).property(m.breaks()).counterexample();
        assertThat(cx).as(m.id()).isNotNull();
        return cx;
    }

    private static List<String> claims(Counterexample cx, String prefix) {
        return cx.steps().stream().filter(s -> s.kind() == Step.Kind.CLAIM).map(Step::term)
                .filter(t -> t.startsWith(prefix)).toList();
    }

    @Test
    void protocolPassesEveryPropertyInTheWidenedWorld() {
        // One V1 run keeps the unit test short; the default bounds (two V1 runs) run in the CLI and bench.
        CheckResult r = Checker.check(AutoJoinModel.model(1), OPTS);
        assertThat(r.exhaustive()).isTrue();
        // Pinned: the checker's encodings and memos must not change the state space; a model change that does
        // says so here (793,326 at the default bounds, checked by `trustlab check --protocol autojoin`).
        assertThat(r.distinctStates()).isEqualTo(52_622);
        assertThat(r.statesExplored()).isEqualTo(92_748);
        assertThat(r.visitedBytesPerState()).isLessThanOrEqualTo(16.0);
        assertThat(r.properties()).extracting(PropertyResult::property).containsExactly(
                "non-injective-agreement(auto-join)", "injective-agreement(auto-join)", "no-replay(auto-join)",
                "freshness(auto-join)", "secrecy(session-key)", AutoJoinModel.REVOCATION, AutoJoinModel.GRANT_COVERS,
                "reachable(auto-join)");
        assertThat(r.properties()).allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
        assertThat(r.property("reachable(auto-join)").reachedAtDepth()).isPositive();
    }

    @Test
    void theWorldHasTwoValidatorsTwoPurposesARevocationAndALeakedDeviceKey() {
        var m = AutoJoinModel.model(AutoJoinModel.DEFAULT_SESSIONS);
        assertThat(m.runs()).extracting(r -> r.self().toString())
                .containsExactly("A", "V1", "V1", "V2", "V1");
        assertThat(m.runs().get(4).role().name()).isEqualTo("Owner");
        assertThat(m.compromisedAt(AutoJoinModel.COMPROMISED)).isEqualTo(AutoJoinModel.LEAK_AT);
        assertThat(m.honest(AutoJoinModel.COMPROMISED)).isFalse();
        assertThat(m.leaks(AutoJoinModel.LEAK_AT)).hasSize(1);
        assertThat(AutoJoinModel.granted(AutoJoinModel.VALIDATOR_2, AutoJoinModel.REQUESTER,
                AutoJoinModel.AUTO_SYNCHRONIZE)).isTrue();
        assertThat(AutoJoinModel.granted(AutoJoinModel.VALIDATOR_2, AutoJoinModel.REQUESTER,
                AutoJoinModel.AUTO_JOIN)).isFalse();
    }

    @Test
    void withoutANonceAReplayedResponseIsAcceptedTwice() {
        Counterexample cx = counterexample(AutoJoinModelMutant.NO_NONCE);
        assertThat(claims(cx, "Commit(auto-join: V1, A")).hasSize(2);
        assertThat(claims(cx, "Running(auto-join: A, V1")).hasSize(1);
        // Both commits are on the very same challenge: nothing tells the two challenges apart.
        assertThat(claims(cx, "Commit(auto-join").stream().distinct()).hasSize(1);
        assertThat(cx.violation()).contains("for the second time");
    }

    @Test
    void withTheSessionOutsideTheSignatureAResponseJoinsAnotherSession() {
        Counterexample cx = counterexample(AutoJoinModelMutant.NONCE_NOT_BOUND_TO_SESSION);
        String running = claims(cx, "Running(auto-join: A, V1").get(0);
        String commit = claims(cx, "Commit(auto-join: V1, A").get(0);
        assertThat(running).contains(", s1, ");
        assertThat(commit).contains(", s2, ");
        assertThat(cx.violation()).contains("A never ran auto-join with V1 on that data");
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
    void withoutTheRecheckOnAcceptanceARevokedGrantStillAdmitsTheLeakedDevice() {
        Counterexample cx = counterexample(AutoJoinModelMutant.NO_GRANT_RECHECK);
        assertThat(claims(cx, "Fact(revoked: V1, <C, auto-join>")).hasSize(1);
        assertThat(claims(cx, "Commit(auto-join: V1, C")).hasSize(1);
        // C's key had leaked: the attacker signs as C.
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.message()).isEqualTo("leak"));
        assertThat(cx.violation()).contains("after revoking that grant");
    }

    @Test
    void aGrantLookupBlindToThePurposeAdmitsAPurposeNoGrantCovers() {
        Counterexample cx = counterexample(AutoJoinModelMutant.GRANT_SCOPE_IGNORED);
        assertThat(cx.violation()).contains("auto-synchronize").contains("which no grant of");
    }

    @Test
    void aSessionKeySentToAnUnsignedPresentedKeyReachesTheAttacker() {
        Counterexample cx = counterexample(AutoJoinModelMutant.SESSION_KEY_TO_PRESENTED_KEY);
        assertThat(cx.violation()).contains("the attacker derives K_s").contains("holds secret with A");
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.term()).contains("aenc(pk(I)"));
        // Before C's key leaks: the attack needs no compromised device.
        assertThat(cx.steps()).noneSatisfy(s -> assertThat(s.message()).isEqualTo("leak"));
    }

    @Test
    void aRequesterThatSignsAnyChallengeIsASigningOracle() {
        Counterexample cx = counterexample(AutoJoinModelMutant.REQUESTER_SIGNS_ANY_CHALLENGE);
        assertThat(cx.violation()).contains("A never ran auto-join with");
    }

    @Test
    void aModelThatNeverAcceptsFailsReachabilityAndNothingElse() {
        CheckResult r = Checker.check(AutoJoinModel.model(1, AutoJoinModelMutant.GRANTS_NEVER_FOUND), OPTS);
        assertThat(r.exhaustive()).isTrue();
        PropertyResult reach = r.property("reachable(auto-join)");
        assertThat(reach.passed()).isFalse();
        assertThat(reach.unreached()).contains("never completes");
        assertThat(r.anyViolated()).isTrue();
        // Every safety property holds, vacuously: the failure reachability exists to catch.
        assertThat(r.properties()).filteredOn(p -> !p.property().startsWith("reachable"))
                .allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
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
