package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClopperPearsonTest {
    @Test
    void zeroViolationsUseTheClosedFormAndPrintAsTheIssueSays() {
        assertThat(ClopperPearson.upper95(0, 10000)).isCloseTo(1 - Math.pow(0.05, 1e-4), within(1e-15));
        assertThat(ClopperPearson.sentence(0, 10000)).isEqualTo("0 violations in 10000 runs (rate < 3.0e-4 at 95%)");
    }

    @Test
    void agreesWithTheBetaQuantileAtZeroAndWithPublishedValues() {
        // Beta(1, n) quantile equals the closed form, so the two code paths meet.
        double viaBeta = new org.apache.commons.math3.distribution.BetaDistribution(null, 1, 200)
                .inverseCumulativeProbability(0.95);
        assertThat(ClopperPearson.upper95(0, 200)).isCloseTo(viaBeta, within(1e-9));
        // One-sided exact upper 95% bound for 1 in 10 is 0.3942 (e.g. Clopper-Pearson tables).
        assertThat(ClopperPearson.upper95(1, 10)).isCloseTo(0.3942, within(1e-4));
        assertThat(ClopperPearson.upper95(5, 5)).isEqualTo(1.0);
        assertThat(ClopperPearson.sentence(1, 10)).isEqualTo("1 violation in 10 runs (rate < 3.9e-1 at 95%)");
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> ClopperPearson.upper95(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.upper95(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
