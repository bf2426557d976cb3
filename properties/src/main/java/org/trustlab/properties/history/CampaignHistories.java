package org.trustlab.properties.history;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.linearizability.Histories;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.campaign.CampaignRunner;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Failure;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceReader;

/**
 * A campaign's object histories as Jepsen EDN files, one per run and linearizability invariant, for a reviewer to
 * check again with {@code trustlab lin}, Knossos or Porcupine: the first {@value #SAMPLE} runs (ordinary runs, to
 * see what a history looks like and cross-check the checker), the failing runs (any check violated; the
 * {@value #MAX_FAILING} lowest run indices, so the files do not depend on thread timing) and each shrunk
 * counterexample. Files go under {@code <dir>/<invariant id>/}: {@code run-<index>.edn} and
 * {@code <failure stem>.edn}, each opening with a comment that says what it is and how to check it.
 */
public final class CampaignHistories implements CampaignRunner.RunTap {
    public static final int SAMPLE = 10;
    public static final int MAX_FAILING = 100;

    private final CampaignSpec spec;
    private final List<LinearizabilityInvariant> invariants;
    /** (invariant id, run index) to the file's text, kept to the sample and the lowest failing runs. */
    private final TreeMap<Long, String[]> files = new TreeMap<>();

    public CampaignHistories(CampaignSpec spec) {
        this.spec = spec;
        this.invariants = of(spec.protocol());
    }

    /** The protocol's linearizability invariants: the objects it has histories of. */
    public static List<LinearizabilityInvariant> of(String protocol) {
        return InvariantCatalogue.forProtocol(protocol).stream().filter(LinearizabilityInvariant.class::isInstance)
                .map(LinearizabilityInvariant.class::cast).toList();
    }

    public boolean any() {
        return !invariants.isEmpty();
    }

    @Override
    public void ran(int index, long seed, Trace trace, List<String> violated) {
        if (index >= SAMPLE && violated.isEmpty()) {
            return;
        }
        for (int i = 0; i < invariants.size(); i++) {
            LinearizabilityInvariant inv = invariants.get(i);
            String what = (index < SAMPLE ? "sample " : "failing ") + spec.protocol() + " run " + index + " (run seed "
                    + seed + ") of the campaign at seed " + spec.seed() + spec.mutant().map(m -> ", mutant " + m)
                    .orElse("") + (violated.isEmpty() ? "" : "; violated: " + String.join(", ", violated));
            keep(((long) index << 8) | i, new String[] {inv.id(), "run-" + index + ".edn", text(inv, trace, what)});
        }
    }

    /**
     * Keeps the lowest failing runs, whatever order the workers finish in: the sample always, the failing ones up
     * to MAX_FAILING (one at a time, so that what is dropped is always the highest index seen).
     */
    private synchronized void keep(long key, String[] file) {
        files.put(key, file);
        while (files.size() > (SAMPLE + MAX_FAILING) * invariants.size()) {
            Map.Entry<Long, String[]> last = files.lastEntry();
            if ((last.getKey() >> 8) < SAMPLE) {
                break;
            }
            files.remove(last.getKey());
        }
    }

    /** Writes the collected runs' histories and the shrunk failures' under {@code dir}; returns how many files. */
    public synchronized int write(Path dir, List<Failure> failures) throws IOException {
        int n = 0;
        for (String[] f : files.values()) {
            n += write(dir.resolve(f[0]).resolve(f[1]), f[2]);
        }
        for (Failure f : failures) {
            Trace t = TraceReader.parse(f.traceJsonLines().getBytes(StandardCharsets.UTF_8));
            for (LinearizabilityInvariant inv : invariants) {
                n += write(dir.resolve(inv.id()).resolve(f.stem() + ".edn"), text(inv, t, "shrunk counterexample "
                        + f.file() + " (from run " + f.runIndex() + ") of the " + spec.protocol()
                        + " campaign at seed " + spec.seed() + "; it violates " + f.checkId()));
            }
        }
        return n;
    }

    private static int write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return 1;
    }

    static String text(LinearizabilityInvariant inv, Trace trace, String what) {
        RecordedHistory h = inv.history(trace);
        StringWriter w = new StringWriter();
        w.write("; " + what + "\n");
        w.write("; " + h.object() + " (" + inv.id() + "), trace-sha256 " + trace.sha256() + "\n");
        w.write("; check: trustlab lin THIS.edn --model " + inv.model().name() + "\n");
        Histories.write(h.ops(), w);
        return w.toString();
    }
}
