package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Result;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;
import org.trustlab.properties.campaign.MutantHunt;
import org.trustlab.properties.history.LinearizabilityInvariant;
import org.trustlab.properties.history.RecordedHistory;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The consumed-challenge set read from the wire as a Jepsen history and checked against the consume-once nonce
 * store: linearizable for the honest validator under a duplicated response, not for a validator that checks and
 * marks in two steps, and that mutant caught by campaigns under three seeds.
 */
class ConsumedSetLinearizabilityTest {
    private static final String SCENARIO = "duplicated-response-hardened.yaml";
    private static final LinearizabilityInvariant INVARIANT = AutoJoinInvariants.consumedSetLinearizable();

    @Test
    void theHonestValidatorsConsumedSetIsLinearizableUnderADuplicatedResponse() {
        RunResult r = AutoJoinScenariosTest.run(SCENARIO, Optional.empty());
        RecordedHistory h = INVARIANT.history(r.trace());
        // one issue, two consumes (the response and its duplicate)
        assertThat(h.invocations()).isEqualTo(3);
        assertThat(h.ops().stream().filter(o -> o.type() == Op.Type.INVOKE).map(Op::f))
                .containsExactly("issue", "consume", "consume");
        // the first consume took the nonce; the duplicate's refusal is withheld (hardened), so it stays open
        assertThat(h.ops().stream().filter(o -> o.type() == Op.Type.OK && o.f().equals("consume"))
                .map(o -> (Object) ((List<?>) o.value()).get(1))).containsExactly(Op.keyword("accepted"));
        assertThat(h.ops().stream().filter(o -> o.type() == Op.Type.INFO)).hasSize(1);
        assertThat(INVARIANT.check(h)).isInstanceOf(Result.Valid.class);
        Judgement j = INVARIANT.judge(r.trace());
        assertThat(j.violations()).isEmpty();
        assertThat(j.judged()).isEqualTo(3);
    }

    @Test
    void aConsumedSetCheckedAndMarkedInTwoStepsIsNotLinearizable() {
        RunResult r = AutoJoinScenariosTest.run(SCENARIO, Optional.of(AutoJoinMutant.CONSUMED_MARKED_AFTER_AWAIT));
        RecordedHistory h = INVARIANT.history(r.trace());
        Result result = INVARIANT.check(h);
        assertThat(result).isInstanceOf(Result.Invalid.class);
        Result.Window w = ((Result.Invalid) result).window();
        // the second acceptance of the one nonce cannot take effect: the first took it
        assertThat(w.stuck().invoke().f()).isEqualTo("consume");
        assertThat(((List<?>) w.stuck().completion().value()).get(1)).isEqualTo(Op.keyword("accepted"));
        assertThat(w.states()).hasSize(1);
        assertThat(w.states().get(0).toString()).contains(":consumed");
        List<TraceEvent> evidence = h.evidence(w);
        assertThat(evidence).extracting(TraceEvent::kind).contains(TraceEvent.Kind.DELIVER, TraceEvent.Kind.SEND);
        Judgement j = INVARIANT.judge(r.trace());
        assertThat(j.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariantId()).isEqualTo(AutoJoinInvariants.CONSUMED_SET_LINEARIZABLE);
            assertThat(v.message()).contains("not linearizable (nonce-store)").contains("cannot linearize");
            assertThat(v.evidence()).isNotEmpty();
        });
    }

    /**
     * ByteSync's validator answers a replayed response with a refusal on the wire (hardened and ed25519 withhold
     * it): a {@code CHALLENGE_REPLAYED} refusal in the step of the replay's delivery is a rejected consume.
     */
    @Test
    void aReplayRefusalOnTheWireIsARejectedConsume(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("replay-bytesync.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(AutoJoinScenariosTest.DIR
                .resolve("replay-same-session.yaml")).replace("profile: ed25519", "profile: bytesync"));
        RunResult r = new org.trustlab.simulator.scenario.ScenarioRunner(
                org.trustlab.simulator.protocol.ProtocolBindings.standard(),
                org.trustlab.properties.InvariantCatalogue.oracle()).execute(
                        org.trustlab.simulator.scenario.ScenarioLoader.load(file));
        RecordedHistory h = INVARIANT.history(r.trace());
        assertThat(h.ops().stream().filter(o -> o.type() == Op.Type.OK && o.f().equals("consume"))
                .map(o -> (Object) ((List<?>) o.value()).get(1)))
                .containsExactly(Op.keyword("accepted"), Op.keyword("rejected"));
        assertThat(INVARIANT.check(h)).isInstanceOf(Result.Valid.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aCampaignCatchesTheTwoStepConsumedSetAsALinearizabilityViolation(long seed) {
        Mutant m = MutantCatalogue.find(AutoJoinMutant.CONSUMED_MARKED_AFTER_AWAIT.qualifiedName()).orElseThrow();
        assertThat(m.breaks()).containsExactly(AutoJoinInvariants.CONSUMED_SET_LINEARIZABLE);
        MutantHunt.Result r = MutantHunt.of(AutoJoinInvariants.PROTOCOL).hunt(m, seed, 300, 2);
        assertThat(r.caught()).as("caught within 300 runs at seed %d", seed).isTrue();
    }
}
