package org.trustlab.model.nspk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;

class NeedhamSchroederTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();

    @Test
    void findsLowesManInTheMiddleAttack() {
        for (int k = 1; k <= 2; k++) {
        CheckResult r = Checker.check(NeedhamSchroeder.model(false, k), OPTS);
        System.out.println(r.statesExplored() + " " + r.distinctStates()+ " " + r.depth());
        r.properties().forEach(p -> {
            System.out.println((p.passed() ? "PASS " : "FAIL ") + p.property());
        });
        r = Checker.check(NeedhamSchroeder.model(true, k), OPTS);
        System.out.println(r.statesExplored() + " " + r.distinctStates()+ " " + r.depth());
        r.properties().forEach(p -> {
            System.out.println((p.passed() ? "PASS " : "FAIL ") + p.property());
            if (!p.passed()) {
                System.out.println(p.counterexample().render());
            }
        });
        }
    }
}
