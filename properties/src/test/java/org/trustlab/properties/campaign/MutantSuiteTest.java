package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;

/**
 * The contract between the generators and the mutant catalogue: under each of three seeds, a campaign of at most
 * {@link #CAP} runs (one count for every protocol and mutant, tuned to none) catches every mutant of every protocol
 * by one of the invariants the mutant says it breaks; and the first failure at seed 1 shrinks to a scenario file
 * that replays to the same trace and the same violation. A mutant this misses is a corner the protocol's generator
 * does not reach, or a bug its invariants do not see. {@code trustlab mutants --hunt} measures the same thing at the
 * default campaign size.
 */
class MutantSuiteTest {
    private static final long[] SEEDS = {1, 2, 3};
    /** The campaigns' smallest promise: every mutant is caught within this many runs under any seed. */
    private static final int CAP = 300;
    /** Enough scenario runs for a shrink to reach a handful of steps; a shrink stops early, never fails. */
    private static final int SHRINK_BUDGET = 150;
    private static final Map<String, MutantHunt> HUNTS = new TreeMap<>();

    static Stream<String> mutants() {
        return MutantCatalogue.all().stream().map(Mutant::name);
    }

    private static synchronized MutantHunt hunt(String protocol) {
        return HUNTS.computeIfAbsent(protocol, MutantHunt::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void everySeedCatchesTheMutantAndTheFirstFailureShrinks(String name) {
        Mutant m = MutantCatalogue.find(name).orElseThrow();
        MutantHunt.Result first = null;
        for (long seed : SEEDS) {
            MutantHunt.Result r = hunt(m.protocol()).hunt(m, seed, CAP, 2);
            assertThat(r.caught()).as("%s must violate one of %s within %d runs at seed %d", name, m.breaks(), CAP,
                    seed).isTrue();
            first = first == null ? r : first;
        }
        // Shrink the first failure of seed 1: a campaign of exactly the runs it took, with shrinking on.
        CampaignSpec spec = new CampaignSpec(m.protocol(), first.runsToFirstFailure().getAsInt(), SEEDS[0],
                Optional.of(name), Shard.WHOLE, 2, false, SHRINK_BUDGET, 1);
        CampaignResult result = Campaigns.runner(m.protocol(), false).run(spec, CampaignProgress.SILENT);
        List<String> caught = m.breaks().stream().filter(id -> result.unexpected(id) > 0).toList();
        List<Failure> shrunk = result.failures().stream().filter(f -> caught.contains(f.checkId())).toList();
        assertThat(shrunk).as("a shrunk failure of %s for %s", caught, name).isNotEmpty();
        assertThat(shrunk).allSatisfy(f -> {
            assertThat(f.replayVerified()).as("%s replays to the same violation", f.file()).isTrue();
            assertThat(f.yaml()).contains("mutant: " + name);
            assertThat(f.scenarioSteps()).isPositive();
        });
    }

    @Test
    void theMedianIsOverSeedsAndUnknownWhenASeedMissed() {
        MutantHunt.Result a = new MutantHunt.Result("m", 1, OptionalInt.of(40), 300);
        MutantHunt.Result b = new MutantHunt.Result("m", 2, OptionalInt.of(3), 300);
        MutantHunt.Result c = new MutantHunt.Result("m", 3, OptionalInt.of(120), 300);
        MutantHunt.Result missed = new MutantHunt.Result("m", 4, OptionalInt.empty(), 300);
        assertThat(MutantHunt.median(List.of(a, b, c))).hasValue(40);
        assertThat(MutantHunt.median(List.of(a, missed, c))).isEmpty();
        assertThat(MutantHunt.median(List.of())).isEmpty();
    }

    @Test
    void aHuntThatCannotCatchReportsAMiss() {
        // The honest reference is no mutant: nothing it does may count as catching a mutant's bug.
        Mutant fake = new Mutant("ping.accept-any-pong", "ping", "d", List.of("ping.no-such-invariant"));
        MutantHunt.Result r = hunt("ping").hunt(fake, 1, 70, 2);
        assertThat(r.caught()).isFalse();
        assertThat(r.cap()).isEqualTo(70);
    }
}
