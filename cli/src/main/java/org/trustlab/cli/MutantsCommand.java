package org.trustlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.MutantHunt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trustlab mutants}: the deliberately broken variants of the reference, by protocol, each with what it
 * breaks and the invariants that must catch it. {@code trustlab campaign --mutant M} runs a campaign against one;
 * {@code --hunt} runs a campaign against every one under several seeds and prints the runs each needed to its
 * first failure, and their median.
 */
@Command(name = "mutants", mixinStandardHelpOptions = true,
        description = "List the mutants (deliberately broken references) and the invariants that must catch them; "
                + "with --hunt, measure how many campaign runs each needs to be caught.")
public final class MutantsCommand implements Callable<Integer> {

    @Option(names = "--protocol", paramLabel = "P", description = "Only this protocol's mutants.")
    String protocol;

    @Option(names = "--hunt", description = "Run a campaign against every mutant under each seed and print the runs "
            + "to its first failure (exit 1 if a mutant survives a seed).")
    boolean hunt;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2000",
            description = "With --hunt: the most runs per mutant and seed (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seeds", paramLabel = "S,...", split = ",", defaultValue = "1,2,3",
            description = "With --hunt: the master seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--jobs", paramLabel = "J", description = "With --hunt: worker threads (default: the cores).")
    Integer jobs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (protocol != null && Campaigns.find(protocol).isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("trustlab mutants: unknown protocol '" + protocol + "'; known: "
                    + String.join(", ", Campaigns.implemented()));
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        List<Mutant> mutants = protocol == null ? MutantCatalogue.all() : MutantCatalogue.forProtocol(protocol);
        int width = mutants.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        String current = null;
        for (Mutant m : mutants) {
            if (!m.protocol().equals(current)) {
                current = m.protocol();
                out.println(current + ":");
            }
            out.println("  " + pad(m.name(), width) + "  breaks " + String.join(", ", m.breaks()));
            out.println("  " + " ".repeat(width) + "  " + m.description());
        }
        out.println(mutants.size() + " mutants; run one with: trustlab campaign --mutant <name>");
        out.flush();
        return hunt ? hunt(out, mutants, width) : TrustlabCommand.EXIT_OK;
    }

    private int hunt(PrintWriter out, List<Mutant> mutants, int width) {
        if (runs < 1 || seeds.isEmpty() || (jobs != null && jobs < 1)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("trustlab mutants: --runs and --jobs must be at least 1, and --seeds must name a seed");
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        out.println();
        out.println("runs to the first failure (at most " + runs + " runs per seed; seeds "
                + seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + "):");
        Map<String, MutantHunt> hunts = new TreeMap<>();
        int survivors = 0;
        for (Mutant m : mutants) {
            MutantHunt h = hunts.computeIfAbsent(m.protocol(), MutantHunt::of);
            List<MutantHunt.Result> results = new ArrayList<>();
            StringBuilder line = new StringBuilder("  " + pad(m.name(), width));
            for (long seed : seeds) {
                MutantHunt.Result r = h.hunt(m, seed, runs, threads);
                results.add(r);
                line.append(String.format(Locale.ROOT, "  seed %d: %6s", seed,
                        r.caught() ? String.valueOf(r.runsToFirstFailure().getAsInt()) : "missed"));
            }
            OptionalInt median = MutantHunt.median(results);
            line.append("  median ").append(median.isPresent() ? String.valueOf(median.getAsInt()) : "missed");
            if (median.isEmpty()) {
                survivors++;
            }
            out.println(line);
            out.flush();
        }
        out.println(survivors == 0 ? "every mutant caught under every seed"
                : survivors + " mutant(s) survived a seed within " + runs + " runs");
        out.flush();
        return survivors == 0 ? TrustlabCommand.EXIT_OK : TrustlabCommand.EXIT_FAILED;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
