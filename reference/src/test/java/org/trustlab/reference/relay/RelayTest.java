package org.trustlab.reference.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.relay.RelayHarness.ALICE_ID;
import static org.trustlab.reference.relay.RelayHarness.authorized;
import static org.trustlab.reference.relay.RelayHarness.config;
import static org.trustlab.reference.relay.RelayHarness.reason;
import static org.trustlab.reference.relay.RelayHarness.register;
import static org.trustlab.reference.relay.RelayHarness.secret;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.UserAction;

/** The relay's registration path: each refusal with its reason code, the two checks, the store's bound, alerts. */
class RelayTest {
    private final RelayHarness tofu = new RelayHarness(config(RelayMode.TOFU));

    @Test
    void theFirstRegistrantIsLearnedAndOnlyItsSecretRegistersAgain() {
        assertThat(reason(tofu.serve("a1", register("m1", secret("a1"))))).isEqualTo("REGISTERED");
        assertThat(reason(tofu.serve("a1", register("m1", secret("a1"))))).isEqualTo("REGISTERED");
        assertThat(reason(tofu.serve("x", register("m1", secret("x"))))).isEqualTo("PROOF_MISMATCH");
    }

    @Test
    void idsThatAreEmptyOrHoldTheSeparatorAreRefused() {
        assertThat(reason(tofu.serve("a1", register("", secret("a1"))))).isEqualTo("EMPTY_ID");
        assertThat(reason(tofu.serve("a1", register("m|1", secret("a1"))))).isEqualTo("SEPARATOR_IN_ID");
        assertThat(reason(tofu.serve("a1", new RelayMessage.Register("al|ice", "m1", secret("a1"), new byte[0], new byte[0]))))
                .isEqualTo("SEPARATOR_IN_ID");
    }

    @Test
    void anEmptyProofIsRefused() {
        assertThat(reason(tofu.serve("a1", register("m1", "")))).isEqualTo("PROOF_MISSING");
    }

    @Test
    void theSecondCheckUnderTheLockRefusesTheLoserOfARace() {
        tofu.arrive("x", register("m1", secret("x")));
        tofu.arrive("a1", register("m1", secret("a1")));
        Outputs<RelayMessage> first = tofu.acceptNext();
        Outputs<RelayMessage> second = tofu.acceptNext();
        assertThat(reason(first.sends().get(0).message())).isEqualTo("REGISTERED");
        assertThat(reason(second.sends().get(0).message())).isEqualTo("PROOF_RACE_LOST");
    }

    @Test
    void withoutTheSecondCheckBothRacersWin() {
        RelayHarness h = new RelayHarness(config(RelayMode.TOFU, RelayMutant.NO_SECOND_CHECK));
        h.arrive("x", register("m1", secret("x")));
        h.arrive("a1", register("m1", secret("a1")));
        assertThat(reason(h.acceptNext().sends().get(0).message())).isEqualTo("REGISTERED");
        assertThat(reason(h.acceptNext().sends().get(0).message())).isEqualTo("REGISTERED");
    }

    @Test
    void theComparisonTakesNoPrefixButTheMutantDoes() {
        String s = secret("a1");
        tofu.serve("a1", register("m1", s));
        assertThat(reason(tofu.serve("x", register("m1", s.substring(0, 1))))).isEqualTo("PROOF_MISMATCH");
        RelayHarness h = new RelayHarness(config(RelayMode.TOFU, RelayMutant.PREFIX_COMPARISON));
        h.serve("a1", register("m1", s));
        assertThat(reason(h.serve("x", register("m1", s.substring(0, 1))))).isEqualTo("REGISTERED");
    }

    @Test
    void ownerAuthorizedNeedsTheOwnersSignatureOverMachineAndCommitment() {
        RelayHarness h = new RelayHarness(config(RelayMode.OWNER_AUTHORIZED));
        assertThat(reason(h.serve("x", register("m1", secret("x"))))).isEqualTo("OWNER_AUTHORIZATION_MISSING");
        // alice's signature for agent-1's secret does not cover another secret, nor another machine
        byte[] sig = authorized("m1", secret("a1")).authorization();
        assertThat(reason(h.serve("x", new RelayMessage.Register(ALICE_ID, "m1", secret("x"), sig, new byte[0]))))
                .isEqualTo("OWNER_SIGNATURE_INVALID");
        assertThat(reason(h.serve("x", new RelayMessage.Register(ALICE_ID, "m2", secret("a1"), sig, new byte[0]))))
                .isEqualTo("OWNER_SIGNATURE_INVALID");
        assertThat(reason(h.serve("a1", authorized("m1", secret("a1"))))).isEqualTo("REGISTERED");
        // learned: later registrations need the secret, not the signature
        assertThat(reason(h.serve("a1", register("m1", secret("a1"))))).isEqualTo("REGISTERED");
    }

    @Test
    void anOwnerIdThatIsNotAKeyFallsBackToTofu() {
        RelayHarness h = new RelayHarness(config(RelayMode.OWNER_AUTHORIZED));
        assertThat(reason(h.serve("x", new RelayMessage.Register("build-farm", "m1", secret("x"), new byte[0], new byte[0]))))
                .isEqualTo("REGISTERED");
    }

