package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;

/** Campaign data read directly must give the tree, scenario and errors its JSON text gives. */
class YamlTreeDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dataGivesTheTreeItsJsonTextGives() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ints", new ArrayList<>(List.of(0L, -1L, 7, 2147483647L, -2147483648L, 2147483648L,
                -2147483649L, Long.MAX_VALUE, Long.MIN_VALUE)));
        data.put("doubles", new ArrayList<>(List.of(0.0, -0.0, 0.1, 1e300, 4.9e-324, 123456789.125, 0.005)));
        data.put("text", "a\"b\\c/\u00e9\ud83d\ude00\n");
        data.put("flags", Arrays.asList(true, false, null));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "last first");
        inner.put("a/b~c", List.of());
        inner.put("empty", new LinkedHashMap<>());
        data.put("nested", inner);
        String text = JSON.writeValueAsString(data);
        YamlTree fromData = YamlTree.fromData("generated.yaml", data, () -> text);
        YamlTree parsed = YamlTree.parseJson("generated.yaml", text);
        assertThat(fromData.root).isEqualTo(parsed.root);
        assertThat(fromData.root.toString()).isEqualTo(parsed.root.toString());
        for (String p : List.of("", "/ints/3", "/nested/a~1b~0c", "/nested/z", "/flags/2", "/nope/deeper")) {
            assertThat(fromData.at(p)).isEqualTo(parsed.at(p));
            assertThat(fromData.keyAt(p)).isEqualTo(parsed.keyAt(p));
        }
    }

    @Test
    void whatDataCannotSayGoesThroughTheText() {
        assertThat(YamlTree.fromData("f", Map.of("x", Double.NaN), () -> "")).isNull();
        assertThat(YamlTree.fromData("f", Map.of("x", 1.5f), () -> "")).isNull();
        assertThat(YamlTree.fromData("f", Map.of("x", new Object()), () -> "")).isNull();
    }

    @Test
    void scenariosAndErrorsAreTheSame() throws Exception {
        ScenarioLoader loader = new ScenarioLoader(ProtocolBindings.standard());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("protocol", "ping");
        data.put("seed", 7L);
        List<Object> devices = new ArrayList<>();
        devices.add(new LinkedHashMap<>(Map.of("name", "a", "role", "pinger")));
        devices.add(new LinkedHashMap<>(Map.of("name", "b", "role", "responder")));
        data.put("devices", devices);
        String text = JSON.writeValueAsString(data);
        Throwable viaText = catchThrowable(() -> loader.parseJson(text, "generated.yaml"));
        Throwable viaData = catchThrowable(() -> loader.parseData(data, () -> text, "generated.yaml"));
        if (viaText == null) {
            assertThat(viaData).isNull();
            assertThat(loader.parseData(data, () -> text, "generated.yaml"))
                    .isEqualTo(loader.parseJson(text, "generated.yaml"));
        } else {
            assertThat(viaData).isInstanceOf(ScenarioException.class).hasMessage(viaText.getMessage());
        }
        data.put("bogus-key", 1L);
        String bad = JSON.writeValueAsString(data);
        Throwable e1 = catchThrowable(() -> loader.parseJson(bad, "generated.yaml"));
        Throwable e2 = catchThrowable(() -> loader.parseData(data, () -> bad, "generated.yaml"));
        assertThat(e1).isInstanceOf(ScenarioException.class);
        assertThat(e2).isInstanceOf(ScenarioException.class).hasMessage(e1.getMessage());
    }
}
