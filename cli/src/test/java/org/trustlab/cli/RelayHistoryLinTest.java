package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.Linearizability;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.relay.RelayHistory;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * The relay's slot-table history, recorded from a run, is judged by the linearizability checker against the
 * {@code tofu-slot} model: the correct relay's race is linearizable, the relay without the second check under the
 * lock grants one slot to two proofs, which no order of the claims explains.
 */
class RelayHistoryLinTest {
    private static final Path RACE = Path.of("..", "scenarios", "relay", "racing-registrations.yaml");

    private static Result check(Optional<String> mutant) throws Exception {
        Scenario s = ScenarioLoader.load(RACE).withMutant(mutant);
        var run = new ScenarioRunner(ProtocolBindings.standard(), InvariantCatalogue.oracle()).execute(s);
        String edn = RelayHistory.edn(run.trace());
        assertThat(edn).contains(":type :invoke", ":f :claim", ":granted");
        return Linearizability.check(Histories.parse(edn), Model.named("tofu-slot"), Options.defaults());
    }

    @Test
    void theCorrectRelaysRaceIsLinearizable() throws Exception {
        assertThat(check(Optional.empty())).isInstanceOf(Result.Valid.class);
    }

    @Test
    void withoutTheSecondCheckTheSlotHistoryIsNotLinearizable() throws Exception {
        assertThat(check(Optional.of("relay.no-second-check"))).isInstanceOf(Result.Invalid.class);
    }

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @Test
    void replayWritesTheHistoryThatLinJudges() throws Exception {
        Path edn = tmp.resolve("race.edn");
        CliRun r = CliRun.run("replay", RACE.toString(), "--no-report", "--history", edn.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CliRun lin = CliRun.run("lin", "--model", "tofu-slot", edn.toString());
        assertThat(lin.exit()).as(lin.out() + lin.err()).isZero();
        assertThat(lin.out()).contains("valid");
    }

    @Test
    void aProtocolWithoutAHistoryIsBadInputAndNothingIsWritten() {
        Path edn = tmp.resolve("ping.edn");
        CliRun r = CliRun.run("replay", Path.of("..", "scenarios", "examples", "ping-basic.yaml").toString(),
                "--no-report", "--history", edn.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("records no history");
        assertThat(edn).doesNotExist();
    }
}