    @Test
    void aRevokedSlotAnswersGone() {
        tofu.serve("a1", register("m1", secret("a1")));
        Outputs<RelayMessage> out = tofu.relay.onUserAction(UserAction.of(Relay.ACTION_REVOKE,
                Map.of("owner-id", ALICE_ID, "machine-id", "m1")), tofu);
        assertThat(reason(out.sends().get(0).message())).isEqualTo("SLOT_GONE");
        assertThat(reason(tofu.serve("a1", register("m1", secret("a1"))))).isEqualTo("SLOT_GONE");
        Outputs<RelayMessage> bad = tofu.relay.onUserAction(UserAction.of(Relay.ACTION_REVOKE,
                Map.of("owner-id", ALICE_ID)), tofu);
        assertThat(bad.audit()).extracting(AuditEvent::type).containsExactly("user-action-ignored");
    }

    @Test
    void theLiveAgentCapRefusesNewSlots() {
        for (int i = 0; i < 3; i++) {
            assertThat(reason(tofu.serve("a" + i, register("m" + i, secret("a" + i))))).isEqualTo("REGISTERED");
        }
        assertThat(reason(tofu.serve("a9", register("m9", secret("a9"))))).isEqualTo("AGENT_CAP_REACHED");
        // a slot already live is not a new agent
        assertThat(reason(tofu.serve("a0", register("m0", secret("a0"))))).isEqualTo("REGISTERED");
    }

    @Test
    void aSourceOverItsRateIsRefusedUntilTheWindowMoves() {
        for (int i = 0; i < 5; i++) {
            tofu.serve("x", register("m1", secret("x")));
        }
        assertThat(reason(tofu.serve("x", register("m1", secret("x"))))).isEqualTo("RATE_LIMITED");
        assertThat(reason(tofu.serve("y", register("m2", secret("y"))))).isEqualTo("REGISTERED");
        tofu.now = tofu.now.plus(Duration.ofMinutes(1));
        assertThat(reason(tofu.serve("x", register("m1", secret("x"))))).isEqualTo("REGISTERED");
    }

    @Test
    void floodingPastTheCapEvictsTheLeastRecentlySeenAndReopensIt() {
        RelayConfig c = config(RelayMode.TOFU);
        RelayHarness h = new RelayHarness(new RelayConfig(c.mode(), 2, 100, 100, c.rateWindow(), c.acceptLatency(),
                c.flapThreshold(), c.mutants()));
        h.serve("a1", register("m1", secret("a1")));
        h.serve("a2", register("m2", secret("a2")));
        h.serve("a1", register("m1", secret("a1"))); // m1 seen again: m2 is now the eldest
        h.serve("b", register("f1", secret("b")));
        assertThat(h.relay.proofStoreEntries()).isEqualTo(2);
        assertThat(reason(h.serve("x", register("m1", secret("x"))))).isEqualTo("PROOF_MISMATCH");
        assertThat(reason(h.serve("x", register("m2", secret("x"))))).isEqualTo("REGISTERED");
    }

    @Test
    void aProofOverTheLimitIsNotStoredAndTheSlotStaysOpen() {
        tofu.serve("x", register("m1", "a".repeat(ProofStore.MAX_PROOF_BYTES + 1)));
        assertThat(tofu.relay.proofStoreEntries()).isZero();
        assertThat(reason(tofu.serve("a1", register("m1", secret("a1"))))).isEqualTo("REGISTERED");
        assertThat(reason(tofu.serve("x", register("m1", "a".repeat(600))))).isEqualTo("PROOF_MISMATCH");
    }

    @Test
    void twoAgentsReplacingEachOtherAreDisplacedAndCountedAsFlapping() {
        RelayHarness h = new RelayHarness(config(RelayMode.TOFU_ALERTS));
        String s = secret("a1");
        h.serve("a1", register("m1", s));
        Outputs<RelayMessage> second = h.arrive("a1-clone", register("m1", s));
        Outputs<RelayMessage> taken = h.acceptNext();
        assertThat(taken.sends()).extracting(x -> x.message().getClass().getSimpleName())
                .containsExactly("Displaced", "Registered");
        assertThat(second.audit()).extracting(AuditEvent::type).containsExactly("connection-accepting");
        h.arrive("a1", register("m1", s));
        List<String> audits = h.acceptNext().audit().stream().map(a -> a.type() + ":" + a.field("alert")).toList();
        assertThat(audits).contains("slot-flapping:null", "operator-alert:flapping");
    }

    @Test
    void tofuWithAlertsAlertsOnlyTheFirstRegistrationAndPlainTofuNever() {
        RelayHarness h = new RelayHarness(config(RelayMode.TOFU_ALERTS));
        assertThat(alerts(h, "a1", "m1")).containsExactly("first-registration");
        assertThat(alerts(h, "a1", "m1")).isEmpty();
        assertThat(alerts(tofu, "a1", "m1")).isEmpty();
    }

    private static List<String> alerts(RelayHarness h, String from, String machine) {
        Outputs<RelayMessage> out = h.arrive(from, register(machine, secret(from)));
        out = out.andThen(h.acceptNext());
        return out.audit().stream().filter(a -> a.type().equals("operator-alert")).map(a -> a.field("alert"))
                .toList();
    }

    @Test
    void noAuditFieldCarriesTheSecret() {
        String s = secret("a1");
        Outputs<RelayMessage> out = tofu.arrive("a1", register("m1", s)).andThen(tofu.acceptNext());
        assertThat(out.audit()).allSatisfy(a -> assertThat(a.fields().values()).noneMatch(v -> v.contains(s)));
        assertThat(register("m1", s).toString()).doesNotContain(s);
    }
}
