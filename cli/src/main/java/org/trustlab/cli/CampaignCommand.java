package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trustlab.properties.Mutant;
import org.trustlab.properties.MutantCatalogue;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignRunner;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.CampaignWriter;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.properties.campaign.ConsoleProgress;
import org.trustlab.properties.campaign.Failure;
import org.trustlab.properties.campaign.RunCrashedException;
import org.trustlab.properties.campaign.Shard;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.history.CampaignHistories;
import org.trustlab.properties.output.OutputFolder;
import org.trustlab.properties.output.OutputRefusedException;
import org.trustlab.reports.ReportWriter;
import org.trustlab.reports.graph.GraphEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trustlab campaign}: thousands of seeded random scenarios per protocol, every invariant checked on every
 * run, each violated invariant's first failing run shrunk to a minimal scenario that {@code trustlab replay}
 * reproduces. Flags are checked before anything runs or is written; bad input exits 2.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {
            "Run a property campaign: seeded random scenarios, every invariant checked, failures shrunk.",
            "Writes DIR/<protocol>/summary.json, runs.jsonl and failures/, and the report, into --out, which must be"
                    + " new, empty or an earlier trustlab output (replaced whole).",
            "Exit 0: no invariant violated; 1: one is; 2: bad input or unusable --out; 3: internal error;"
                    + " 4: unknown (runs cut to the memory budget); 130: interrupted."})
public final class CampaignCommand implements Callable<Integer> {

    @Option(names = "--protocol", paramLabel = "P|all",
            description = "A protocol, or 'all' for every implemented one (default: all, or the mutant's protocol).")
    String protocol;

    @Option(names = "--runs", paramLabel = "N",
            description = "Scenarios per protocol (default: 2000 for autojoin, 1000 for vouch, 1000 for relay, sized"
                    + " so that --protocol all takes about half a minute on 2 cores; deeper campaigns give --runs)."
                    + " Runs beyond what fits half the JVM's heap are not run: the answer is then 'unknown' (exit 4);"
                    + " split larger campaigns with --shard.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default: 1).")
    long seed;

    @Option(names = "--mutant", paramLabel = "M", description = "Run against this mutant (see 'trustlab mutants').")
    String mutant;

    @Option(names = "--shard", paramLabel = "i/n|auto[/n]",
            description = "Run only the run indices ≡ i (mod n). 'auto' takes i (and n) from the batch system:"
                    + " a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with n given as auto/n), a Slurm job array,"
                    + " GitLab's parallel jobs, or TRUSTLAB_SHARD_INDEX/TRUSTLAB_SHARD_COUNT from a CI matrix.")
    String shard;

