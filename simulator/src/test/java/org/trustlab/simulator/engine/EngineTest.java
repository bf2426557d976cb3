package org.trustlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void firesInTimeOrderAndEventsMayScheduleMore() {
        Engine engine = new Engine(4);
        List<String> log = new ArrayList<>();
        engine.at(30, e -> log.add("c@" + e.now()));
        engine.at(10, e -> {
            log.add("a@" + e.now());
            e.after(5, x -> log.add("b@" + x.now()));
            e.after(0, x -> log.add("a2@" + x.now()));
        });
        assertThat(engine.run(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(log).containsExactly("a@10", "a2@10", "b@15", "c@30");
        assertThat(engine.pending()).isZero();
    }

    @Test
    void stopsAtTheHorizonAndKeepsLaterEvents() {
        Engine engine = new Engine();
        List<Long> fired = new ArrayList<>();
        for (long t = 0; t < 10; t++) {
            engine.at(t * 100, e -> fired.add(e.now()));
        }
        engine.run(450);
        assertThat(fired).containsExactly(0L, 100L, 200L, 300L, 400L);
        assertThat(engine.pending()).isEqualTo(5);
        assertThat(engine.now()).isEqualTo(400);
    }

    @Test
    void timeNeverGoesBackwards() {
        Engine engine = new Engine();
        engine.at(100, e -> { });
        engine.run(100);
        assertThatThrownBy(() -> engine.at(99, e -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.after(-1, e -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delaysSaturateInsteadOfOverflowing() {
        Engine engine = new Engine();
        engine.at(10, e -> e.after(Long.MAX_VALUE, x -> { }));
        engine.run(10);
        assertThat(engine.pending()).isEqualTo(1);
        assertThat(engine.step(Long.MAX_VALUE)).isTrue();
        assertThat(engine.now()).isEqualTo(Long.MAX_VALUE);
    }
}
