package org.trustlab.model.nspk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.checker.Step;

class NeedhamSchroederTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();

    @Test
    void findsLowesManInTheMiddleAttack() {
        CheckResult r = Checker.check(NeedhamSchroeder.model(false, 1), OPTS);
        assertThat(r.property("non-injective-agreement(auth-initiator)").passed()).isFalse();
        assertThat(r.property("injective-agreement(auth-initiator)").passed()).isFalse();
        assertThat(r.property("secrecy(nb)").passed()).isFalse();
        // The initiator's view is sound in NS too (Lowe 1995): only B is fooled.
        assertThat(r.property("non-injective-agreement(auth-responder)").passed()).isTrue();
        assertThat(r.property("injective-agreement(auth-responder)").passed()).isTrue();

        Counterexample cx = r.property("non-injective-agreement(auth-initiator)").counterexample();
        // A talks to I; I re-encrypts A's first message for B; B's answer goes to A; A decrypts Nb for I.
        assertThat(cx.steps()).extracting(Step::term).containsSubsequence(
                "aenc(pk(I), <Na#1, A>)",
                "aenc(pk(B), <Na#1, A>)",
                "aenc(pk(A), <Na#1, Nb#2>)",
                "aenc(pk(I), Nb#2)",
                "aenc(pk(B), Nb#2)");
        assertThat(cx.violation()).contains("B (run #2) commits auth-initiator with A")
                .contains("A never ran auth-initiator with B");
    }

    @Test
    void needhamSchroederLowePassesAtTheSameBounds() {
        for (int sessions = 1; sessions <= 2; sessions++) {
            CheckResult ns = Checker.check(NeedhamSchroeder.model(false, sessions), OPTS);
            CheckResult nsl = Checker.check(NeedhamSchroeder.model(true, sessions), OPTS);
            assertThat(ns.allPassed()).isFalse();
            assertThat(nsl.exhaustive()).isTrue();
            assertThat(nsl.properties()).as("NSL at %d sessions", sessions)
                    .allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
        }
    }
}
