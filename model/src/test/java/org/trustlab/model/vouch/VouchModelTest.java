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
    void protocolPassesEveryPropertyUpToDefaultBounds() {
        for (int sessions = 1; sessions <= VouchModel.DEFAULT_SESSIONS; sessions++) {
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
        // The attacker's device is one of the voucher's paired devices.
        assertThat(VouchModel.directlyPaired(VouchModel.INTRUDER, VouchModel.VOUCHER)).isTrue();
    }

    @Test
    void theAttackerIsAPairedDeviceTheVoucherVouchesTo() {
        assertThat(VouchModel.model(VouchModel.DEFAULT_SESSIONS).runs())
                .anySatisfy(r -> assertThat(r.toString()).contains("Voucher").contains("=I"));
    }

    @Test
    void aVoucheeKeyOutsideTheSignatureLetsTheAttackerTakeTheProxiedKey() {
        Counterexample cx = counterexample(VouchModelMutant.VOUCHEE_KEY_NOT_SIGNED);
        assertThat(cx.violation()).contains("the attacker derives K#").contains("holds secret with N");
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.term()).contains("aenc(pk(I)"));
    }

    @Test
    void spacedrivePassesAllButTheTargetAgreementItsDesignGivesUp() {
        CheckResult r = Checker.check(VouchModel.spacedrive(VouchModel.DEFAULT_SESSIONS), OPTS);
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.allPassed()).isTrue();
        assertThat(r.anyViolated()).isFalse();
        var agreement = r.property("non-injective-agreement(vouch)");
        assertThat(agreement.isFinding()).isTrue();
        assertThat(agreement.finding()).isEqualTo(VouchModel.SPACEDRIVE_REDIRECT);
        // The redirect goes through the attacker's paired device: V vouches N to I, I passes it on to R1.
        assertThat(agreement.counterexample().steps()).anySatisfy(s -> assertThat(s.term())
                .startsWith("Running(vouch: V, I"));
        assertThat(r.property("secrecy(proxied-key)").passed()).isTrue();
        assertThat(r.property("reachable(vouch)").passed()).isTrue();
    }

    @Test
    void spacedriveMutantsAreFound() {
        for (SpacedriveModelMutant m : SpacedriveModelMutant.values()) {
            // Stopping at the failure: unsealed keys put a message variable in reach of every stored term.
            CheckResult r = Checker.check(VouchModel.spacedrive(VouchModel.DEFAULT_SESSIONS, m),
                    OPTS.stoppingWhenFailed(m.breaks()));
            assertThat(r.property(m.breaks()).passed()).as(m.id()).isFalse();
            assertThat(r.property(m.breaks()).isFinding()).as(m.id()).isFalse();
            assertThat(r.anyViolated()).as(m.id()).isTrue();
            assertThat(SpacedriveModelMutant.byId(m.id())).contains(m);
        }
    }

    @Test
    void aKeyDerivedFromThePairingSecretAloneReachesThePairedAttacker() {
        CheckResult r = Checker.check(VouchModel.spacedrive(VouchModel.DEFAULT_SESSIONS,
                SpacedriveModelMutant.PROXIED_KEY_FROM_PAIRING_SECRET_ONLY), OPTS.stoppingWhenFailed(
                        "secrecy(proxied-key)"));
        Counterexample cx = r.property("secrecy(proxied-key)").counterexample();
        assertThat(cx.violation()).contains("h(k(V, N))").contains("holds secret with N");
        assertThat(cx.steps()).anySatisfy(s -> assertThat(s.term()).contains("senc(k(V, I)"));
    }
}
