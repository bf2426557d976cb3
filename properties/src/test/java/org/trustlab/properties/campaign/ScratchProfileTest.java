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

class ScratchProfileTest {
    @Test
    void profile() throws Exception {
        String p = System.getProperty("scratch.protocol", "autojoin");
        int runs = Integer.getInteger("scratch.runs", 100);
        CampaignRunner r = Campaigns.runner(p, true);
        r.run(CampaignSpec.of(p, runs, 7).withJobs(1), CampaignProgress.SILENT);
        Path file = Files.createTempFile("x", ".jfr");
        long t;
        try (Recording rec = new Recording()) {
            rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            rec.start();
            t = System.nanoTime();
            r.run(new CampaignSpec(p, runs, 1, java.util.Optional.empty(), Shard.WHOLE, 1, true, 0, 0), CampaignProgress.SILENT);
            t = System.nanoTime() - t;
            rec.stop();
            rec.dump(file);
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> incl = new HashMap<>();
        int n = 0;
        Map<String, Integer> chains = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null) continue;
            n++;
            var frames = e.getStackTrace().getFrames();
            RecordedFrame f = frames.get(0);
            top.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
            String chain = "";
            int depth = 0;
            for (RecordedFrame fr : frames) {
                String cls = fr.getMethod().getType().getName();
                if (cls.startsWith("org.trustlab")) {
                    chain += " < " + cls.substring(cls.lastIndexOf('.') + 1) + "." + fr.getMethod().getName();
                    if (++depth == 4) break;
                }
            }
            chains.merge(chain, 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame fr : frames) {
                String k = fr.getMethod().getType().getName() + "." + fr.getMethod().getName();
                if (seen.add(k)) incl.merge(k, 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder("runs " + runs + " in " + t / 1e9 + " s, samples " + n + "\nTOP SELF\n");
        top.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25).forEach(x -> b.append(x.getValue()).append(" ").append(x.getKey()).append("\n"));
        b.append("TOP INCLUSIVE\n");
        incl.entrySet().stream().filter(x -> x.getKey().startsWith("org.trustlab") || x.getKey().startsWith("clojure.test")).sorted((x, y) -> y.getValue() - x.getValue()).limit(40).forEach(x -> b.append(x.getValue()).append(" ").append(x.getKey()).append("\n"));
        b.append("CHAINS\n");
        chains.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25).forEach(x -> b.append(x.getValue()).append(" ").append(x.getKey()).append("\n"));
        Files.writeString(Path.of("/tmp/h6-profile.txt"), b.toString());
    }
}
