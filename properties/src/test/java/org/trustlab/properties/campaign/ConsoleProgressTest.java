package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress in a log: a line from the start, then at least every 5 s, with an ETA from recent throughput. */
class ConsoleProgressTest {
    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final ConsoleProgress p = new ConsoleProgress(new PrintWriter(text, true), false, now::get, false);

    private int done;

    /** At {@code seconds} after the start, {@code runsDone} runs are done and the ticker ticks. */
    private void at(double seconds, int runsDone) {
        now.set((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
        for (; done < runsDone; done++) {
            p.runDone(false);
        }
        p.tick();
    }

    @Test
    void aLogGetsALineAtTheStartEveryFiveSecondsAndAtEachTenthWithAnEtaFromRecentThroughput() {
        p.started("autojoin", 1000);
        at(1, 10);
        at(5, 50);
        // Ten times faster once warm: the ETA follows the last five seconds, not the average since the start
        // (which would say 8s).
        at(10, 550);
        at(11, 560);
        p.finished();
        assertThat(text.toString().lines()).containsExactly(
                "campaign autojoin: 1000 runs",
                "campaign autojoin: 50/1000 runs, 10.0 runs/s, 0 violating, ETA 1m35s",
                "campaign autojoin: 550/1000 runs, 100.0 runs/s, 0 violating, ETA 5s",
                "campaign autojoin: 560/1000 runs, 85.0 runs/s, 0 violating, ETA 5s");
        assertThat(text.toString()).doesNotContain("\r").doesNotContain("\u001b");
    }
}
