package org.trustlab.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsBarsTest {
    @Test
    void aMissingPercentileShowsWhyInsteadOfABar() {
        String svg = Charts.bars("c", "latency", "seconds (virtual)", List.of("p50", "p90", "p99"), List.of(
                new Charts.BarGroup("lan (n = 5)", new double[] {0.3, Double.NaN, Double.NaN},
                        new String[] {"", "n < 10", "n < 100"})));
        assertThat(svg).contains("lan (n = 5)").contains(">n &lt; 10<").contains(">n &lt; 100<");
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 1 + 1 + 3); // background, one bar, three legend keys
        assertThat(svg).contains("lan (n = 5) p50: 0.3 seconds (virtual)");
    }

    @Test
    void aGroupWithoutNotesDrawsNothingForAMissingValue() {
        String svg = Charts.bars("c", "latency", "ms (virtual)", List.of("p50"), List.of(
                new Charts.BarGroup("lan", new double[] {Double.NaN})));
        assertThat(svg).doesNotContain("n &lt;");
    }
}
