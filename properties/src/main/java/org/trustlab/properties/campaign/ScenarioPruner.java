package org.trustlab.properties.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The second pass of a shrink. test.check's shrink can only make the generator's draws smaller, so a counterexample
 * keeps whatever the generator put around the attack: a random attacker's settings under a scripted attacker, a user
 * action long after the violation, a lossy network. Here whole parts of the scenario are removed, one at a time,
 * while the violation survives without them: the random attacker's settings when the attacker is scripted, each
 * attack step, each key compromise, each user action, each crash, each partition, each device's clock, and the
 * network's losses, duplicates and reordering. It takes the same greedy walk as test.check's pass
 * ({@link Shrinker#walk}); the budget counts scenario runs, so a prune is reproducible on any machine.
 */
final class ScenarioPruner {
    private static final List<String> TOP_LEVEL_LISTS = List.of("actions", "crashes");
    private static final List<String> ATTACKER_LISTS = List.of("steps", "compromise");
    private static final List<String> NETWORK_NOISE = List.of("loss", "duplicate", "reorder");

    private ScenarioPruner() {}

    record Result(Map<String, Object> scenario, int removed, int evaluations) {}

    static Result prune(Map<String, Object> scenario, Predicate<Map<String, Object>> stillFails, int budget) {
        Shrinker.Walk<Map<String, Object>> w = Shrinker.walk(scenario, ScenarioPruner::candidates, stillFails, budget);
        return new Result(w.value(), w.steps(), w.evaluations());
    }

    /** Every scenario one removal smaller than {@code s}; {@code s} itself is never changed. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> candidates(Map<String, Object> s) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (s.get("attacker") instanceof Map<?, ?> attacker) {
            if (attacker.containsKey("random") && !"random".equals(attacker.get("strategy"))) {
                Map<String, Object> c = copy(s);
                ((Map<String, Object>) c.get("attacker")).remove("random");
                out.add(c);
            }
            for (String key : ATTACKER_LISTS) {
                out.addAll(withoutEachOf(s, key, c -> (Map<String, Object>) c.get("attacker")));
            }
        }
        for (String key : TOP_LEVEL_LISTS) {
            out.addAll(withoutEachOf(s, key, c -> c));
        }
        if (s.get("network") instanceof Map<?, ?> network) {
            out.addAll(withoutEachOf(s, "partitions", c -> (Map<String, Object>) c.get("network")));
            for (String key : NETWORK_NOISE) {
                if (network.get(key) instanceof Number n && n.doubleValue() > 0) {
                    Map<String, Object> c = copy(s);
                    ((Map<String, Object>) c.get("network")).put(key, 0.0);
                    out.add(c);
                }
            }
        }
        if (s.get("devices") instanceof List<?> devices) {
            for (int i = 0; i < devices.size(); i++) {
                if (devices.get(i) instanceof Map<?, ?> d && d.containsKey("clock")) {
                    Map<String, Object> c = copy(s);
                    ((Map<String, Object>) ((List<Object>) c.get("devices")).get(i)).remove("clock");
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** One candidate per element of the list at {@code key} in the map {@code holder} picks out, without it. */
    private static List<Map<String, Object>> withoutEachOf(Map<String, Object> s, String key,
            java.util.function.Function<Map<String, Object>, Map<String, Object>> holder) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object list = holder.apply(s).get(key);
        if (!(list instanceof List<?> items)) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> c = copy(s);
            @SuppressWarnings("unchecked")
            List<Object> copied = (List<Object>) holder.apply(c).get(key);
            copied.remove(i);
            if (copied.isEmpty()) {
                holder.apply(c).remove(key);
            }
            out.add(c);
        }
        return out;
    }

    /** A deep, mutable copy of plain scenario data (maps, lists, scalars). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> s) {
        return (Map<String, Object>) deepCopy(s);
    }

    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return o;
    }
}
