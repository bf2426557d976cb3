package org.trustlab.model.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.ProtocolModels;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.Counterexample;
import org.trustlab.model.checker.PropertyResult;
import org.trustlab.model.checker.Step;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Event;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.term.Term;

class RelayModelTest {
    private static final CheckOptions OPTS = CheckOptions.defaults();
    private static final int SESSIONS = RelayModel.DEFAULT_SESSIONS;
    private static final String REACHABLE = "reachable(" + RelayModel.CLAIM_SLOT + ")";

    @Test
    void tofuKeepsEverySlotsProofAndLetsTheRealAgentRegister() {
        for (int sessions = 1; sessions <= SESSIONS; sessions++) {
            CheckResult r = Checker.check(RelayModel.tofu(sessions), OPTS);
            assertThat(r.exhaustive()).isTrue();
            assertThat(r.property(RelayModel.SLOT_INTEGRITY).passed()).as("sessions %d", sessions).isTrue();
            assertThat(r.property(REACHABLE).passed()).isTrue();
            assertThat(r.allPassed()).isTrue();
            assertThat(r.anyViolated()).isFalse();
        }
    }

    @Test
    void tofuFindsThePreEmptiveSquatAsItsFinding() {
        CheckResult r = Checker.check(RelayModel.tofu(SESSIONS), OPTS);
        PropertyResult squat = r.property(RelayModel.SQUAT_AVAILABILITY);
        assertThat(squat.isFinding()).isTrue();
        assertThat(squat.finding()).isEqualTo(RelayModel.TOFU_SQUAT);
        Counterexample cx = squat.counterexample();
        // The squatter registers first, with a secret of its own, and the real agent's registration is refused.
        // Shortest (breadth-first): the squat, accept and learn, the agent's registration, its refusal.
        assertThat(cx.depth()).isEqualTo(4);
        List<String> received = deliveries(cx, "Register");
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).contains("N_att");
        assertThat(received.get(1)).contains("registration_secret");
        assertThat(cx.violation()).contains("refuses the real agent's registration of slot <pk(O), m1>")
                .contains("PROOF_MISMATCH").contains("holds N_att");
    }

    @Test
    void tofuRefusesAGuessedOrReplacingSecretOnAClaimedSlot() {
        // Probe: the attacker's own secret presented for the slot the real agent holds, refused before accept.
        Property guess = probe("guess-refused", e -> fact(e, RelayModel.FACT_PROOF_CHECK, "N_att",
                RelayModel.PROOF_MISMATCH));
        CheckResult r = Checker.check(RelayModel.tofu(SESSIONS, null, List.of(guess)), OPTS);
        assertThat(r.property("guess-refused").passed()).isFalse();
        assertThat(r.property("guess-refused").counterexample().steps())
                .anySatisfy(s -> assertThat(s.term()).contains("slot-table: R, <<pk(O), m1>, registration_secret#1, "
                        + "learned>"));
        assertThat(r.property(RelayModel.SLOT_INTEGRITY).passed()).isTrue();
    }

    @Test
    void raceLostUnderTheLockIsReachedAndRefused() {
        // Both registrations pass the first check on the open slot; the second check refuses the later one.
        Property lost = probe("race-lost", e -> fact(e, RelayModel.FACT_SLOT_TABLE, "",
                RelayModel.PROOF_RACE_LOST));
        CheckResult r = Checker.check(RelayModel.tofu(SESSIONS, null, List.of(lost)), OPTS);
        Counterexample cx = r.property("race-lost").counterexample();
        assertThat(cx).isNotNull();
        assertThat(checksPassedBeforeFirstWrite(cx)).isEqualTo(2);
        assertThat(r.property(RelayModel.SLOT_INTEGRITY).passed()).isTrue();
    }

    @Test
    void ownerAuthorizedHoldsEveryPropertyAndTheRealAgentRegisters() {
        for (int sessions = 1; sessions <= SESSIONS; sessions++) {
            CheckResult r = Checker.check(RelayModel.ownerAuthorized(sessions), OPTS);
            assertThat(r.exhaustive()).isTrue();
            assertThat(r.properties()).extracting(PropertyResult::property).containsExactly(
                    RelayModel.SLOT_INTEGRITY, RelayModel.SQUAT_AVAILABILITY, REACHABLE);
            assertThat(r.properties()).allSatisfy(p -> assertThat(p.passed()).as(p.property()).isTrue());
            assertThat(r.properties()).noneMatch(PropertyResult::isFinding);
        }
    }

    @Test
    void ownerAuthorizedRefusesTheSquatAndTheAttackersStatementForAnotherMachine() {
        // The squat is attempted with the only owner statement the attacker holds (its own machine's) and refused.
        Property refused = probe("squat-refused", e -> fact(e, RelayModel.FACT_PROOF_CHECK, "N_att",
                RelayModel.OWNER_SIGNATURE_INVALID) && e.data().toString().contains("m1"));
        Property ownSlot = probe("own-slot", e -> fact(e, RelayModel.FACT_SLOT_TABLE, "N_att", RelayModel.LEARNED)
                && e.data().toString().contains("mI"));
        CheckResult r = Checker.check(RelayModel.ownerAuthorized(SESSIONS, null, List.of(refused, ownSlot)), OPTS);
        assertThat(r.property("squat-refused").passed()).isFalse();
        assertThat(r.property("squat-refused").counterexample().depth()).isLessThanOrEqualTo(2);
        // The attacker's device claims its own machine's slot with its statement: the statement does work.
        assertThat(r.property("own-slot").passed()).isFalse();
        assertThat(r.property(RelayModel.SQUAT_AVAILABILITY).passed()).isTrue();
    }

    @Test
    void aMachinePairedAgainIsRefusedInFavourOfItsEarlierInstallWithoutASquat() {
        // TOFU's own rule, not an attack: the later install's secret is refused, availability still holds.
        Property second = probe("reinstall-refused", e -> fact(e, RelayModel.FACT_PROOF_CHECK,
                "registration_secret", RelayModel.PROOF_MISMATCH));
        CheckResult r = Checker.check(RelayModel.ownerAuthorized(SESSIONS, null, List.of(second)), OPTS);
        assertThat(r.property("reinstall-refused").passed()).isFalse();
        assertThat(r.property(RelayModel.SQUAT_AVAILABILITY).passed()).isTrue();
    }

    @Test
    void withoutTheSecondCheckTwoRegistrationsRaceAndTheLaterOverwritesTheProof() {
        Counterexample tofu = counterexample(RelayModel.tofu(SESSIONS, RelayModelMutant.NO_SECOND_CHECK),
                RelayModelMutant.NO_SECOND_CHECK.breaks());
        Counterexample oa = counterexample(RelayModel.ownerAuthorized(SESSIONS,
                OwnerAuthorizedModelMutant.NO_SECOND_CHECK), OwnerAuthorizedModelMutant.NO_SECOND_CHECK.breaks());
        for (Counterexample cx : List.of(tofu, oa)) {
            // Both pass the first check on the open slot before either reaches the lock.
            assertThat(checksPassedBeforeFirstWrite(cx)).isEqualTo(2);
            assertThat(cx.violation()).contains("replaced by a registration that never presented it");
        }
        assertThat(tofu.depth()).isEqualTo(5);
        // Owner-authorized: the attacker cannot open a slot, the race is between two installs of m1.
        assertThat(oa.violation()).contains("registration_secret#3").contains("held registration_secret#1");
        assertThat(oa.depth()).isEqualTo(10);
    }

    @Test
    void aRelayThatLearnsEveryRegistrationLetsTheAttackerReplaceAClaimedSlot() {
        Counterexample tofu = counterexample(RelayModel.tofu(SESSIONS,
                RelayModelMutant.PROOF_LEARNED_ON_EVERY_REGISTRATION), RelayModel.SLOT_INTEGRITY);
        Counterexample oa = counterexample(RelayModel.ownerAuthorized(SESSIONS,
                OwnerAuthorizedModelMutant.PROOF_LEARNED_ON_EVERY_REGISTRATION), RelayModel.SLOT_INTEGRITY);
        for (Counterexample cx : List.of(tofu, oa)) {
            // No race: the first registration is written before the second is even received.
            assertThat(checksPassedBeforeFirstWrite(cx)).isEqualTo(1);
            assertThat(cx.violation()).contains("never presented it");
        }
        assertThat(tofu.depth()).isEqualTo(5);
        // Owner-authorized: the real agent pairs and registers first, then the attacker replaces its proof.
        assertThat(oa.violation()).contains("stores N_att").contains("held registration_secret#1");
        assertThat(oa.depth()).isEqualTo(7);
    }

    @Test
    void aStatementWithoutTheMachineIdLetsTheAttackersDeviceSquatAnotherMachine() {
        Counterexample cx = counterexample(RelayModel.ownerAuthorized(SESSIONS,
                OwnerAuthorizedModelMutant.STATEMENT_WITHOUT_MACHINE_ID), RelayModel.SQUAT_AVAILABILITY);
        List<String> received = deliveries(cx, "Register");
        assertThat(received.get(0)).contains("m1, N_att, sign(sk(O), <trustlab/relay/registration-authorization/v1, "
                + "h(N_att)>)");
        assertThat(cx.violation()).contains("holds N_att");
        assertThat(cx.depth()).isEqualTo(6);
    }

    @Test
    void aRelayThatNeverVerifiesTheStatementIsSquattedAsUnderTofu() {
        Counterexample cx = counterexample(RelayModel.ownerAuthorized(SESSIONS,
                OwnerAuthorizedModelMutant.OWNER_SIGNATURE_UNCHECKED), RelayModel.SQUAT_AVAILABILITY);
        assertThat(deliveries(cx, "Register").get(0)).contains("m1, N_att");
        assertThat(cx.violation()).contains("holds N_att");
        assertThat(cx.depth()).isEqualTo(6);
    }

    @Test
    void everyMutantIsCaughtByThePropertyItNamesAndNotAsAFinding() {
        for (RelayModelMutant m : RelayModelMutant.values()) {
            caught(RelayModel.tofu(SESSIONS, m), m.breaks());
            assertThat(RelayModelMutant.byId(m.id())).contains(m);
        }
        for (OwnerAuthorizedModelMutant m : OwnerAuthorizedModelMutant.values()) {
            caught(RelayModel.ownerAuthorized(SESSIONS, m), m.breaks());
            assertThat(OwnerAuthorizedModelMutant.byId(m.id())).contains(m);
        }
        assertThat(RelayModelMutant.byId("no-such")).isEmpty();
    }

    @Test
    void theModelsWireIntoTheCheckersProtocolList() {
        ProtocolModel tofu = ProtocolModels.of("relay", "test", RelayModel.DEFAULT_SESSIONS, RelayModelMutant.class,
                RelayModel::tofu);
        ProtocolModel oa = ProtocolModels.of("relay-owner-authorized", "test", RelayModel.DEFAULT_SESSIONS,
                OwnerAuthorizedModelMutant.class, RelayModel::ownerAuthorized);
        assertThat(tofu.mutants()).containsExactly("no-second-check", "proof-learned-on-every-registration");
        assertThat(oa.mutants()).containsExactly("no-second-check", "proof-learned-on-every-registration",
                "statement-without-machine-id", "owner-signature-unchecked");
        assertThat(tofu.build(1, "no-second-check").name()).isEqualTo("relay/no-second-check");
        assertThat(oa.build(2, null).name()).isEqualTo("relay-owner-authorized");
        assertThat(oa.breaks("statement-without-machine-id")).isEqualTo(RelayModel.SQUAT_AVAILABILITY);
    }

    private static void caught(Model model, String breaks) {
        CheckResult r = Checker.check(model, OPTS.stoppingWhenFailed(breaks));
        PropertyResult p = r.property(breaks);
        assertThat(p.passed()).as(model.name()).isFalse();
        assertThat(p.isFinding()).as(model.name()).isFalse();
        assertThat(r.anyViolated()).as(model.name()).isTrue();
    }

    private static Counterexample counterexample(Model model, String property) {
        CheckResult r = Checker.check(model, OPTS.stoppingWhenFailed(property));
        assertThat(r.property(property).passed()).as(model.name()).isFalse();
        return r.property(property).counterexample();
    }

    /** The terms the relay received as {@code message}, in order. */
    private static List<String> deliveries(Counterexample cx, String message) {
        return cx.steps().stream().filter(s -> s.kind() == Step.Kind.RECEIVE && s.to().equals("R")
                && s.message().equals(message)).map(Step::term).toList();
    }

    /** How many registrations passed the first check before the relay first wrote under the lock. */
    private static long checksPassedBeforeFirstWrite(Counterexample cx) {
        long passed = 0;
        for (Step s : cx.steps()) {
            if (s.kind() != Step.Kind.CLAIM) {
                continue;
            }
            if (s.term().contains(RelayModel.FACT_SLOT_TABLE + ":")) {
                return passed;
            }
            if (s.term().contains(RelayModel.FACT_PROOF_CHECK + ":") && s.term().endsWith(", ok>)")) {
                passed++;
            }
        }
        return passed;
    }

    /** A property that fails exactly when {@code reached} sees an event: shows that a step is reachable. */
    private static Property probe(String name, java.util.function.Predicate<Event> reached) {
        return Property.invariant(name, "probe", (e, all) -> reached.test(e) ? Optional.of("reached") : Optional.empty());
    }

    private static boolean fact(Event e, String label, String secret, Term verdict) {
        return e.kind() == ClaimKind.FACT && e.label().equals(label)
                && SlotTable.secret(e.data()).toString().startsWith(secret) && SlotTable.outcome(e.data()).equals(verdict);
    }
}
