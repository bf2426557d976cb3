package org.trustlab.properties.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.autojoin.AutoJoinMutantMap;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;

/**
 * Every trace of the autojoin scenarios is a behaviour of the model; every reference mutant that deviates from
 * the model is caught on the scenario that exposes it.
 */
class AutoJoinRefinementTest {
    private static final Path DIR = Path.of("..", "scenarios", "autojoin");
    private static final ScenarioRunner RUNNER = new ScenarioRunner(InvariantOracle.none());

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    private static Trace trace(String file, Optional<AutoJoinMutant> mutant) {
        Scenario s = ScenarioLoader.load(DIR.resolve(file));
        return RUNNER.execute(s.withMutant(mutant.map(AutoJoinMutant::qualifiedName))).trace();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyReferenceTraceIsABehaviourOfTheModel(String file) {
        List<Violation> v = AutoJoinRefinement.check(trace(file, Optional.empty()));
        assertThat(v).as("%s: %s", file, v.stream().map(Violation::message).toList()).isEmpty();
    }

    /**
     * Mutants of what the symbolic model or the refinement leave out: the manual join (and so the password) is not
     * modelled, and the refinement maps no requester step for taking a session key (a requester that takes a forged
     * one is judged by {@code autojoin.session-key-authenticity} alone).
     */
    private static final java.util.Set<AutoJoinMutant> OUTSIDE_THE_MODEL = java.util.Set.of(
            AutoJoinMutant.PASSWORD_TO_UNTRUSTED_KEY, AutoJoinMutant.SESSION_KEY_SIGNATURE_UNCHECKED,
            // The model has no refusals: whether one can end a join is judged after the liveness phase instead.
            AutoJoinMutant.REQUESTER_TRUSTS_UNSIGNED_REJECTION, AutoJoinMutant.ANSWERS_CONSUMED_CHALLENGE,
            AutoJoinMutant.BURNS_CHALLENGE_BEFORE_CHECKING);

    static Stream<AutoJoinMutantMap.Entry> mutants() {
        return AutoJoinMutantMap.entries().stream().filter(e -> !OUTSIDE_THE_MODEL.contains(e.mutant()));
    }

    @ParameterizedTest
    @MethodSource("mutants")
    void aReferenceMutantThatDeviatesFromTheModelIsCaught(AutoJoinMutantMap.Entry e) {
        List<Violation> v = AutoJoinRefinement.check(trace(e.scenario(), Optional.of(e.mutant())));
        assertThat(v).as("%s on %s", e.mutant().qualifiedName(), e.scenario()).isNotEmpty();
        assertThat(v).allSatisfy(x -> {
            assertThat(x.invariantId()).isEqualTo(AutoJoinRefinement.ID);
            assertThat(x.evidence()).hasSize(1);
        });
        // The model's reason names the deviation.
        assertThat(v.get(0).message()).contains(WHY.get(e.mutant()));
    }

    private static final java.util.Map<AutoJoinMutant, String> WHY = java.util.Map.ofEntries(
            java.util.Map.entry(AutoJoinMutant.NO_REPLAY_CACHE, "has finished its role"),
            java.util.Map.entry(AutoJoinMutant.CONSUMED_MARKED_AFTER_AWAIT, "has finished its role"),
            java.util.Map.entry(AutoJoinMutant.REQUESTER_SIGNS_ANY_CHALLENGE, "answers no pending request"),
            java.util.Map.entry(AutoJoinMutant.SIGNATURE_OMITS_PURPOSE, "the attacker cannot derive"),
            java.util.Map.entry(AutoJoinMutant.NO_RESTART_EPOCH, "has finished its role"),
            java.util.Map.entry(AutoJoinMutant.SIGNATURE_OVER_NONCE_ONLY, "the attacker cannot derive"),
            java.util.Map.entry(AutoJoinMutant.SKIP_BINDING_CHECK, "has session = S1, not S2"),
            java.util.Map.entry(AutoJoinMutant.KEY_FROM_REQUEST, "has R = "),
            java.util.Map.entry(AutoJoinMutant.NO_EXPIRY_CHECK, "check CHALLENGE_EXPIRED fails"),
            java.util.Map.entry(AutoJoinMutant.REVOCATION_CHECKED_AT_CHALLENGE_ONLY, "check GRANT_REVOKED fails"),
            java.util.Map.entry(AutoJoinMutant.LONG_CHALLENGE_LIFETIME, "computes expiresAt"),
            java.util.Map.entry(AutoJoinMutant.WIDE_SKEW_TOLERANCE, "check CHALLENGE_EXPIRED fails"),
            java.util.Map.entry(AutoJoinMutant.GRANT_IGNORES_OWNER_ROTATION, "check GRANT_MISSING fails"),
            java.util.Map.entry(AutoJoinMutant.GRANT_EXPIRY_AT_CHALLENGE_TIME, "check GRANT_REVOKED fails"));

    @Test
    void campaignsRunItUnlessValidationIsSwitchedOff() {
        assertThat(org.trustlab.properties.campaign.Campaigns.checks(AutoJoinRefinement.PROTOCOL, true))
                .extracting(c -> c.id()).contains(AutoJoinRefinement.ID);
        assertThat(org.trustlab.properties.campaign.Campaigns.checks(AutoJoinRefinement.PROTOCOL, false))
                .extracting(c -> c.id()).doesNotContain(AutoJoinRefinement.ID);
    }

    @Test
    void aTraceWithoutAutomaticJoinsHasNothingToValidate() {
        assertThat(AutoJoinRefinement.check(trace("manual-join-creates-grant.yaml", Optional.empty()))).isEmpty();
    }
}
