package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustlab.linearizability.Hist.check;
import static org.trustlab.linearizability.Hist.seq;

import org.junit.jupiter.api.Test;

/** Each model accepts a history its object could produce and refutes one it could not. */
class ModelsTest {
    private static void valid(Model m, String history) throws HistoryException {
        assertThat(check(history, m)).as(history).isInstanceOf(Result.Valid.class);
    }

    private static void invalid(Model m, String history) throws HistoryException {
        assertThat(check(history, m)).as(history).isInstanceOf(Result.Invalid.class);
    }

    @Test
    void register() throws HistoryException {
        Model m = Model.named("register");
        valid(m, seq("read nil nil", "write 1 1", "read nil 1"));
        invalid(m, seq("write 1 1", "read nil 2"));
        // a read whose result is not known (nil) constrains nothing, as in Knossos
        valid(m.withInitial(0), seq("write 1 1", "read nil nil"));
    }

    @Test
    void casRegister() throws HistoryException {
        Model m = Model.named("cas-register").withInitial(0);
        valid(m, seq("cas [0 1] [0 1]", "read nil 1", "write 5 5", "cas [5 6] [5 6]", "read nil 6"));
        invalid(m, seq("cas [1 2] [1 2]"));
        invalid(m, seq("write 3 3", "read nil 0"));
    }

    @Test
    void multiRegister() throws HistoryException {
        Model m = Model.named("multi-register").withInitialEdn("{:x 0 :y 0}");
        valid(m, seq("txn [[:write :x 1]] [[:write :x 1]]", "txn [[:read :x nil] [:read :y nil]] [[:read :x 1] [:read :y 0]]"));
        invalid(m, seq("txn [[:write :x 1]] [[:write :x 1]]", "txn [[:read :x nil]] [[:read :x 2]]"));
    }

    @Test
    void set() throws HistoryException {
        Model m = Model.named("set");
        valid(m, seq("add 1 1", "add 2 2", "read nil #{1 2}"));
        invalid(m, seq("add 1 1", "add 2 2", "read nil #{1}"));
    }

    @Test
    void mutex() throws HistoryException {
        Model m = Model.named("mutex");
        valid(m, seq("acquire nil nil", "release nil nil", "acquire nil nil"));
        invalid(m, seq("acquire nil nil", "acquire nil nil"));
        invalid(m, seq("release nil nil"));
    }

    @Test
    void fifoQueue() throws HistoryException {
        Model m = Model.named("fifo-queue");
        valid(m, seq("enqueue 1 1", "enqueue 2 2", "dequeue nil 1", "dequeue nil 2"));
        invalid(m, seq("enqueue 1 1", "enqueue 2 2", "dequeue nil 2"));
        invalid(m, seq("dequeue nil 1"));
    }

    @Test
    void unorderedQueue() throws HistoryException {
        Model m = Model.named("unordered-queue");
        valid(m, seq("enqueue 1 1", "enqueue 2 2", "dequeue nil 2", "dequeue nil 1"));
        valid(m, seq("enqueue 1 1", "enqueue 1 1", "dequeue nil 1", "dequeue nil 1"));
        invalid(m, seq("enqueue 1 1", "dequeue nil 1", "dequeue nil 1"));
        invalid(m, seq("enqueue 1 1", "dequeue nil 3"));
    }

    @Test
    void kvIsPartitionedByKey() throws HistoryException {
        Model m = Model.named("kv");
        String h = """
                {:process 0 :type :invoke :f :put :key "a" :value "x"}
                {:process 0 :type :ok :f :put :key "a" :value "x"}
                {:process 1 :type :invoke :f :append :key "b" :value "z"}
                {:process 0 :type :invoke :f :append :key "a" :value "y"}
                {:process 0 :type :ok :f :append :key "a" :value "y"}
                {:process 1 :type :ok :f :append :key "b" :value "z"}
                {:process 0 :type :invoke :f :get :key "a" :value nil}
                {:process 0 :type :ok :f :get :key "a" :value "xy"}
                {:process 0 :type :invoke :f :get :key "b" :value nil}
                {:process 0 :type :ok :f :get :key "b" :value "z"}
                """;
        Result r = check(h, m);
        assertThat(r).isInstanceOf(Result.Valid.class);
        assertThat(r.stats().partitions()).isEqualTo(2);
        Result bad = check(h.replace("\"xy\"", "\"yx\""), m);
        assertThat(bad).isInstanceOf(Result.Invalid.class);
        assertThat(((Result.Invalid) bad).window().key()).isEqualTo("a");
    }

    @Test
    void tofuSlotFirstProofWins() throws HistoryException {
        Model m = Model.named("tofu-slot");
        valid(m, seq("claim [\"p1\" nil] [\"p1\" :granted]", "claim [\"p2\" nil] [\"p2\" :refused]",
                "claim [\"p1\" nil] [\"p1\" :granted]", "read nil \"p1\""));
        // a slot table without the second proof check grants the squatter: not linearizable
        invalid(m, seq("claim [\"p1\" nil] [\"p1\" :granted]", "claim [\"p2\" nil] [\"p2\" :granted]"));
        invalid(m, seq("claim [\"p1\" nil] [\"p1\" :refused]"));
        // two concurrent first claims cannot both win
        invalid(m, """
                {:process 0 :type :invoke :f :claim :value ["p1" nil]}
                {:process 1 :type :invoke :f :claim :value ["p2" nil]}
                {:process 0 :type :ok :f :claim :value ["p1" :granted]}
                {:process 1 :type :ok :f :claim :value ["p2" :granted]}
                """);
    }

    @Test
    void nonceStoreConsumesOnce() throws HistoryException {
        Model m = Model.named("nonce-store");
        valid(m, seq("issue 7 7", "consume [7 nil] [7 :accepted]", "consume [7 nil] [7 :rejected]",
                "consume [8 nil] [8 :rejected]"));
        invalid(m, seq("consume [7 nil] [7 :accepted]"));
        invalid(m, seq("issue 7 7", "issue 7 7"));
        // a consumed set checked and marked in two steps lets two concurrent consumes both pass
        invalid(m, """
                {:process 2 :type :invoke :f :issue :value 7}
                {:process 2 :type :ok :f :issue :value 7}
                {:process 0 :type :invoke :f :consume :value [7 nil]}
                {:process 1 :type :invoke :f :consume :value [7 nil]}
                {:process 0 :type :ok :f :consume :value [7 :accepted]}
                {:process 1 :type :ok :f :consume :value [7 :accepted]}
                """);
    }

    @Test
    void unknownModelsAndInitialValuesAreRejected() {
        assertThatThrownBy(() -> Model.named("btree")).hasMessageStartingWith("unknown model 'btree'; known: register,");
        assertThatThrownBy(() -> Model.named("register").withInitialEdn("{:x")).hasMessageStartingWith("not EDN");
        assertThat(Model.names()).containsExactly("register", "cas-register", "multi-register", "set", "mutex",
                "fifo-queue", "unordered-queue", "kv", "tofu-slot", "nonce-store");
    }
}
