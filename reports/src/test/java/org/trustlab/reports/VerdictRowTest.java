package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictRowTest {
    private static VerdictRow row(long runs, long judged, long violations) {
        return new VerdictRow("toy", Optional.empty(), "campaign-1", "toy.inv", "Toys never break.", runs, judged,
                violations, 1.0, 0, 0, Optional.empty());
    }

    @Test
    void anInvariantNoRunJudgedIsVacuousNotHolds() {
        assertThat(row(100, 0, 0).verdict()).isEqualTo("vacuous");
        assertThat(row(100, 1, 0).verdict()).isEqualTo("holds");
        assertThat(row(100, 1, 1).verdict()).isEqualTo("VIOLATED");
    }
}
