package org.trustlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;
import org.trustlab.properties.campaign.Campaigns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trustlab mutants}: the deliberately broken variants of the reference, by protocol, each with what it
 * breaks and the invariants that must catch it. {@code trustlab campaign --mutant M} runs a campaign against one.
 */
@Command(name = "mutants", mixinStandardHelpOptions = true,
        description = "List the mutants (deliberately broken references) and the invariants that must catch them.")
public final class MutantsCommand implements Callable<Integer> {

    @Option(names = "--protocol", paramLabel = "P", description = "Only this protocol's mutants.")
    String protocol;

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
        return TrustlabCommand.EXIT_OK;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