    /** The environment --shard auto reads; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "trustlab-out/campaign",
            description = "Result directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "J", description = "Worker threads (default: available processors).")
    Integer jobs;

    @Option(names = "--no-validate", negatable = false,
            description = "Skip the per-run trace checks against the model (faster).")
    boolean noValidate;

    @Option(names = "--failures-per-invariant", paramLabel = "K", defaultValue = "1",
            description = "Failing runs shrunk and written per violated invariant (default: ${DEFAULT-VALUE}).")
    int failuresPerInvariant;

    @Option(names = "--shrink-budget", paramLabel = "R", defaultValue = "" + CampaignSpec.DEFAULT_SHRINK_BUDGET,
            description = "Scenario runs one shrink may spend (default: ${DEFAULT-VALUE}).")
    int shrinkBudget;

    @Option(names = "--histories", paramLabel = "DIR",
            description = "Also write the runs' shared-object histories (the autojoin validators' consumed-challenge"
                    + " sets) as Jepsen EDN into DIR/<protocol>/<invariant>/: the first 10 runs, the failing runs (the"
                    + " 100 lowest run indices) and each shrunk counterexample; 'trustlab lin FILE --model"
                    + " nonce-store' or Knossos checks them again.")
    Path histories;

    @Option(names = "--no-report", negatable = false,
            description = "Do not write report.html / report.md / report.json into --out at the end.")
    boolean noReport;

    @Mixin
    GraphEngineOption graphEngine = new GraphEngineOption();

    @Option(names = "--memory-budget", paramLabel = "SIZE", hidden = true,
            description = "Heap the runs' records may take, e.g. 512k, 64m (default: half of the JVM's maximum heap).")
    String memoryBudget;

    @Option(names = "--bench", negatable = false,
            description = "Measure instead of report: share of time in cryptography, and --jobs 1 vs 2 scaling.")
    boolean bench;

    @Spec
    CommandSpec spec;

    static final String WRITTEN_BY = "trustlab campaign";

    /** What the flags ask for, checked: one spec per protocol, and how many runs fit the memory budget. */
    record Plan(List<CampaignSpec> specs, GraphEngine engine, RunBudget budget) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("trustlab campaign: " + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        if (bench) {
            return CampaignBench.run(plan.specs(), stdout, err);
        }
        OutputFolder folder;
        try {
            folder = OutputFolder.claim(out, WRITTEN_BY);
        } catch (OutputRefusedException e) {
            err.println("trustlab campaign: --out " + e.getMessage());
            err.flush();
            return TrustlabCommand.EXIT_BAD_INPUT;
        }
        OutputFolder historyFolder = null;
        if (histories != null) {
            try {
                if (histories.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())
                        || out.toAbsolutePath().normalize().startsWith(histories.toAbsolutePath().normalize())) {
                    throw new OutputRefusedException(histories, "lies in or around --out " + out
                            + ": give the histories a folder of their own");
                }
                historyFolder = OutputFolder.claim(histories, WRITTEN_BY + " --histories");
            } catch (OutputRefusedException e) {
                folder.close();
                err.println("trustlab campaign: --histories " + e.getMessage());
                err.flush();
                return TrustlabCommand.EXIT_BAD_INPUT;
            }
        }
        OutputFolder historiesOut = historyFolder;
        try (folder; historiesOut; Interrupts.Registration r = Interrupts.whileRunning("trustlab campaign",
                () -> folder.abandon() + (historiesOut == null ? "" : "; " + historiesOut.abandon()))) {
            return run(plan, folder, historiesOut, stdout, err);
        }
    }

    private int run(Plan plan, OutputFolder folder, OutputFolder historyFolder, PrintWriter stdout,
            PrintWriter err) throws IOException {
        if (!noReport) {
            // The graph engine's start (viz.js: tens of seconds; ELK: its class loading) overlaps the runs.
            ReportWriter.warmUp(plan.engine());
        }
        boolean violated = false;
        boolean cut = false;
        List<Path> written = new ArrayList<>();
        for (CampaignSpec requested : plan.specs()) {
            CampaignSpec s = plan.budget().fit(requested);
            if (s != requested) {
                cut = true;
                err.println("trustlab campaign: " + plan.budget().warning(requested, s));
                err.flush();
            }
            CampaignRunner runner = Campaigns.runner(s.protocol(), s.validate());
            CampaignHistories objectHistories = new CampaignHistories(s);
            if (historyFolder != null && objectHistories.any()) {
                runner = runner.withTap(objectHistories);
            }
            CampaignResult result;
            try {
                result = runner.run(s, ConsoleProgress.forConsole(err));
            } catch (RunCrashedException e) {
                reportCrash(s, e, folder, err);
                return TrustlabCommand.EXIT_FAILED;
            }
            CampaignWriter.writeProtocolFolder(result, folder.staging());
            Path dir = out.resolve(s.protocol());
            written.add(dir);
            print(result, dir, stdout);
            if (historyFolder != null) {
                stdout.println("  histories: " + (objectHistories.any() ? objectHistories.write(historyFolder
                        .staging().resolve(s.protocol()), result.failures()) + " EDN files in "
                        + histories.resolve(s.protocol()) : "none (" + s.protocol() + " records no object history)"));
            }
            if (s != requested) {
                stdout.println("  unknown: " + plan.budget().reached(requested, s));
            }
            violated |= result.anyViolation();
        }
        folder.commit(true);
        if (historyFolder != null) {
            historyFolder.commit(true);
        }
        if (!noReport) {
            stdout.println("report: " + ReportWriter.writeForCampaign(written, folder, plan.engine(),
                    ReportCommand.progressTo(err)));
        }
        stdout.flush();
        return violated ? TrustlabCommand.EXIT_FAILED : cut ? TrustlabCommand.EXIT_UNKNOWN : TrustlabCommand.EXIT_OK;
    }

    Plan plan() {
        if (runs != null && runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (jobs != null && jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (failuresPerInvariant < 0) {
            throw new IllegalArgumentException("--failures-per-invariant must not be negative");
        }
        if (shrinkBudget < 0) {
            throw new IllegalArgumentException("--shrink-budget must not be negative");
        }
        Shard sh;
        if (shard == null) {
            sh = Shard.WHOLE;
        } else if (SchedulerShard.isAuto(shard)) {
            SchedulerShard.Resolved r = SchedulerShard.resolve(shard, environment);
            sh = r.shard();
            spec.commandLine().getErr().println("trustlab campaign: shard " + sh + " from the " + r.from());
        } else {
            sh = Shard.parse(shard);
        }
        GraphEngine engine = graphEngine.engine();
        Optional<Mutant> m = Optional.empty();
        if (mutant != null) {
            m = Optional.of(MutantCatalogue.find(mutant).orElseThrow(() -> new IllegalArgumentException(
                    "unknown mutant '" + mutant + "'; 'trustlab mutants' lists them: "
                            + String.join(", ", MutantCatalogue.names()))));
        }
        List<String> protocols = new ArrayList<>();
        String p = protocol != null ? protocol : m.map(Mutant::protocol).orElse("all");
        if (p.equals("all")) {
            if (m.isPresent()) {
                protocols.add(m.get().protocol());
            } else {
                protocols.addAll(Campaigns.implemented());
            }
        } else if (Campaigns.find(p).isPresent()) {
            protocols.add(p);
        } else {
            throw new IllegalArgumentException("unknown protocol '" + p + "'; known: all, "
                    + String.join(", ", Campaigns.implemented()));
        }
        if (m.isPresent() && !protocols.equals(List.of(m.get().protocol()))) {
            throw new IllegalArgumentException("mutant " + m.get().name() + " belongs to " + m.get().protocol()
                    + ", not " + p);
        }
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no protocol is implemented yet");
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        List<CampaignSpec> specs = new ArrayList<>();
        for (String proto : protocols) {
            int n = runs != null ? runs : Campaigns.defaultRuns(proto);
            if (sh.size(n) == 0) {
                // An empty shard is refused rather than written as an empty result: a scheduler given more shards
                // than runs is misconfigured, and the merge would otherwise hide it.
                throw new IllegalArgumentException("shard " + sh + " of " + n + " runs is empty (shard i takes runs"
                        + " i, i+n, ...): use at most " + n + " shards, or more --runs");
            }
            specs.add(new CampaignSpec(proto, n, seed, m.map(Mutant::name), sh, threads, !noValidate, shrinkBudget,
                    failuresPerInvariant));
        }
        RunBudget budget = memoryBudget != null ? RunBudget.parse(memoryBudget) : RunBudget.ofHeap();
        return new Plan(specs, engine, budget);
    }

    static void print(CampaignResult result, Path dir, PrintWriter out) {
        CampaignSpec s = result.spec();
        int n = result.runs().size();
        String title = s.protocol() + s.mutant().map(m -> " (mutant " + m + ")").orElse("")
                + (s.shard().isWhole() ? "" : " [shard " + s.shard() + "]");
        out.println(title + ": " + ClopperPearson.sentence(result.unexpectedViolatingRuns(), n));
        for (TraceCheck c : result.checks()) {
            int unexpected = result.unexpected(c.id());
            int admitted = result.admitted().getOrDefault(c.id(), 0);
            if (unexpected > 0) {
                out.println("  VIOLATED " + c.id() + ": " + ClopperPearson.sentence(unexpected, n));
                out.println("    " + c.statement());
            }
            if (admitted > 0) {
                // A gap the source design has by construction: shown as a finding, it does not fail the campaign.
                out.println("  FINDING " + c.id() + ": fails by design in " + admitted + " of " + n + " runs ("
                        + result.gaps().stream().filter(g -> g.checkId().equals(c.id())).map(g -> g.why())
                                .findFirst().orElse("admitted gap") + ")");
            }
        }
        // A bound means something only over the runs that judged the invariant: say where that was not every run.
        List<String> partly = new ArrayList<>();
        for (TraceCheck c : result.checks()) {
            int judged = result.judged(c.id());
            if (judged == 0) {
                out.println("  VACUOUS " + c.id() + ": no run gave it anything to judge");
            } else if (judged < n) {
                partly.add(c.id() + " " + judged);
            }
        }
        if (!partly.isEmpty()) {
            out.println("  judged in fewer runs (the rest vacuous): " + String.join(", ", partly));
        }
        for (Failure f : result.failures()) {
            out.println("  shrunk " + f.checkId() + " (run " + f.runIndex() + ") to " + f.scenarioSteps()
                    + " steps: " + dir.resolve(f.file()) + (f.replayVerified() ? "" : "  [DOES NOT REPLAY]"));
            out.println("    " + f.message());
        }
        out.println("  results: " + dir + "  campaign-sha256: " + result.campaignSha256());
        out.flush();
    }

    private void reportCrash(CampaignSpec s, RunCrashedException e, OutputFolder folder, PrintWriter err) {
        err.println("trustlab campaign: " + s.protocol() + " " + e.getMessage());
        if (e.scenario() != null) {
            try {
                Path staged = Campaigns.writeCrashScenario(s.protocol(), e, folder.staging());
                // The crashed campaign's output replaces the earlier one whole: results of the protocols that
                // finished before it, and the crashing scenario.
                folder.commit(true);
                Path file = out.resolve(staged.getFileName());
                err.println("  scenario written to " + file + " (replay it with 'trustlab replay " + file + "')");
            } catch (RuntimeException | IOException writeFailed) {
                err.println("  (could not write the scenario: " + writeFailed.getMessage() + ")");
            }
        }
        err.flush();
    }
}
