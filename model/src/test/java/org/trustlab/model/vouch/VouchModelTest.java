package org.trustlab.model.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.checker.Step;

class VouchModelTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();

    private static Counterexample counterexample(VouchModelMutant m) {
        CheckResult r = Checker.check(VouchModel.model(VouchModel.DEFAULT_SESSIONS, m),
                OPTS.stoppingWhenFailed(m.breaks()));
        assertThat(r.property(m.breaks()).passed()).as(m.id()).isFalse();
        return r.property(m.breaks()).counterexample();
    }

    @Test
    void protocolPassesEveryPropertyAtDefaultAndLargerBounds() {
        for (int sessions = VouchModel.DEFAULT_SESSIONS; sessions <= 3; sessions++) {
            CheckResult r = Checker.check(VouchModel.model(sessions), OPTS);
            assertThat(r.exhaustive()).isTrue();
            assertThat(r.properties()).extracting(p -> p.property()).contains("injective-agreement(vouch)",
                    "freshness(vouch)", "no-replay(vouch)", "no-multi-hop(vouch)", "secrecy(proxied-key)");
            assertThat(r.properties()).allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
        }
    }

    @Test
    void withoutATimestampADelayedVouchIsAcceptedLate() {
        Counterexample cx = counterexample(VouchModelMutant.NO_TIMESTAMP);
        assertThat(cx.steps()).filteredOn(s -> s.kind() == Step.Kind.TICK).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cx.violation()).contains("R1").contains("older than " + VouchModel.MAX_AGE);
    }

    @Test
    void withoutTheTargetInTheSignatureAVouchForR1IsAcceptedByR2() {
        Counterexample cx = counterexample(VouchModelMutant.SIGNATURE_WITHOUT_TARGET);
        assertThat(cx.steps()).filteredOn(s -> s.kind() == Step.Kind.CLAIM)
                .extracting(Step::term)
                .anySatisfy(t -> assertThat(t).startsWith("Running(vouch: V, R1, <N, pk(N)"))
                .anySatisfy(t -> assertThat(t).startsWith("Commit(vouch: R2, V, <N, pk(N)"));
        Step delivery = cx.steps().stream().filter(s -> s.kind() == Step.Kind.RECEIVE).findFirst().orElseThrow();
        assertThat(delivery.to()).isEqualTo("R2");
    }

    @Test
    void aProxiedVoucherMakesATwoHopChain() {
        Counterexample cx = counterexample(VouchModelMutant.PROXIED_MAY_VOUCH);
        java.util.List<String> claims = cx.steps().stream().filter(s -> s.kind() == Step.Kind.CLAIM)
                .map(Step::term).toList();
        int firstHop = indexOf(claims, "Commit(vouch: R1, V, <N, pk(N)");
        int secondHop = indexOf(claims, "Commit(vouch: R1, N, <X, pk(X)");
        assertThat(firstHop).isNotNegative().isLessThan(secondHop);
        assertThat(cx.violation()).contains("accepts a vouch from N");
    }

    private static int indexOf(java.util.List<String> claims, String prefix) {
        for (int i = 0; i < claims.size(); i++) {
            if (claims.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void directPairingsAreSymmetric() {
        assertThat(VouchModel.directlyPaired(VouchModel.RECEIVER, VouchModel.VOUCHER)).isTrue();
        assertThat(VouchModel.directlyPaired(VouchModel.VOUCHER, VouchModel.RECEIVER)).isTrue();
        assertThat(VouchModel.directlyPaired(VouchModel.RECEIVER, VouchModel.VOUCHEE)).isFalse();
        assertThat(VouchModel.directlyPaired(VouchModel.RECEIVER, VouchModel.INTRUDER)).isFalse();
    }
}
