package org.trustlab.properties.campaign;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trustlab.simulator.trace.Trace;

/**
 * How one protocol is campaigned: its scenario generator (loaded on first use, since loading Clojure costs a
 * second or two) and how its runs are measured for the statistics.
 */
public final class ProtocolCampaign {
    private final String protocol;
    private final Supplier<ScenarioGenerator> generatorSource;
    private final Function<Trace, RunMetrics> metrics;
    private volatile ScenarioGenerator generator;

    public ProtocolCampaign(String protocol, Supplier<ScenarioGenerator> generator, Function<Trace, RunMetrics> metrics) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.generatorSource = Objects.requireNonNull(generator, "generator");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public String protocol() {
        return protocol;
    }

    public ScenarioGenerator generator() {
        ScenarioGenerator g = generator;
        if (g == null) {
            synchronized (this) {
                g = generator;
                if (g == null) {
                    g = generatorSource.get();
                    generator = g;
                }
            }
        }
        return g;
    }

    public RunMetrics metrics(Trace trace) {
        return metrics.apply(trace);
    }
}
