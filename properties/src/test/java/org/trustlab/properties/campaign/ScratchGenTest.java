package org.trustlab.properties.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchGenTest {
    @Test
    void gen() throws Exception {
        ScenarioGenerator g = Campaigns.find("autojoin").orElseThrow().generator();
        SimulatorBackend b = new SimulatorBackend();
        StringBuilder out = new StringBuilder();
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                g.generate(RunSeeds.runSeed(round, i), CampaignRunner.sizeFor(i)).value();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                long seed = RunSeeds.runSeed(round, i);
                b.scenario(CampaignRunner.scenarioOf(g.generate(seed, 30).value(), CampaignSpec.of("autojoin", 1, 1), seed, "x"));
            }
            long t3 = System.nanoTime();
            out.append(String.format("gen %.2f ms, gen+parse %.2f ms%n", (t2 - t) / 1e6 / 500, (t3 - t2) / 1e6 / 100));
        }
        Files.writeString(Path.of("/tmp/h6-gen.txt"), out.toString());
    }
}
