package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;

/**
 * The contract between the generators and the mutant catalogue: a campaign at seed 1 with a small, fixed number of
 * runs finds every mutant of every protocol, violating one of the invariants the mutant says it breaks, and shrinks
 * that violation to a scenario file that replays to the same trace and the same violation. A mutant this misses is
 * a corner the protocol's generator does not reach.
 */
class MutantSuiteTest {
    private static final long SEED = 1;
    /**
     * Runs per protocol: the fewest that still catch every mutant of the protocol with a margin at seed 1 (the last
     * autojoin mutant is first caught at run 61), at most the 300 the campaigns promise.
     */
    private static final Map<String, Integer> RUNS = Map.of("autojoin", 150, "vouch", 300, "ping", 50);
    /** Enough scenario runs for a shrink to reach a handful of steps; a shrink stops early, never fails. */
    private static final int SHRINK_BUDGET = 150;
    private static final Map<String, CampaignRunner> RUNNERS = new TreeMap<>();

    static Stream<String> mutants() {
        return MutantCatalogue.all().stream().map(Mutant::name);
    }

    private static synchronized CampaignRunner runner(String protocol) {
        // Model validation off: it is a check of its own, not one a mutant names, and it doubles the run time.
        return RUNNERS.computeIfAbsent(protocol, p -> Campaigns.runner(p, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void theCampaignCatchesAndShrinksTheMutant(String name) {
        Mutant m = MutantCatalogue.find(name).orElseThrow();
        CampaignSpec spec = new CampaignSpec(m.protocol(), RUNS.getOrDefault(m.protocol(), 300), SEED,
                Optional.of(name), Shard.WHOLE, 2, false, SHRINK_BUDGET, 1);
        CampaignResult result = runner(m.protocol()).run(spec, CampaignProgress.SILENT);

        List<String> caught = m.breaks().stream().filter(id -> result.unexpected(id) > 0).toList();
        assertThat(caught).as("%s must violate one of %s in %d runs at seed %d; violations: %s", name, m.breaks(),
                spec.runs(), SEED, result.violations()).isNotEmpty();
        List<Failure> shrunk = result.failures().stream().filter(f -> caught.contains(f.checkId())).toList();
        assertThat(shrunk).as("a shrunk failure of %s for %s", caught, name).isNotEmpty();
        assertThat(shrunk).allSatisfy(f -> {
            assertThat(f.replayVerified()).as("%s replays to the same violation", f.file()).isTrue();
            assertThat(f.yaml()).contains("mutant: " + name);
            assertThat(f.scenarioSteps()).isPositive();
        });
    }

    @Test
    void everyProtocolWithAMutantHasARunCount() {
        assertThat(MutantCatalogue.all()).extracting(Mutant::protocol).allMatch(RUNS::containsKey);
        assertThat(RUNS.values()).allMatch(n -> n > 0 && n <= 300);
    }
}
