package org.trustlab.properties.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void explore() throws Exception {
        String p = System.getProperty("scratch.protocol", "autojoin");
        int runs = Integer.getInteger("scratch.runs", 200);
        String mutant = System.getProperty("scratch.mutant");
        CampaignRunner r = Campaigns.runner(p, true);
        CampaignSpec spec = CampaignSpec.of(p, runs, 1).withMutant(mutant);
        r.run(CampaignSpec.of(p, 20, 7), CampaignProgress.SILENT);
        long t = System.nanoTime();
        CampaignResult res = r.run(spec, CampaignProgress.SILENT);
        StringBuilder b = new StringBuilder(p + " " + res.violations() + " " + (System.nanoTime() - t) / 1e9 + "s\n");
        res.failures().forEach(f -> b.append(f.checkId()).append(" steps=").append(f.scenarioSteps()).append(" verified=").append(f.replayVerified()).append(" ").append(f.message()).append("\n").append(f.yaml()).append("\n").append(f.traceJsonLines()).append("\n"));
        Files.writeString(Path.of("/tmp/h6-scratch.txt"), b.toString());
    }
}
