package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fixed small campaign per protocol on the unmutated reference, every check on (the model validation too): no run
 * violates anything the source design does not admit. The mutation profile runs it against every mutant PIT makes
 * of the reference, so that a blind mutant is judged by the invariants as well as by the unit tests.
 */
class SmallCampaignTest {
    private static final int RUNS = 60;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"autojoin", "vouch"})
    void aSmallCampaignFindsNothingTheDesignDoesNotAdmit(String protocol) {
        CampaignSpec spec = new CampaignSpec(protocol, RUNS, 1, Optional.empty(), Shard.WHOLE, 1, true, 0, 0);
        CampaignResult result = Campaigns.runner(protocol, true).run(spec, CampaignProgress.SILENT);
        assertThat(result.runs()).hasSize(RUNS);
        assertThat(result.unexpectedViolatingRuns()).as("%s runs violating a check: %s", protocol,
                result.violations()).isZero();
        // Not vacuous: the campaign judged every invariant in some run.
        result.checks().forEach(c -> assertThat(result.judged(c.id())).as(c.id()).isPositive());
    }
}
