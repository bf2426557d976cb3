package org.trustlab.simulator;

import java.nio.file.Path;
import org.trustlab.simulator.echo.EchoBinding;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/** Run in a child JVM by the determinism test: prints the trace hash of (scenario file, seed). */
public final class TraceHashMain {
    private TraceHashMain() {}

    public static void main(String[] args) {
        Scenario s = new ScenarioLoader(EchoBinding.bindings()).read(Path.of(args[0]));
        System.out.println(new ScenarioRunner(EchoBinding.bindings(), InvariantOracle.none())
                .execute(s, Long.parseLong(args[1])).traceSha256());
    }
}
