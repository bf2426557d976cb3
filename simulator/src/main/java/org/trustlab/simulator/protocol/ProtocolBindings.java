package org.trustlab.simulator.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.simulator.ping.PingBinding;

/**
 * The protocols a scenario may name in {@code protocol:}: the simulator's demo protocol {@code ping}, and every
 * {@link ProtocolBindingSource} on the class path (each protocol module registers itself once, as a service).
 * Tests host extra protocols (an echo protocol, a mutant) with {@link #with}, which leaves the standard set alone.
 */
public final class ProtocolBindings {
    private static final ProtocolBindings STANDARD = discover();

    private final Map<String, ProtocolBinding<?>> byName;

    private ProtocolBindings(Map<String, ProtocolBinding<?>> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** Every protocol shipped in the simulator. */
    public static ProtocolBindings standard() {
        return STANDARD;
    }

    private static ProtocolBindings discover() {
        Map<String, ProtocolBinding<?>> found = new TreeMap<>();
        found.put(PingBinding.NAME, new PingBinding());
        for (ProtocolBindingSource source : ServiceLoader.load(ProtocolBindingSource.class,
                ProtocolBindings.class.getClassLoader())) {
            ProtocolBinding<?> b = source.binding();
            ProtocolBinding<?> earlier = found.putIfAbsent(b.name(), b);
            if (earlier != null && earlier.getClass() != b.getClass()) {
                throw new IllegalStateException("two protocol bindings are named " + b.name());
            }
        }
        return new ProtocolBindings(found);
    }

    public static ProtocolBindings empty() {
        return new ProtocolBindings(new TreeMap<>());
    }

    /** A registry with {@code binding} added (replacing one of the same name). */
    public ProtocolBindings with(ProtocolBinding<?> binding) {
        Map<String, ProtocolBinding<?>> copy = new TreeMap<>(byName);
        copy.put(binding.name(), binding);
        return new ProtocolBindings(copy);
    }

    public Optional<ProtocolBinding<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Sorted, so error messages listing them are stable. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Shorthand for {@code standard().find(name)}. */
    public static Optional<ProtocolBinding<?>> lookup(String name) {
        return STANDARD.find(name);
    }
}
