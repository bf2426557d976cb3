package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustlab.linearizability.Histories;
import org.trustlab.linearizability.HistoryException;
import org.trustlab.linearizability.Linearizability;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Op;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;
import org.trustlab.linearizability.Timeline;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trustlab lin FILE.edn... --model M}: checks Jepsen histories for linearizability against a model, as
 * Knossos does, and prints {@code valid}, {@code invalid} with the smallest non-linearizable window, or
 * {@code unknown} with the reason, per file. Every file is read and checked for well-formedness before any search
 * starts, so bad input stops the command before it prints a verdict.
 */
@Command(name = "lin",
        mixinStandardHelpOptions = true,
        description = {
            "Checks Jepsen EDN histories for linearizability against a model,",
            "as Knossos does (Wing & Gong search with Lowe's memoization,",
            "partitioned by :key). Prints per file 'valid'; 'invalid' with the",
            "operation that cannot be linearized, those pending with it and the",
            "states the model could be in; or 'unknown' with the reason (time",
            "limit, memory budget). Exit 0 when all are valid, 1 when one is",
            "invalid, 4 when some are unknown and none invalid, 2 on bad input",
            "(file:line:column: reason), 3 on an internal error. With --svg DIR,",
            "each invalid history's window is also drawn as a timeline SVG."})
