package org.trustlab.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.ProtocolModels;
import org.trustlab.simulator.protocol.ProtocolBindingSource;

/**
 * The registered protocol modules, by name (sorted, so that every listing is stable). Modules are found as the
 * simulator finds bindings, through the one service registration; a source that is not a full module (a test's
 * stand-in binding) is not a protocol here.
 */
public final class ProtocolModules {
    private static final Map<String, ProtocolModule> BY_NAME = discover();

    private ProtocolModules() {}

    public static List<ProtocolModule> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<ProtocolModule> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The modules of {@code --protocol all}: every one but the demo, by name. */
    public static List<ProtocolModule> implemented() {
        return BY_NAME.values().stream().filter(m -> !m.demo()).toList();
    }

    /** What {@code trustlab check} can explore: every module's model, then the textbook models. */
    public static List<ProtocolModel> models() {
        List<ProtocolModel> out = new ArrayList<>();
        BY_NAME.values().forEach(m -> out.addAll(m.models()));
        out.addAll(ProtocolModels.textbook());
        return List.copyOf(out);
    }

    public static Optional<ProtocolModel> model(String name) {
        return models().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static Map<String, ProtocolModule> discover() {
        Map<String, ProtocolModule> out = new TreeMap<>();
        for (ProtocolBindingSource s : ServiceLoader.load(ProtocolBindingSource.class,
                ProtocolModules.class.getClassLoader())) {
            if (s instanceof ProtocolModule m && out.put(m.name(), m) != null) {
                throw new IllegalStateException("two protocol modules are named " + m.name());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
