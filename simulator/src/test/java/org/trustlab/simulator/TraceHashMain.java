package org.trustlab.simulator;

import java.nio.file.Path;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * Run in a child JVM by the determinism test: {@code TraceHashMain SCENARIO.yaml SEED...} prints the trace hash of
 * (scenario file, seed), one line per seed, in the order given.
 */
public final class TraceHashMain {
    private TraceHashMain() {}

    public static void main(String[] args) {
        Scenario s = new ScenarioLoader(EchoBinding.bindings()).read(Path.of(args[0]));
        ScenarioRunner runner = new ScenarioRunner(EchoBinding.bindings(), InvariantOracle.none());
        for (int i = 1; i < args.length; i++) {
            System.out.println(runner.execute(s, Long.parseLong(args[i])).traceSha256());
        }
    }
}
