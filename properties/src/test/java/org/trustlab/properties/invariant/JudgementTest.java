package org.trustlab.properties.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.scenario.InvariantVerdict;

class JudgementTest {
    private static final Violation V = new Violation("x.inv", "broken", List.of());

    @Test
    void nothingJudgedIsVacuousNotHeld() {
        assertThat(new Judgement(0, List.of()).verdict()).isEqualTo(InvariantVerdict.VACUOUS);
        assertThat(new Judgement(3, List.of()).verdict()).isEqualTo(InvariantVerdict.HELD);
        assertThat(new Judgement(3, List.of(V)).verdict()).isEqualTo(InvariantVerdict.VIOLATED);
    }

    @Test
    void aViolationWithoutASubjectIsACountingBug() {
        assertThatThrownBy(() -> new Judgement(0, List.of(V))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Judgement(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
