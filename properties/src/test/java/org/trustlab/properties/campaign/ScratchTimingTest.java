package org.trustlab.properties.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void timing() throws Exception {
        String p = System.getProperty("scratch.protocol", "autojoin");
        int runs = Integer.getInteger("scratch.runs", 100);
        ScenarioGenerator g = Campaigns.find(p).orElseThrow().generator();
        SimulatorBackend b = new SimulatorBackend();
        StringBuilder out = new StringBuilder();
        for (int pass = 0; pass < 2; pass++) {
            long gen = 0, parse = 0, sim = 0, total = 0;
            for (int i = 0; i < runs; i++) {
                long seed = RunSeeds.runSeed(pass, i);
                long t0 = System.nanoTime();
                Map<String, Object> data = CampaignRunner.scenarioOf(g.generate(seed, 30).value(), CampaignSpec.of(p, 1, 1), seed, "x");
                long t1 = System.nanoTime();
                b.scenario(data);
                long t2 = System.nanoTime();
                var ex = b.run(data);
                long t3 = System.nanoTime();
                gen += t1 - t0; parse += t2 - t1; sim += t3 - t2;
                if (pass == 1) {
                    Map<?, ?> setup = (Map<?, ?>) data.get("setup");
                    out.append(String.format("%3d %7.1fms events=%5d profile=%s net=%s attacker=%s%n", i, (t3 - t2) / 1e6, ex.trace().events().size(),
                        setup == null ? "-" : setup.get("profile"), ((Map<?, ?>) data.get("network")).get("latency"), ((Map<?, ?>) data.get("attacker")).get("strategy")));
                }
            }
            out.append(String.format("pass %d: gen %.1f ms/run, parse+validate %.1f ms/run, run(incl parse) %.1f ms/run%n", pass, gen / 1e6 / runs, parse / 1e6 / runs, sim / 1e6 / runs));
        }
        Files.writeString(Path.of("/tmp/h6-timing.txt"), out.toString());
    }
}
