package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.linearizability.Hist.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static final Model REGISTER = Model.named("register").withInitial(0);

    @Test
    void aCrashedWriteMayTakeEffectLaterOrNever() throws HistoryException {
        String crashed = """
                {:process 0 :type :invoke :f :write :value 1}
                {:process 0 :type :info :f :write :value 1}
                {:process 1 :type :invoke :f :read :value nil}
                {:process 1 :type :ok :f :read :value 0}
                {:process 1 :type :invoke :f :read :value nil}
                {:process 1 :type :ok :f :read :value 1}
                """;
        assertThat(check(crashed, REGISTER)).isInstanceOf(Result.Valid.class);
        // ... but not before it was invoked, and it cannot be undone
        assertThat(check("""
                {:process 1 :type :invoke :f :read :value nil}
                {:process 1 :type :ok :f :read :value 1}
                {:process 0 :type :invoke :f :write :value 1}
                {:process 0 :type :info :f :write :value 1}
                """, REGISTER)).isInstanceOf(Result.Invalid.class);
        assertThat(check(crashed + "{:process 1 :type :invoke :f :read :value nil}\n"
                + "{:process 1 :type :ok :f :read :value 0}\n", REGISTER)).isInstanceOf(Result.Invalid.class);
    }

    @Test
    void aFailedOperationDidNotHappen() throws HistoryException {
        String failed = """
                {:process 0 :type :invoke :f :write :value 1}
                {:process 0 :type :fail :f :write :value 1}
                {:process 1 :type :invoke :f :read :value nil}
                {:process 1 :type :ok :f :read :value 1}
                """;
        assertThat(check(failed, REGISTER)).isInstanceOf(Result.Invalid.class);
        assertThat(check(failed.replace(":fail", ":info"), REGISTER)).isInstanceOf(Result.Valid.class);
    }

    @Test
    void concurrentOperationsMayTakeEffectInEitherOrder() throws HistoryException {
        Result r = Linearizability.check(Hist.concurrentWrites(6, 3L, null), REGISTER, Options.defaults());
        assertThat(r).isInstanceOf(Result.Valid.class);
        assertThat(Linearizability.check(Hist.concurrentWrites(6, 9L, null), REGISTER, Options.defaults()))
                .isInstanceOf(Result.Invalid.class);
    }

    @Test
    void theWindowNamesTheStuckOperationThePendingOnesAndTheStates() throws Exception {
        Path file = KnossosHistoriesTest.root().resolve("cas-register/bad/bad-analysis.edn");
        Result r = Linearizability.check(Histories.read(file), Model.named("cas-register").withInitial(0),
                Options.defaults());
        Result.Window w = ((Result.Invalid) r).window();
        assertThat(w.stuck().index()).isEqualTo(13);
        assertThat(w.stuck().invoke().line()).isEqualTo(17);
        assertThat(w.stuck().completion().value()).isEqualTo(2L);
        assertThat(w.pending()).extracting(Result.Call::index).containsExactly(12);
        assertThat(w.linearized()).isEqualTo(6);
        assertThat(w.states()).containsExactly(1L);
        assertThat(w.render()).contains("cannot linearize op 13 (line 17): process 21 read 2 -> ok 2",
                "  op 10 (line 12): process 20 write 1 -> crashed", "  op 12 (line 16): process 22 read 3 -> ok 3");
    }

    @Test
    void aTimeLimitAnswersUnknown() throws HistoryException {
        Result r = Linearizability.check(Hist.concurrentWrites(16, 99L, null), REGISTER,
                Options.defaults().withTimeLimit(Duration.ofNanos(1)));
        assertThat(r).isInstanceOfSatisfying(Result.Unknown.class,
                u -> assertThat(u.reason()).startsWith("time limit reached after "));
    }

    @Test
    void aMemoryBudgetAnswersUnknownInsteadOfRunningOutOfMemory() throws HistoryException {
        Result r = Linearizability.check(Hist.concurrentWrites(12, 99L, null), REGISTER,
                Options.defaults().withMemoryBudget(100_000));
        assertThat(r).isInstanceOfSatisfying(Result.Unknown.class,
                u -> assertThat(u.reason()).startsWith("memory budget reached: ").contains(" configurations memoized"));
        // the same history decided within a budget large enough
        assertThat(Linearizability.check(Hist.concurrentWrites(12, 99L, null), REGISTER, Options.defaults()))
                .isInstanceOf(Result.Invalid.class);
    }

    @Test
    void partitionsAreCheckedApartAndTheRefutedOneIsNamed() throws HistoryException {
        List<Op> h = new ArrayList<>(Hist.concurrentWrites(10, 3L, "hard-but-fine"));
        h.addAll(Hist.concurrentWrites(2, 7L, "broken"));
        Result r = Linearizability.check(h, REGISTER, Options.defaults().withJobs(2));
        assertThat(r.stats().partitions()).isEqualTo(2);
        assertThat(r).isInstanceOfSatisfying(Result.Invalid.class,
                i -> assertThat(i.window().key()).isEqualTo("broken"));
        assertThat(Linearizability.check(Hist.concurrentWrites(10, 3L, "hard-but-fine"), REGISTER,
                Options.defaults())).isInstanceOf(Result.Valid.class);
    }
}
