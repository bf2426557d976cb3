package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The prune pass on plain scenario data, judged by a stand-in for "the violation survives". */
class ScenarioPrunerTest {
    private static Map<String, Object> scenario() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("devices", List.of(Map.of("name", "phone", "role", "requester"),
                Map.of("name", "laptop", "role", "validator", "clock", Map.of("offset", "300ms"))));
        s.put("network", Map.of("latency", Map.of("dist", "constant", "value", "20ms"), "loss", 0.05,
                "duplicate", 0.0, "reorder", 0.2));
        s.put("actions", List.of(action("phone", "0s", "auto-join"), action("laptop", "192ms", "revoke-grant"),
                action("phone", "40s", "auto-join")));
        s.put("attacker", Map.of("strategy", "scripted", "steps", List.of(Map.of("op", "replay", "at", "300ms"),
                Map.of("op", "inject", "at", "9s")), "random", Map.of("rate", 0.2)));
        return s;
    }

    private static Map<String, Object> action(String device, String at, String action) {
        return Map.of("device", device, "at", at, "action", action);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> s, String... path) {
        Object o = s;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> s, String key) {
        return (Map<String, Object>) s.get(key);
    }

    /** Fails while the revocation and the replay are there: everything else is noise. */
    private static final Predicate<Map<String, Object>> NEEDS_REVOCATION_AND_REPLAY = s ->
            list(s, "actions").stream().anyMatch(a -> a.get("action").equals("revoke-grant"))
                    && list(s, "attacker", "steps").stream().anyMatch(a -> a.get("op").equals("replay"));

    @Test
    void removesEveryPartTheViolationDoesNotNeed() {
        ScenarioPruner.Result r = ScenarioPruner.prune(scenario(), NEEDS_REVOCATION_AND_REPLAY, 1000);
        Map<String, Object> s = r.scenario();
        assertThat(list(s, "actions")).extracting(a -> a.get("action")).containsExactly("revoke-grant");
        assertThat(list(s, "attacker", "steps")).extracting(a -> a.get("op")).containsExactly("replay");
        assertThat(map(s, "attacker")).doesNotContainKey("random").containsEntry("strategy", "scripted");
        assertThat(map(s, "network")).containsEntry("loss", 0.0).containsEntry("reorder", 0.0);
        assertThat(list(s, "devices")).allSatisfy(d -> assertThat(d).doesNotContainKey("clock"));
        assertThat(r.removed()).isEqualTo(7);
    }

    @Test
    void keepsWhatTheViolationNeedsAndTheRandomSettingsOfARandomAttacker() {
        Map<String, Object> s = scenario();
        s.put("attacker", Map.of("strategy", "random", "random", Map.of("rate", 0.2)));
        Predicate<Map<String, Object>> needsEverything = c -> c.equals(s);
        ScenarioPruner.Result r = ScenarioPruner.prune(s, needsEverything, 1000);
        assertThat(r.scenario()).isEqualTo(s);
        assertThat(r.removed()).isZero();
        assertThat(ScenarioPruner.candidates(s)).allMatch(c -> map(c, "attacker").containsKey("random"));
    }

    @Test
    void neverChangesItsInputAndStopsAtTheBudget() {
        Map<String, Object> s = ScenarioPruner.copy(scenario());
        Map<String, Object> before = ScenarioPruner.copy(s);
        List<Integer> calls = new ArrayList<>();
        ScenarioPruner.Result r = ScenarioPruner.prune(s, c -> calls.add(1), 3);
        assertThat(s).isEqualTo(before);
        assertThat(calls).hasSize(3);
        assertThat(r.evaluations()).isEqualTo(3);
        assertThat(r.removed()).isEqualTo(3);
    }

    @Test
    void anEmptiedListIsRemovedWhole() {
        ScenarioPruner.Result r = ScenarioPruner.prune(scenario(), c -> true, 1000);
        assertThat(r.scenario()).doesNotContainKey("actions");
        assertThat(map(r.scenario(), "attacker")).doesNotContainKeys("steps", "random");
    }
}
