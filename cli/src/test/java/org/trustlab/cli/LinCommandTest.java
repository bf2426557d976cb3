package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinCommandTest {
    private static final String GOOD = """
            ; write then read
            [{:process 0 :type :invoke :f :write :value 1}
             {:process 0 :type :ok :f :write :value 1}
             {:process 1 :type :invoke :f :read :value nil}
             {:process 1 :type :ok :f :read :value 1}]
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aValidHistoryExitsZero() throws IOException {
        Path f = file("good.edn", GOOD);
        CliRun r = CliRun.run("lin", f.toString(), "--model", "cas-register", "--initial", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(f + ": valid (2 operations, 1 partition, ");
    }

    @Test
    void anInvalidHistoryExitsOneWithItsWindow() throws IOException {
        Path good = file("good.edn", GOOD);
        Path bad = file("bad.edn", GOOD.replace(":value 1}]", ":value 2}]"));
        CliRun r = CliRun.run("lin", good.toString(), bad.toString(), "--model", "register");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.out()).contains(good + ": valid").contains(bad + ": invalid")
                .contains("  cannot linearize op 2 (line 4): process 1 read nil -> ok 2")
                .contains("  the model could be in state 1,");
    }

    @Test
    void svgDrawsEachInvalidHistorysWindowAndNothingForAValidOne() throws IOException {
        Path good = file("good.edn", GOOD);
        Path bad = file("bad.edn", GOOD.replace(":value 1}]", ":value 2}]"));
        Path svgs = dir.resolve("timelines");
        CliRun r = CliRun.run("lin", good.toString(), bad.toString(), "--model", "register", "--svg",
                svgs.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.out()).contains("  timeline: " + svgs.resolve("bad.svg"));
        assertThat(svgs.resolve("good.svg")).doesNotExist();
        String svg = Files.readString(svgs.resolve("bad.svg"));
        assertThat(svg).startsWith("<svg").contains("class=\"window\"").contains("process 1")
                .contains("read 2 -&gt; ok").contains("cannot linearize op 2");
        // a folder holding someone else's files is refused before any verdict
        Path foreign = file("mine/notes.txt", "mine");
        CliRun refused = CliRun.run("lin", bad.toString(), "--model", "register", "--svg",
                foreign.getParent().toString());
        assertThat(refused.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("--svg ");
        assertThat(CliRun.run("lin", "--bench", dir.toString(), "--model", "register", "--svg", svgs.toString())
                .exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
    }

    @Test
    void anUndecidedHistoryExitsFour() throws IOException {
        StringBuilder h = new StringBuilder();
        for (int p = 0; p < 18; p++) {
            h.append("{:process ").append(p).append(" :type :invoke :f :write :value ").append(p + 1).append("}\n");
        }
        for (int p = 0; p < 18; p++) {
            h.append("{:process ").append(p).append(" :type :ok :f :write :value ").append(p + 1).append("}\n");
        }
        h.append("{:process 99 :type :invoke :f :read}\n{:process 99 :type :ok :f :read :value 42}\n");
        Path f = file("hard.edn", h.toString());
        CliRun r = CliRun.run("lin", f.toString(), "--model", "register", "--memory-budget", "1");
        assertThat(r.exit()).isEqualTo(LinCommand.EXIT_UNKNOWN);
        assertThat(r.out()).contains(f + ": unknown: memory budget reached");
        CliRun both = CliRun.run("lin", f.toString(), file("bad.edn", GOOD.replace(":value 1}]", ":value 2}]"))
                .toString(), "--model", "register", "--memory-budget", "1");
        assertThat(both.exit()).as("invalid outranks unknown").isEqualTo(TrustlabCommand.EXIT_FAILED);
    }

    @Test
    void badFilesExitTwoWithTheirPlaceBeforeAnyVerdict() throws IOException {
        Path good = file("good.edn", GOOD);
        Path broken = file("broken.edn", "[{:process 0 :type :invoke :f :read}\n {:process 1 :type :ok :f :read}]");
        Path notEdn = file("not.edn", "{:process 0 :type :invoke :f :read\n");
        CliRun r = CliRun.run("lin", good.toString(), broken.toString(), notEdn.toString(), "--model", "register");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(broken + ":2:2: op 1: a :ok completion of process 1 without an open invocation")
                .contains(notEdn + ":1:1: not EDN: EOF while reading");
        CliRun missing = CliRun.run("lin", dir.resolve("nope.edn").toString(), "--model", "register");
        assertThat(missing.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("nope.edn: cannot read (NoSuchFileException");
    }

    @Test
    void badFlagsExitTwo() throws IOException {
        Path good = file("good.edn", GOOD);
        assertThat(CliRun.run("lin", good.toString(), "--model", "btree").err())
                .contains("unknown model 'btree'; known: register, cas-register");
        assertThat(CliRun.run("lin", good.toString(), "--model", "btree").exit()).isEqualTo(2);
        assertThat(CliRun.run("lin", good.toString(), "--model", "register", "--initial", "{:x").exit()).isEqualTo(2);
        assertThat(CliRun.run("lin", good.toString(), "--model", "register", "--time-limit", "0").exit()).isEqualTo(2);
        assertThat(CliRun.run("lin", good.toString(), "--model", "register", "--jobs", "0").exit()).isEqualTo(2);
        assertThat(CliRun.run("lin", "--model", "register").err()).contains("no history files given");
        assertThat(CliRun.run("lin", good.toString()).exit()).as("--model is required").isEqualTo(2);
        assertThat(CliRun.run("lin", "--bench", good.toString(), "--model", "register").err())
                .contains("not a directory");
    }

    @Test
    void benchTimesEveryHistoryAndChecksTheFoldersVerdict() throws IOException {
        file("set/good/a.edn", GOOD);
        file("set/bad/b.edn", GOOD.replace(":value 1}]", ":value 2}]"));
        CliRun r = CliRun.run("lin", "--bench", dir.resolve("set").toString(), "--model", "register",
                "--rounds", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bench: 2 histories").containsPattern("bad/b.edn +invalid +[0-9.]+ ms")
                .containsPattern("good/a.edn +valid +[0-9.]+ ms").contains("0 verdict mismatches");
        file("set/good/c.edn", GOOD.replace(":value 1}]", ":value 2}]"));
        CliRun wrong = CliRun.run("lin", "--bench", dir.resolve("set").toString(), "--model", "register",
                "--rounds", "1");
        assertThat(wrong.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(wrong.out()).contains("MISMATCH: expected valid").contains("1 verdict mismatches");
    }
}
