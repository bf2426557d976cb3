package org.trustlab.properties.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class ScratchGenTest {
    @Test
    void gen() throws Exception {
        ScenarioGenerator g = Campaigns.find("autojoin").orElseThrow().generator();
        for (int i = 0; i < 1000; i++) {
            g.generate(RunSeeds.runSeed(9, i), CampaignRunner.sizeFor(i)).value();
        }
        Path file = Files.createTempFile("x", ".jfr");
        long t;
        try (Recording rec = new Recording()) {
            rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            rec.start();
            t = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                g.generate(RunSeeds.runSeed(1, i), CampaignRunner.sizeFor(i)).value();
            }
            t = System.nanoTime() - t;
            rec.stop();
            rec.dump(file);
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> incl = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null) continue;
            var frames = e.getStackTrace().getFrames();
            top.merge(frames.get(0).getMethod().getType().getName() + "." + frames.get(0).getMethod().getName(), 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame fr : frames) {
                String k = fr.getMethod().getType().getName() + "." + fr.getMethod().getName();
                if (k.startsWith("trustlab") && seen.add(k)) incl.merge(k, 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder(String.format("gen %.3f ms%n", t / 1e6 / 2000));
        top.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(20).forEach(x -> b.append(x.getValue()).append(" ").append(x.getKey()).append("\n"));
        b.append("INCL\n");
        incl.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30).forEach(x -> b.append(x.getValue()).append(" ").append(x.getKey()).append("\n"));
        Files.writeString(Path.of("/tmp/h6-gen.txt"), b.toString());
    }
}
