package org.trustlab.model.autojoin;

import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;

class AutoJoinScratchTest {
    @Test
    void scratch() {
        for (int k = 1; k <= 2; k++) {
            for (AutoJoinModelMutant m : new AutoJoinModelMutant[] {null, AutoJoinModelMutant.NO_NONCE, AutoJoinModelMutant.NONCE_NOT_BOUND_TO_SESSION, AutoJoinModelMutant.NO_EXPIRY}) {
                long t0 = System.nanoTime();
                CheckResult r = Checker.check(AutoJoinModel.model(k, m), CheckOptions.defaults());
                long t1 = System.nanoTime();
                System.out.println(r.model() + " k=" + k + " explored=" + r.statesExplored() + " distinct=" + r.distinctStates() + " depth=" + r.depth() + " ms=" + (t1 - t0) / 1e6 + " B/state=" + r.visitedBytesPerState());
                r.properties().forEach(p -> {
                    System.out.println((p.passed() ? "PASS " : "FAIL ") + p.property());
                    if (!p.passed() && r.distinctStates() < 100000) System.out.println(p.counterexample().render());
                });
            }
        }
    }
}
