package org.trustlab.properties.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;

class ScratchTest {
    @Test
    void explore() throws Exception {
        int runs = Integer.getInteger("scratch.runs", 150);
        StringBuilder b = new StringBuilder();
        for (String proto : new String[] {"autojoin", "vouch"}) {
            CampaignRunner r = Campaigns.runner(proto, true);
            long t = System.nanoTime();
            CampaignResult res = r.run(new CampaignSpec(proto, runs, 1, Optional.empty(), Shard.WHOLE, 2, true, 0, 1), CampaignProgress.SILENT);
            b.append("CORRECT ").append(proto).append(" -> ").append(res.violations()).append(" admitted ").append(res.admitted()).append(String.format(" %.1fs%n", (System.nanoTime() - t) / 1e9));
            for (RunRecord rr : res.runs()) if (rr.violatedUnexpectedly()) { b.append("  failing run ").append(rr.index()).append(" ").append(rr.violations()).append("\n"); }
            Files.writeString(Path.of("/tmp/h6-scratch.txt"), b.toString());
        }
        for (Mutant m : MutantCatalogue.all()) {
            if (System.getProperty("scratch.only") != null && !m.name().startsWith(System.getProperty("scratch.only"))) continue;
            CampaignRunner r = Campaigns.runner(m.protocol(), true);
            long t = System.nanoTime();
            CampaignResult res = r.run(new CampaignSpec(m.protocol(), runs, 1, Optional.of(m.name()), Shard.WHOLE, 2, true, 300, 1), CampaignProgress.SILENT);
            b.append(m.name()).append(" breaks ").append(m.breaks()).append(" -> ").append(res.violations()).append(String.format(" %.1fs%n", (System.nanoTime() - t) / 1e9));
            for (RunRecord rr : res.runs()) if (rr.violated()) { b.append("  first failing run ").append(rr.index()).append("\n"); break; }
            res.failures().forEach(f -> b.append("  ").append(f.checkId()).append(" run=").append(f.runIndex()).append(" steps=").append(f.scenarioSteps()).append(" shrinkSteps=").append(f.shrinkSteps()).append(" evals=").append(f.shrinkEvaluations()).append(" verified=").append(f.replayVerified()).append(" ").append(f.message()).append("\n"));
            Files.writeString(Path.of("/tmp/h6-scratch.txt"), b.toString());
        }
    }
}
