package org.trustlab.properties.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.Linearizability;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;
import org.trustlab.simulator.trace.TraceEvent;

class HistoryRecorderTest {
    private static long seq;

    private static TraceEvent at(long t) {
        return new TraceEvent(seq++, t, "laptop", TraceEvent.Kind.NOTE, "x", Map.of());
    }

    @Test
    void operationsGetAProcessEachTheirTimeAndPositionAndOpenOnesCrashAtTheEnd() throws Exception {
        HistoryRecorder h = new HistoryRecorder("a nonce store");
        h.instant("n", "issue", "n", at(1));
        HistoryRecorder.Call a = h.invoke("n", "consume", Arrays.asList("n", null), at(2));
        HistoryRecorder.Call b = h.invoke("n", "consume", Arrays.asList("n", null), at(3));
        assertThat(h.open("n")).containsExactly(a, b);
        assertThat(h.open("other")).isEmpty();
        h.ok(a, List.of("n", Op.keyword("accepted")), at(4));
        assertThat(h.isOpen(a)).isFalse();
        assertThat(h.isOpen(b)).isTrue();
        assertThat(h.isOpen(null)).isFalse();
        RecordedHistory r = h.finish(9);
        assertThat(r.invocations()).isEqualTo(3);
        assertThat(r.ops()).extracting(Op::process).containsExactly(0L, 0L, 1L, 2L, 1L, 2L);
        assertThat(r.ops()).extracting(Op::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(r.ops().get(5).type()).isEqualTo(Op.Type.INFO);
        assertThat(r.ops().get(5).time()).isEqualTo(9);
        assertThat(r.events().get(5)).isNull();
        Histories.validate(r.ops());
        assertThat(Linearizability.check(r.ops(), Model.named("nonce-store"), Options.defaults()))
                .isInstanceOf(Result.Valid.class);
    }

    @Test
    void aSecondAcceptanceIsInvalidAndItsEvidenceIsTheTraceEventsOfTheWindow() throws Exception {
        HistoryRecorder h = new HistoryRecorder("a nonce store");
        TraceEvent issue = at(1);
        h.instant("n", "issue", "n", issue);
        HistoryRecorder.Call a = h.invoke("n", "consume", Arrays.asList("n", null), at(2));
        TraceEvent second = at(3);
        HistoryRecorder.Call b = h.invoke("n", "consume", Arrays.asList("n", null), second);
        h.ok(a, List.of("n", Op.keyword("accepted")), at(4));
        TraceEvent secondOk = at(5);
        h.ok(b, List.of("n", Op.keyword("accepted")), secondOk);
        RecordedHistory r = h.finish(9);
        Result res = Linearizability.check(r.ops(), Model.named("nonce-store"), Options.defaults());
        assertThat(res).isInstanceOf(Result.Invalid.class);
        assertThat(r.evidence(((Result.Invalid) res).window())).contains(issue, second, secondOk);
    }

    @Test
    void completingAnOperationTwiceOrMismatchedEventsAreRefused() {
        HistoryRecorder h = new HistoryRecorder("x");
        HistoryRecorder.Call c = h.invoke("k", "read", null, at(1));
        h.fail(c, null, at(2));
        assertThatThrownBy(() -> h.info(c, null, at(3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no open operation");
        assertThatThrownBy(() -> new RecordedHistory("x", List.of(Op.invoke(0, "read", null)), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
