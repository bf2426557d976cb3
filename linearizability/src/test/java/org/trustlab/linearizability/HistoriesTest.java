package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoriesTest {
    private static final String VECTOR = """
            ; a register history
            [{:process 0, :type :invoke, :f :write, :value 1, :time 10}
             {:process 0, :type :ok, :f :write, :value 1, :time 20, :index 1}
             ; a read, with its key
             {:process 1 :type :invoke :f :read :value nil :key "k"}
             {:process 1 :type :info :f :read :value nil :key "k" :error [:timeout 5]}]
            """;

    @Test
    void readsAVectorWithCommentsAndEveryField() throws HistoryException {
        List<Op> ops = Histories.parse(VECTOR);
        assertThat(ops).hasSize(4);
        assertThat(ops.get(0)).isEqualTo(new Op(Op.Type.INVOKE, 0L, "write", 1L, null, 10L, null, null, 2, 2));
        assertThat(ops.get(1).index()).isEqualTo(1L);
        assertThat(ops.get(2).key()).isEqualTo("k");
        assertThat(ops.get(2).line()).isEqualTo(5);
        assertThat(ops.get(3).type()).isEqualTo(Op.Type.INFO);
        assertThat(Edn.print(ops.get(3).error())).isEqualTo("[:timeout 5]");
    }

    @Test
    void readsOneMapPerLineAndAList() throws HistoryException {
        assertThat(Histories.parse("{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :read :value 3}\n"))
                .extracting(Op::value).containsExactly(null, 3L);
        assertThat(Histories.parse("({:process 0 :type :invoke :f :read})")).hasSize(1);
        assertThat(Histories.parse("  ; nothing\n")).isEmpty();
        assertThat(Histories.parse("[]")).isEmpty();
    }

    @Test
    void writesWhatItReads() throws HistoryException {
        List<Op> ops = Histories.parse(VECTOR);
        StringWriter w = new StringWriter();
        Histories.write(ops, w);
        assertThat(w.toString()).startsWith("[{:process 0, :type :invoke, :f :write, :value 1, :time 10}\n {");
        List<Op> back = Histories.parse(w.toString());
        assertThat(back).extracting(Op::toString).isEqualTo(ops.stream().map(Op::toString).toList());
        StringWriter empty = new StringWriter();
        Histories.write(List.of(), empty);
        assertThat(empty.toString()).isEqualTo("[]\n");
    }

    @Test
    void javaValuesBecomeEdn() {
        Op op = Op.ok(1, "cas", List.of(1, 2)).withKey("x");
        assertThat(op.toString()).isEqualTo("{:process 1, :type :ok, :f :cas, :value [1 2], :key \"x\"}");
        assertThat(Op.ok(1, "claim", List.of("p", Op.keyword("granted"))).toString()).contains("[\"p\" :granted]");
    }

    @Test
    void badEdnIsLocated() {
        assertThatThrownBy(() -> Histories.parse("[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok"))
                .isInstanceOfSatisfying(HistoryException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).startsWith("not EDN: EOF while reading");
                });
        assertThatThrownBy(() -> Histories.parse("[{:process 0 :type :invoke :f :read}"))
                .hasMessage("1:1: the history's vector is not closed");
        assertThatThrownBy(() -> Histories.parse("[{:process 0 :type :invoke :f :read}] x"))
                .hasMessage("1:39: text after the history's closing ]");
        assertThatThrownBy(() -> Histories.parse("{:a #{1 1}}")).hasMessageContaining("Duplicate key: 1");
    }

    @Test
    void malformedOperationsAreLocated() {
        assertThatThrownBy(() -> Histories.parse("[{:process 0 :type :invoke :f :read}\n 7]"))
                .hasMessage("2:2: expected an operation map, found 7");
        assertThatThrownBy(() -> Histories.parse("{:process 0 :type :done :f :read}"))
                .hasMessage("1:1: op 0: :type must be one of :invoke :ok :fail :info, found :done");
        assertThatThrownBy(() -> Histories.parse("{:type :ok :f :read}")).hasMessage("1:1: op 0: no :process");
        assertThatThrownBy(() -> Histories.parse("{:type :ok :process 0}")).hasMessage("1:1: op 0: no :f");
    }

    private static void invalid(String history, String message) {
        assertThatThrownBy(() -> Histories.validate(Histories.parse(history))).hasMessage(message);
        assertThatThrownBy(() -> Linearizability.check(Histories.parse(history), Model.named("register"),
                Options.defaults())).hasMessage(message);
    }

    @Test
    void historiesThatDoNotPairUpAreRejectedWithTheOpsPlace() throws HistoryException {
        invalid("{:process 0 :type :invoke :f :read}\n{:process 1 :type :ok :f :read :value 1}",
                "2:1: op 1: a :ok completion of process 1 without an open invocation");
        invalid("{:process 0 :type :invoke :f :read}\n{:process 0 :type :invoke :f :read}",
                "2:1: op 1: process 0 invokes again while its invocation at op 0 is still open");
        invalid("{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :write :value 1}",
                "2:1: op 1: completion :f :write differs from its invocation's :read (op 0)");
        invalid("{:process 0 :type :info :f :read}", "1:1: op 0: a :info completion of process 0 without an open "
                + "invocation");
        // a nemesis is not a client of the object: its operations are left out
        Histories.validate(Histories.parse("{:process :nemesis :type :info :f :start}"));
        // a process may invoke again once its crashed invocation is closed by :info
        Histories.validate(Histories.parse("{:process 0 :type :invoke :f :read}\n{:process 0 :type :info :f :read}"
                + "\n{:process 0 :type :invoke :f :read}"));
    }
}
