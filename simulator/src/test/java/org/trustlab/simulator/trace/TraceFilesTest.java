package org.trustlab.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustlab.simulator.Sim;
import org.trustlab.simulator.scenario.RunResult;

/** Traces as JSON Lines: fixed key order, sorted fields, and a SHA-256 over exactly the bytes written. */
class TraceFilesTest {

    @Test
    void oneEventIsOneLineWithKeysInAFixedOrder() {
        TraceEvent e = new TraceEvent(3, 1_500, "a", TraceEvent.Kind.AUDIT, "ping-rejected",
                Map.of("reason", "PING_EXPIRED", "from", "b\"\n", "local-time", "2025-01-01T00:00:00Z"));
        String line = new String(new TraceJson().line(e), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"seq\":3,\"t\":1500,\"node\":\"a\",\"kind\":\"AUDIT\",\"type\":\"ping-rejected\","
                + "\"fields\":{\"from\":\"b\\\"\\n\",\"local-time\":\"2025-01-01T00:00:00Z\","
                + "\"reason\":\"PING_EXPIRED\"}}\n");
        assertThat(TraceJson.parse(line.trim())).isEqualTo(e);
    }

    @Test
    void theHashIsTheHashOfTheFileAndTheFileReadsBack(@TempDir Path dir) throws Exception {
        RunResult r = Sim.run(Sim.ping("attacker: {strategy: none}\n"));
        Path file = dir.resolve("sub/trace.jsonl");
        TraceWriter.writeAtomically(r.trace(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(r.traceSha256());
        assertThat(new String(bytes, StandardCharsets.UTF_8).lines()).hasSize(r.trace().events().size());
        Trace back = TraceReader.read(file);
        assertThat(back.events()).isEqualTo(r.trace().events());
        assertThat(back.sha256()).isEqualTo(r.traceSha256());
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void anEditedTraceLosesItsIdentityAndABadLineIsNamed() throws IOException {
        RunResult r = Sim.run(Sim.ping(""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(r.trace(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        Trace edited = TraceReader.parse(text.replace("\"accepted\"", "\"rejected\"").getBytes(StandardCharsets.UTF_8));
        assertThat(edited.sha256()).isNotEqualTo(r.traceSha256());
        assertThatThrownBy(() -> TraceReader.parse((text + "{\"seq\":1}\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line " + (r.trace().events().size() + 1) + ": ");
    }

    @Test
    void fieldsAreSortedWhateverOrderTheyCameIn() {
        TreeMap<String, String> f = new TreeMap<>();
        f.put("z", "1");
        f.put("a", "2");
        TraceRecorder rec = new TraceRecorder();
        rec.record(0, "n", TraceEvent.Kind.NOTE, "x", f);
        String line = new String(new TraceJson().line(rec.finish().events().get(0)), StandardCharsets.UTF_8);
        assertThat(line).contains("\"fields\":{\"a\":\"2\",\"z\":\"1\"}");
    }
}
