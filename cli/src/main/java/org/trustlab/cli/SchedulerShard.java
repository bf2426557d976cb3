package org.trustlab.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.properties.campaign.Shard;

/**
 * {@code --shard auto} and {@code --shard auto/N}: the shard index (and count, where the scheduler states it) from
 * the environment of the batch system that started this process, so that one command line serves every task of an
 * indexed job. Read in this order:
 * <ul>
 *   <li>Kubernetes Indexed Job: {@code JOB_COMPLETION_INDEX} (0-based); the count is the Job's
 *       {@code completions}, which Kubernetes does not export, so it is given as {@code auto/N};</li>
 *   <li>Slurm job array: {@code SLURM_ARRAY_TASK_ID} minus {@code SLURM_ARRAY_TASK_MIN} (default 0), count
 *       {@code SLURM_ARRAY_TASK_COUNT};</li>
 *   <li>GitLab CI {@code parallel:}: {@code CI_NODE_INDEX} (1-based), count {@code CI_NODE_TOTAL};</li>
 *   <li>any other CI matrix: {@code TRUSTLAB_SHARD_INDEX} (0-based) and {@code TRUSTLAB_SHARD_COUNT}, set from
 *       the matrix.</li>
 * </ul>
 * A count given as {@code auto/N} must agree with the scheduler's where it states one.
 */
final class SchedulerShard {
    /** One scheduler's variables: the index, its base (0 or 1, or another variable's value), and the count. */
    private record Source(String name, String index, int base, String baseVariable, String count) {}

    private static final List<Source> SOURCES = List.of(
            new Source("Kubernetes Indexed Job", "JOB_COMPLETION_INDEX", 0, null, null),
            new Source("Slurm job array", "SLURM_ARRAY_TASK_ID", 0, "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"),
            new Source("GitLab CI parallel job", "CI_NODE_INDEX", 1, null, "CI_NODE_TOTAL"),
            new Source("CI matrix", "TRUSTLAB_SHARD_INDEX", 0, null, "TRUSTLAB_SHARD_COUNT"));

    /** The shard and a phrase saying where it came from. */
    record Resolved(Shard shard, String from) {}

    private SchedulerShard() {}

    static boolean isAuto(String spec) {
        return spec.equals("auto") || spec.startsWith("auto/");
    }

    /** {@code auto} or {@code auto/N} resolved against {@code env}; IllegalArgumentException says what is missing. */
    static Resolved resolve(String spec, Map<String, String> env) {
        Optional<Integer> given = Optional.empty();
        if (spec.startsWith("auto/")) {
            given = Optional.of(number(spec.substring(5), "the count in --shard " + spec));
        }
        for (Source s : SOURCES) {
            String index = env.get(s.index());
            if (index == null || index.isBlank()) {
                continue;
            }
            int base = s.baseVariable() != null && env.get(s.baseVariable()) != null
                    ? number(env.get(s.baseVariable()), s.baseVariable()) : s.base();
            int i = number(index, s.index()) - base;
            Optional<Integer> stated = s.count() == null || env.get(s.count()) == null ? Optional.empty()
                    : Optional.of(number(env.get(s.count()), s.count()));
            if (given.isPresent() && stated.isPresent() && !given.equals(stated)) {
                throw new IllegalArgumentException("--shard " + spec + " disagrees with the " + s.name() + "'s "
                        + s.count() + "=" + stated.get());
            }
            Optional<Integer> count = given.or(() -> stated);
            if (count.isEmpty()) {
                throw new IllegalArgumentException("--shard auto: the " + s.name() + " gives " + s.index() + "="
                        + index + " but no shard count; give it as --shard auto/N (N = the Job's completions)");
            }
            if (count.get() < 1 || i < 0 || i >= count.get()) {
                throw new IllegalArgumentException("--shard auto: " + s.index() + "=" + index + " is not a shard of "
                        + count.get() + " (index must be in " + base + ".." + (base + count.get() - 1) + ")");
            }
            return new Resolved(new Shard(i, count.get()), s.name() + " (" + s.index() + "=" + index + ")");
        }
        throw new IllegalArgumentException("--shard " + spec + ": no scheduler's shard index in the environment"
                + " (looked for " + String.join(", ", SOURCES.stream().map(Source::index).toList()) + ")");
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }
}
