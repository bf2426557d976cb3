package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network profile: default latency distribution and fault probabilities for every link, per-link overrides
 * (in order; later entries override earlier ones, {@code *} matches any device), and scheduled partitions.
 * A reordered message is held back by an extra delay drawn uniformly from [0, reorderDelay], so later messages
 * can overtake it.
 */
public record NetworkSpec(LatencySpec latency, double loss, double duplicate, double reorder, Duration reorderDelay,
        List<LinkSpec> links, List<PartitionSpec> partitions) {

    public static final NetworkSpec DEFAULT = new NetworkSpec(new LatencySpec.Constant(Duration.ofMillis(10)), 0, 0,
            0, Duration.ofMillis(100), List.of(), List.of());

    public NetworkSpec {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(reorderDelay, "reorderDelay");
        checkProbability("loss", loss);
        checkProbability("duplicate", duplicate);
        checkProbability("reorder", reorder);
        links = List.copyOf(links);
        partitions = List.copyOf(partitions);
    }

    static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1]: " + p);
        }
    }

    public NetworkSpec withLinks(List<LinkSpec> newLinks) {
        return new NetworkSpec(latency, loss, duplicate, reorder, reorderDelay, newLinks, partitions);
    }

    public NetworkSpec withPartitions(List<PartitionSpec> newPartitions) {
        return new NetworkSpec(latency, loss, duplicate, reorder, reorderDelay, links, newPartitions);
    }

    public NetworkSpec withFaults(double newLoss, double newDuplicate, double newReorder) {
        return new NetworkSpec(latency, newLoss, newDuplicate, newReorder, reorderDelay, links, partitions);
    }

    /** Latency distributions, all from Commons Math and drawn from the link's seeded stream. */
    public sealed interface LatencySpec permits LatencySpec.Constant, LatencySpec.Uniform, LatencySpec.Exponential,
            LatencySpec.LogNormal {

        record Constant(Duration value) implements LatencySpec {
            public Constant {
                Objects.requireNonNull(value, "value");
            }
        }

        record Uniform(Duration min, Duration max) implements LatencySpec {
            public Uniform {
                if (max.compareTo(min) <= 0) {
                    throw new IllegalArgumentException("uniform latency needs min < max");
                }
            }
        }

        record Exponential(Duration mean) implements LatencySpec {
            public Exponential {
                if (mean.isZero() || mean.isNegative()) {
                    throw new IllegalArgumentException("exponential latency needs a positive mean");
                }
            }
        }

        /** Log-normal with the given median and shape {@code sigma} (the standard deviation of the log). */
        record LogNormal(Duration median, double sigma) implements LatencySpec {
            public LogNormal {
                if (median.isZero() || median.isNegative() || !(sigma > 0)) {
                    throw new IllegalArgumentException("log-normal latency needs a positive median and sigma");
                }
            }
        }
    }

    /** Overrides for the link {@code from -> to} ({@code *} = any device); empty fields keep the default. */
    public record LinkSpec(String from, String to, Optional<LatencySpec> latency, Optional<Double> loss,
            Optional<Double> duplicate, Optional<Double> reorder) {
        public LinkSpec {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            latency = latency == null ? Optional.empty() : latency;
            loss = loss == null ? Optional.empty() : loss;
            duplicate = duplicate == null ? Optional.empty() : duplicate;
            reorder = reorder == null ? Optional.empty() : reorder;
            loss.ifPresent(p -> checkProbability("loss", p));
            duplicate.ifPresent(p -> checkProbability("duplicate", p));
            reorder.ifPresent(p -> checkProbability("reorder", p));
        }

        public boolean matches(String a, String b) {
            return (from.equals("*") || from.equals(a)) && (to.equals("*") || to.equals(b));
        }
    }

    /**
     * From {@code at} until {@code heal} (forever when empty), messages between devices of different groups are
     * dropped on delivery. Devices listed in no group form one further group together.
     */
    public record PartitionSpec(Duration at, Optional<Duration> heal, List<List<String>> groups) {
        public PartitionSpec {
            Objects.requireNonNull(at, "at");
            heal = heal == null ? Optional.empty() : heal;
            groups = groups.stream().map(List::copyOf).toList();
        }
    }
}