public final class LinCommand implements Callable<Integer> {
    static final int EXIT_INTERNAL = 3;
    static final int EXIT_UNKNOWN = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.edn", arity = "0..*", description = "Histories: an EDN vector or list of "
            + "operation maps, or one map per line; ';' comments.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", required = true, paramLabel = "M", description = "register, cas-register, "
            + "multi-register, set, mutex, fifo-queue, unordered-queue, kv, tofu-slot, nonce-store.")
    String model;

    @Option(names = "--initial", paramLabel = "V", description = "The model's initial value in EDN, e.g. 0 or "
            + "'{:x 0 :y 0}' (default nil, as in Knossos; \"\" for kv).")
    String initial;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60",
            description = "Seconds per history before the answer is 'unknown' (default 60).")
    double timeLimit;

    @Option(names = "--memory-budget", paramLabel = "MB",
            description = "MiB the search may memoize per history (default: half the maximum heap).")
    Long memoryBudgetMb;

    @Option(names = "--jobs", paramLabel = "N", description = "Partitions searched at once (default 64: the first refuted cancels the rest).")
    Integer jobs;

    @Option(names = "--svg", paramLabel = "DIR", description = "Also draw each invalid history's window as a "
            + "timeline (operations as bars per process, the window highlighted) into DIR/<file>.svg.")
    Path svgDir;

    @Option(names = "--bench", paramLabel = "DIR", description = "Times every *.edn history under DIR: warm-up "
            + "rounds, then measured rounds; prints the median time per history and the total.")
    Path benchDir;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
            description = "Measured rounds of --bench (default 5, after 2 warm-up rounds).")
    int rounds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (RuntimeException | IOException | Error e) {
            return internalError(err, e);
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        Model m;
        Options options;
        try {
            m = Model.named(model);
            if (initial != null) {
                m = m.withInitialEdn(initial);
            }
            if (!(timeLimit > 0) || (jobs != null && jobs < 1) || (memoryBudgetMb != null && memoryBudgetMb < 1)
                    || rounds < 1) {
                return bad(err, "--time-limit must be positive; --jobs, --memory-budget and --rounds at least 1");
            }
            options = Options.defaults().withTimeLimit(Duration.ofNanos((long) (timeLimit * 1e9)));
            if (jobs != null) {
                options = options.withJobs(jobs);
            }
            if (memoryBudgetMb != null) {
                options = options.withMemoryBudget(memoryBudgetMb * 1024 * 1024);
            }
        } catch (IllegalArgumentException e) {
            return bad(err, e.getMessage());
        }
        if (benchDir != null) {
            if (svgDir != null) {
                return bad(err, "--bench draws no timelines (--svg)");
            }
            if (!files.isEmpty()) {
                return bad(err, "--bench DIR takes no history files");
            }
            if (!Files.isDirectory(benchDir)) {
                return bad(err, benchDir + ": not a directory");
            }
            List<Path> found = LinBench.histories(benchDir);
            Map<Path, List<Op>> histories = readAll(found, err);
            return histories == null ? TrustlabCommand.EXIT_BAD_INPUT
                    : new LinBench(out, m, options, rounds).run(benchDir, histories);
        }
        if (files.isEmpty()) {
            return bad(err, "no history files given");
        }
        Map<Path, List<Op>> histories = readAll(files, err);
        if (histories == null) {
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        if (svgDir == null) {
            return checkAll(out, histories, m, options, null);
        }
        OutputFolder folder;
        try {
            folder = OutputFolder.claim(svgDir, WRITTEN_BY);
        } catch (OutputRefusedException e) {
            return bad(err, "--svg " + e.getMessage());
        }
        try (folder; Interrupts.Registration r = Interrupts.whileRunning("trustlab lin", folder::abandon)) {
            int status = checkAll(out, histories, m, options, folder.staging());
            folder.commit(true);
            return status;
        }
    }

    static final String WRITTEN_BY = "trustlab lin";

    /** Where an invalid history's timeline goes: its file name as .svg, numbered when two files share a name. */
    private static Path svgFile(Path staging, Path history) {
        String stem = history.getFileName().toString().replaceFirst("\\.edn$", "");
        Path f = staging.resolve(stem + ".svg");
        for (int n = 2; Files.exists(f); n++) {
            f = staging.resolve(stem + "-" + n + ".svg");
        }
        return f;
    }

    private int checkAll(PrintWriter out, Map<Path, List<Op>> histories, Model m, Options options, Path svgs)
            throws IOException {
        boolean invalid = false;
        boolean unknown = false;
        for (Map.Entry<Path, List<Op>> h : histories.entrySet()) {
            long start = System.nanoTime();
            Result r = check(h.getValue(), m, options);
            String figures = String.format(Locale.ROOT, "(%d operations, %d partition%s, %d configurations, %.2f s)",
                    r.stats().calls(), r.stats().partitions(), r.stats().partitions() == 1 ? "" : "s",
                    r.stats().configurations(), (System.nanoTime() - start) / 1e9);
            if (r instanceof Result.Invalid i) {
                invalid = true;
                out.println(h.getKey() + ": invalid " + figures);
                i.window().render().forEach(line -> out.println("  " + line));
                if (svgs != null) {
                    Path f = svgFile(svgs, h.getKey());
                    Files.writeString(f, Timeline.svg(h.getValue(), i.window(), "timeline",
                            "Non-linearizable window of " + h.getKey().getFileName() + " (" + m.name() + ")"));
                    out.println("  timeline: " + svgDir.resolve(f.getFileName()));
                }
            } else if (r instanceof Result.Unknown u) {
                unknown = true;
                out.println(h.getKey() + ": unknown: " + u.reason() + " " + figures);
            } else {
                out.println(h.getKey() + ": valid " + figures);
            }
            out.flush();
        }
        return invalid ? TrustlabCommand.EXIT_FAILED : unknown ? EXIT_UNKNOWN : TrustlabCommand.EXIT_OK;
    }

    /** Every history read and checked for well-formedness, or null when one is bad (each reported on stderr). */
    static Map<Path, List<Op>> readAll(List<Path> paths, PrintWriter err) {
        Map<Path, List<Op>> histories = new LinkedHashMap<>();
        boolean bad = false;
        for (Path p : paths) {
            try {
                List<Op> ops = Histories.read(p);
                Histories.validate(ops);
                histories.put(p, ops);
            } catch (HistoryException e) {
                err.println(p + ":" + (e.line() > 0 ? e.line() + ":" + e.column() + ":" : "") + " " + e.reason());
                bad = true;
            } catch (IOException e) {
                err.println(p + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                bad = true;
            }
        }
        err.flush();
        return bad ? null : histories;
    }

    static Result check(List<Op> ops, Model m, Options options) {
        try {
            return Linearizability.check(ops, m, options);
        } catch (HistoryException e) {
            throw new IllegalStateException("a history validated before the search was rejected by it", e);
        }
    }

    private static int bad(PrintWriter err, String reason) {
        err.println("trustlab lin: " + reason);
        err.flush();
        return TrustlabCommand.EXIT_BAD_INPUT;
    }

    /** One line on the terminal; the stack trace goes to a log file it points to. */
    private static int internalError(PrintWriter err, Throwable e) {
        String where;
        try {
            Path log = Files.createTempFile("trustlab-lin-", ".log");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log))) {
                e.printStackTrace(w);
            }
            where = "details in " + log;
        } catch (IOException io) {
            where = "no log could be written: " + io.getMessage();
        }
        err.println("trustlab lin: internal error: " + e + " (" + where + ")");
        err.flush();
        return EXIT_INTERNAL;
    }
}
