package org.trustlab.bench.campaign;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignRunner;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.Shard;

/**
 * A single-threaded campaign of 500 runs (no shrinking, model validation on, as campaigns run by default) with its
 * workers drawing one scenario and running it, or drawing sixteen and then running them: what the runner's blocks
 * buy. Milliseconds per campaign.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar CampaignBlockBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 8, time = 3)
public class CampaignBlockBench {
    @Param({"autojoin", "vouch"})
    public String protocol;

    @Param({"1", "16"})
    public int block;

    private CampaignRunner runner;
    private CampaignSpec spec;

    @Setup
    public void setUp() {
        runner = Campaigns.runner(protocol, true).withBlock(block);
        spec = new CampaignSpec(protocol, 500, 1, Optional.empty(), Shard.WHOLE, 1, true, 0, 0);
    }

    @Benchmark
    public CampaignResult campaign() {
        return runner.run(spec, CampaignProgress.SILENT);
    }
}
