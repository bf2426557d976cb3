package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;

/**
 * Campaigns hand generated scenarios to the loader as data (or, failing that, JSON text) rather than YAML text, for
 * speed. That must be the same scenario a file would state: each generated scenario loads to an equal
 * {@link Scenario} every way.
 */
class SimulatorBackendTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"autojoin", "vouch", "ping"})
    void generatedScenariosParseAlikeAsJsonAndAsYaml(String protocol) throws Exception {
        ScenarioLoader loader = new ScenarioLoader(ProtocolBindings.standard());
        ScenarioGenerator generator = Campaigns.find(protocol).orElseThrow().generator();
        for (long seed : List.of(1L, 2L, 3L, 17L, 99L)) {
            Map<String, Object> data = CampaignRunner.scenarioOf(generator.generate(seed, 30).value(),
                    new CampaignSpec(protocol, 1, seed, Optional.empty(), Shard.WHOLE, 1, false, 0, 1), seed, "g");
            Scenario fromYaml = loader.parse(YAML.writeValueAsString(data), "generated.yaml");
            // What campaigns run: the data read straight into the loader's tree.
            assertThat(new SimulatorBackend().scenario(data)).as("%s seed %d, data", protocol, seed)
                    .isEqualTo(fromYaml);
            assertThat(loader.parseJson(JSON.writeValueAsString(data), "generated.yaml"))
                    .as("%s seed %d, JSON text", protocol, seed).isEqualTo(fromYaml);
        }
    }
}
