package org.trustlab.simulator.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ConstantRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.util.FastMath;
import org.trustlab.simulator.engine.SeededRandomGenerator;
import org.trustlab.simulator.scenario.NetworkSpec;

/**
 * Per-link latency and faults, and the partitions in force. Each directed link draws from its own stream
 * {@code link/<a>-><b>} of the run seed, so traffic on one link never shifts the draws of another, and adding a
 * device leaves the existing links' behaviour as it was.
 */
final class NetworkModel {

    /** One directed link's parameters and random stream. */
    static final class Link {
        final SeededRandomGenerator rng;
        final RealDistribution latency;
        final double loss;
        final double duplicate;
        final double reorder;

        Link(SeededRandomGenerator rng, RealDistribution latency, double loss, double duplicate, double reorder) {
            this.rng = rng;
            this.latency = latency;
            this.loss = loss;
            this.duplicate = duplicate;
            this.reorder = reorder;
        }

        long sampleLatency() {
            double ns = latency.sample();
            if (!(ns > 0)) {
                return 0;
            }
            return ns >= Long.MAX_VALUE / 4.0 ? Long.MAX_VALUE / 4 : Math.round(ns);
        }
    }

    private final NetworkSpec spec;
    private final long runSeed;
    /** Looked up by key only, never iterated, so its order cannot leak into a run. */
    private final Map<String, Link> links = new HashMap<>();
    private final List<NetworkSpec.PartitionSpec> active = new ArrayList<>();

    NetworkModel(NetworkSpec spec, long runSeed) {
        this.spec = spec;
        this.runSeed = runSeed;
    }

    NetworkSpec spec() {
        return spec;
    }

    Link link(String from, String to) {
        return links.computeIfAbsent(from + "->" + to, k -> build(from, to, k));
    }

    private Link build(String from, String to, String key) {
        NetworkSpec.LatencySpec latency = spec.latency();
        double loss = spec.loss();
        double duplicate = spec.duplicate();
        double reorder = spec.reorder();
        for (NetworkSpec.LinkSpec o : spec.links()) {
            if (o.matches(from, to)) {
                latency = o.latency().orElse(latency);
                loss = o.loss().orElse(loss);
                duplicate = o.duplicate().orElse(duplicate);
                reorder = o.reorder().orElse(reorder);
            }
        }
        SeededRandomGenerator rng = new SeededRandomGenerator(runSeed, "link/" + key);
        return new Link(rng, distribution(latency, rng), loss, duplicate, reorder);
    }

    static RealDistribution distribution(NetworkSpec.LatencySpec latency, SeededRandomGenerator rng) {
        if (latency instanceof NetworkSpec.LatencySpec.Constant c) {
            return new ConstantRealDistribution(c.value().toNanos());
        }
        if (latency instanceof NetworkSpec.LatencySpec.Uniform u) {
            return new UniformRealDistribution(rng, u.min().toNanos(), u.max().toNanos());
        }
        if (latency instanceof NetworkSpec.LatencySpec.Exponential e) {
            return new ExponentialDistribution(rng, e.mean().toNanos());
        }
        NetworkSpec.LatencySpec.LogNormal l = (NetworkSpec.LatencySpec.LogNormal) latency;
        // The median of a log-normal is exp(scale).
        return new LogNormalDistribution(rng, FastMath.log(l.median().toNanos()), l.sigma());
    }

    void partition(NetworkSpec.PartitionSpec p) {
        active.add(p);
    }

    void heal(NetworkSpec.PartitionSpec p) {
        active.remove(p);
    }

    boolean active(NetworkSpec.PartitionSpec p) {
        return active.contains(p);
    }

    boolean partitioned(String a, String b) {
        for (NetworkSpec.PartitionSpec p : active) {
            if (group(p, a) != group(p, b)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the device's group; devices in no group share the index past the last group. */
    private static int group(NetworkSpec.PartitionSpec p, String device) {
        for (int i = 0; i < p.groups().size(); i++) {
            if (p.groups().get(i).contains(device)) {
                return i;
            }
        }
        return p.groups().size();
    }
}
