package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The network attacker of a scenario. Its presence alone makes it a passive Dolev-Yao eavesdropper (every message
 * is observed and analysed for secrets); {@code strategy} says how it acts: {@code scripted} steps, a
 * {@code random} strategy drawn from the run seed, or {@code none}. {@code compromise} hands the attacker a
 * device's keys of one generation from a time on.
 */
public record AttackerSpec(Strategy strategy, List<AttackStep> steps, List<Compromise> compromise,
        RandomAttack random) {

    public enum Strategy {
        NONE, SCRIPTED, RANDOM;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AttackerSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(random, "random");
        steps = List.copyOf(steps);
        compromise = List.copyOf(compromise);
    }

    public AttackerSpec withSteps(List<AttackStep> newSteps) {
        return new AttackerSpec(strategy, newSteps, compromise, random);
    }

    /** From {@code at} on, the attacker holds {@code device}'s keys of {@code generation}. */
    public record Compromise(String device, int generation, Duration at) {
        public Compromise {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(at, "at");
            if (generation < 0) {
                throw new IllegalArgumentException("generation must not be negative");
            }
        }
    }

    /**
     * The random strategy: each honest send is attacked with probability {@code rate}, by an operation drawn
     * uniformly from {@code ops}; delays and hold times are drawn up to {@code maxDelay}.
     */
    public record RandomAttack(double rate, List<AttackStep.Op> ops, Duration maxDelay) {
        /** Every op but {@code register}, which needs a device to register and so only makes sense scripted. */
        public static final RandomAttack DEFAULT = new RandomAttack(0.2, java.util.Arrays.stream(
                AttackStep.Op.values()).filter(op -> op != AttackStep.Op.REGISTER).toList(), Duration.ofSeconds(5));

        public RandomAttack {
            NetworkSpec.checkProbability("rate", rate);
            ops = List.copyOf(ops);
            Objects.requireNonNull(maxDelay, "maxDelay");
        }
    }
}
