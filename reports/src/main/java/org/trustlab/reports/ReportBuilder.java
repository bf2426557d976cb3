package org.trustlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.campaign.AdmittedGap;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.properties.trust.ScenarioFacts;
import org.trustlab.reports.graph.GraphRenderer;
import org.trustlab.reports.graph.RenderedGraph;
import org.trustlab.reports.graph.TrustGraph;
import org.trustlab.reports.graph.TrustGraphBuilder;
import org.trustlab.reports.input.CampaignDir;
import org.trustlab.reports.input.FailureCase;
import org.trustlab.reports.input.MutantLine;
import org.trustlab.reports.input.ReplayDir;
import org.trustlab.reports.input.ReplayDirs;
import org.trustlab.reports.input.ReportInputException;
import org.trustlab.reports.input.ResultReader;
import org.trustlab.reports.merge.Campaign;
import org.trustlab.reports.merge.CampaignMerger;
import org.trustlab.reports.merge.InvariantVerdict;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.reports.stats.AcceptanceBin;
import org.trustlab.reports.stats.LatencyRow;
import org.trustlab.reports.stats.RunStatistics;
import org.trustlab.reports.stats.Statistics;
import org.trustlab.reports.svg.Charts;
import org.trustlab.reports.sequence.MermaidSequence;
import org.trustlab.reports.sequence.PlantUmlSequence;
import org.trustlab.reports.svg.SequenceDiagram;
import org.trustlab.reports.svg.SvgEmbed;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Turns what was read into the report: campaigns merged from their shards, verdict rows with mutant kills, one
 * section per counterexample with its sequence diagram and trust graph at the violation, statistics with charts,
 * and a typical run's trust graph per campaign. A replay becomes a one-run section whose verdicts come from
 * checking the protocol's invariants on its trace. Every text taken from an input passes the {@link Redactor}.
 */
public final class ReportBuilder {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final GraphRenderer renderer;
    private final TypicalRunSource typicalRuns;
    private final Consumer<String> progress;

    /**
     * The report as data, its drawings, the text files written beside it (each counterexample's sequence as PlantUML
     * and Mermaid, by path relative to the report), and the redactor that cleaned it (tests scan outputs with it).
     */
    public record Built(Report report, Drawings drawings, Map<String, String> files, Redactor redactor) {
        public Built {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    /** Where a report's counterexample sequences go, one folder each, replaced whole with the report. */
    public static final String SEQUENCES = "sequences";

    /** A counterexample as any input has it: a scenario, its trace, and the violation found on it. */
    private record Counterexample(String protocol, Optional<String> mutant, String invariant, String statement,
            String message, String scenarioFile, String yaml, Trace trace, String traceStatus,
            FailureReplay.Verdict replay, Optional<Long> runIndex, List<Long> evidence) {}

    public ReportBuilder(GraphRenderer renderer, TypicalRunSource typicalRuns) {
        this(renderer, typicalRuns, step -> { });
    }

    /** {@code progress} hears of each slow step before it starts: a failure's replay, a typical run, a layout. */
    public ReportBuilder(GraphRenderer renderer, TypicalRunSource typicalRuns, Consumer<String> progress) {
        this.renderer = renderer;
        this.typicalRuns = typicalRuns;
        this.progress = progress;
    }

    public Built build(ResultReader.Inputs inputs, List<Path> inputDirs, boolean allowPartial) {
        List<Campaign> campaigns = CampaignMerger.merge(inputs.campaigns(), allowPartial);
        Map<Campaign, TypicalRunSource.Found> typical = new LinkedHashMap<>();
        for (Campaign c : campaigns) {
            progress.accept("re-simulating a typical run of " + c.title());
            typical.put(c, typicalRuns.find(c));
        }
        Assembly a = new Assembly(redactor(inputs, typical.values()), mutantKills(campaigns, inputs.replays()));
        for (Campaign c : campaigns) {
            a.campaign(c, typical.get(c));
        }
        for (ReplayDir r : inputs.replays()) {
            a.replay(r);
        }
        List<MutantRow> mutants = new ArrayList<>();
        a.kills.forEach((protocol, byMutant) -> byMutant.forEach((m, by) -> mutants.add(new MutantRow(protocol, m,
                !by.isEmpty(), List.copyOf(by), by.isEmpty() ? "no invariant violated" : "violations of "
                        + String.join(", ", by)))));
        List<String> notes = new ArrayList<>();
        for (Campaign c : campaigns) {
            if (!c.coverage().complete()) {
                notes.add(c.title() + ": " + c.coverage().describe() + " — verdicts cover only these runs");
            }
        }
        String title = "trustlab report: " + String.join(", ", new TreeSet<>(a.views.stream()
                .map(CampaignView::protocol).toList()));
        Report report = new Report(title, "trustlab reports", inputDirs.stream().map(Path::toString).toList(),
                renderer.engineDescription(), a.verdicts, mutants, a.views, a.failures, notes, a.profiles);
        return new Built(report, a.drawings, a.files, a.redactor);
    }

    /** Secrets are learnt from everything the report may quote: scenarios and traces of failures, replays, runs. */
    private static Redactor redactor(ResultReader.Inputs inputs, Iterable<TypicalRunSource.Found> typical) {
        Redactor.Builder secrets = Redactor.builder();
        for (CampaignDir d : inputs.campaigns()) {
            for (FailureCase f : d.failures()) {
                secrets.scanYaml(f.yaml()).scanTrace(f.trace());
            }
        }
        for (ReplayDir r : inputs.replays()) {
            secrets.scanYaml(r.yaml()).scanTrace(r.trace());
        }
        typical.forEach(t -> t.run().ifPresent(run -> secrets.scanYaml(run.yaml()).scanTrace(run.trace())));
        return secrets.build();
    }

    /** One report's sections as they are assembled, with the drawings they refer to. */
    private final class Assembly {
        final Redactor redactor;
        final Map<String, Map<String, Set<String>>> kills;
        final Drawings drawings = new Drawings();
        final Map<String, String> files = new LinkedHashMap<>();
        final List<VerdictRow> verdicts = new ArrayList<>();
        final List<CampaignView> views = new ArrayList<>();
        final List<FailureView> failures = new ArrayList<>();
        final List<ProfileRow> profiles = new ArrayList<>();

        Assembly(Redactor redactor, Map<String, Map<String, Set<String>>> kills) {
            this.redactor = redactor;
            this.kills = kills;
        }

        void campaign(Campaign c, TypicalRunSource.Found typical) {
            String anchor = "campaign-" + (views.size() + 1);
            Map<String, String> firstFailure = new LinkedHashMap<>();
            int done = 0;
            for (FailureCase f : c.failures()) {
                progress.accept("replaying failure " + ++done + " of " + c.failures().size() + " of " + c.title()
                        + " (" + f.invariant() + ")");
                String statement = c.invariants().stream().filter(i -> i.id().equals(f.invariant()))
                        .map(InvariantVerdict::statement).findFirst().orElseGet(() -> statement(f.invariant()));
                FailureView view = failure(new Counterexample(c.protocol(), c.mutant(), f.invariant(), statement,
                        f.message(), f.yamlFile().toString(), f.yaml(), f.trace(), traceStatus(f),
                        FailureReplay.check(c.protocol(), f), f.runIndex(), f.evidenceSeqs()));
                firstFailure.putIfAbsent(f.invariant(), view.anchor());
            }
            for (InvariantVerdict v : c.invariants()) {
                verdicts.add(verdict(c.protocol(), c.mutant(), anchor, v.id(), v.statement(), v.runs(),
                        v.judged(), v.violations(), v.upper95(), Optional.ofNullable(firstFailure.get(v.id())), v.admitted(),
                        v.admittedBecause()));
            }
            for (InvariantVerdict v : c.invariants()) {
                if (ProfileRow.isLivenessProperty(v.id())) {
                    profiles.addAll(ProfileRow.of(c.protocol(), v.id(), c.runs(),
                            v.admittedBecause().map(redactor::redact)));
                }
            }
            Statistics stats = RunStatistics.of(c.runs());
            progress.accept("drawing the charts and trust graph of " + c.title());
            charts(anchor, c.protocol(), stats);
            Optional<GraphView> graph = typical.run().map(run -> graph("trust-graph-" + anchor, "Trust graph of "
                    + c.protocol() + " run " + run.runIndex() + " (a typical run) at its end",
                    ScenarioFacts.parse(run.yaml(), c.protocol()), run.trace().events(), lastSeq(run.trace())));
            views.add(new CampaignView(anchor, "campaign", c.protocol(), c.mutant(), c.seed(), c.runCount(),
                    c.coverage().describe(), c.campaignSha256(), hashStatus(c), c.parts().stream()
                            .map(p -> p.dir().toString()).toList(), stats, graph, typical.note(), List.of()));
        }

        /** A replay is one run: its verdicts are the protocol's invariants checked on its trace. */
        void replay(ReplayDir r) {
            String anchor = "replay-" + (views.size() + 1);
            List<Invariant> invariants = InvariantCatalogue.forProtocol(r.protocol());
            Map<String, Object> scenarioData = scenarioData(r);
            for (Invariant inv : invariants) {
                Judgement judgement = inv.judge(r.trace());
                List<Violation> found = judgement.violations();
                Optional<String> failureAnchor = Optional.empty();
                if (!found.isEmpty()) {
                    Violation v = found.get(0);
                    failureAnchor = Optional.of(failure(new Counterexample(r.protocol(), r.mutant(), inv.id(),
                            inv.statement(), v.message(), r.dir().resolve(ReplayDirs.SCENARIO_YAML).toString(),
                            r.yaml(), r.trace(), "the replayed run's trace", new FailureReplay.Verdict(true,
                                    "yes: this is the replay's own run"), Optional.empty(),
                            v.evidence().stream().map(TraceEvent::seq).toList())).anchor());
                }
                int violated = found.isEmpty() ? 0 : 1;
                // The same admission a campaign applies: a gap the source design has in this scenario's profile.
                Optional<AdmittedGap> gap = Campaigns.gaps(r.protocol()).stream()
                        .filter(g -> g.checkId().equals(inv.id()) && g.applies().test(scenarioData)).findFirst();
                verdicts.add(verdict(r.protocol(), r.mutant(), anchor, inv.id(), inv.statement(), 1,
                        judgement.vacuous() ? 0 : 1, violated,
                        judgement.vacuous() ? 1.0 : ClopperPearson.upper95(violated, 1), failureAnchor, gap.isPresent() ? violated : 0,
                        gap.map(AdmittedGap::why)));
            }
            GraphView graph = graph("trust-graph-" + anchor, "Trust graph of replay " + redactor.redact(
                    r.scenarioName()) + " at its end", ScenarioFacts.parse(r.yaml(), r.protocol()),
                    r.trace().events(), lastSeq(r.trace()));
            views.add(new CampaignView(anchor, "replay", r.protocol(), r.mutant(), r.seed(), 1,
                    "one replayed run of " + redactor.redact(r.scenarioName()), r.trace().sha256(),
                    "trace-sha256 of the replayed run" + (invariants.isEmpty() ? "; no invariants catalogued for "
                            + r.protocol() : ""), List.of(r.dir().toString()), RunStatistics.of(List.of()),
                    Optional.of(graph), "the replayed run itself", r.expectations().stream()
                            .map(e -> new CampaignView.ExpectationLine(redactor.redact(e.text()), e.holds()))
                            .toList()));
        }

        private VerdictRow verdict(String protocol, Optional<String> mutant, String anchor, String invariant,
                String statement, long runs, long judged, long violations, double upper95,
                Optional<String> failureAnchor,
                long admitted, Optional<String> admittedBecause) {
            Map<String, Set<String>> byMutant = kills.getOrDefault(protocol, Map.of());
            int killed = (int) byMutant.values().stream().filter(s -> s.contains(invariant)).count();
            return new VerdictRow(protocol, mutant, anchor, invariant, redactor.redact(statement), runs, judged,
                    violations, upper95, killed, byMutant.size(), failureAnchor, admitted, admittedBecause.map(redactor::redact));
        }

        /** The replayed scenario as plain data, for the admitted gaps' test of its profile. */
        @SuppressWarnings("unchecked")
        private static Map<String, Object> scenarioData(ReplayDir r) {
            Path file = r.dir().resolve(ReplayDirs.SCENARIO_YAML);
            try {
                Object data = YAML.readValue(r.yaml(), Map.class);
                if (data instanceof Map<?, ?>) {
                    return (Map<String, Object>) data;
                }
                throw new ReportInputException(file, "the scenario is not a YAML mapping");
            } catch (JsonProcessingException e) {
                throw new ReportInputException(file, "the scenario is not valid YAML: " + e.getOriginalMessage(), e);
            }
        }

        private FailureView failure(Counterexample x) {
            String anchor = "failure-" + (failures.size() + 1);
            ScenarioFacts facts = ScenarioFacts.parse(x.yaml(), x.protocol());
            long at = x.evidence().stream().mapToLong(Long::longValue).max().orElse(lastSeq(x.trace()));
            Set<String> hostile = new TreeSet<>();
            facts.devices().stream().filter(ScenarioFacts.Device::attacker).forEach(d -> hostile.add(d.name()));
            SequenceDiagram.Model seq = SequenceDiagram.model(x.trace().events(), facts.devices().stream()
                    .map(ScenarioFacts.Device::name).toList(), hostile, new LinkedHashSet<>(x.evidence()), redactor);
            String seqId = "sequence-" + anchor;
            String seqTitle = "Message sequence of the counterexample to " + x.invariant();
            drawings.put(seqId, SequenceDiagram.svg(seq, seqId, seqTitle));
            String title = redactor.redact(seqTitle + " (" + x.protocol() + x.mutant().map(m -> ", mutant " + m)
                    .orElse("") + ")");
            FailureView.SequenceFiles texts = new FailureView.SequenceFiles(SEQUENCES + "/" + anchor
                    + "/sequence.puml", SEQUENCES + "/" + anchor + "/sequence.mmd");
            files.put(texts.plantUml(), PlantUmlSequence.of(seq, title, x.invariant()));
            files.put(texts.mermaid(), MermaidSequence.of(seq, title, x.invariant()));
            GraphView graph = graph("trust-graph-" + anchor, "Trust graph at the violation of " + x.invariant(),
                    facts, x.trace().events(), at);
            Optional<LinearizabilityView> lin = LinearizabilityWindows.of(x.invariant(), x.trace(), anchor,
                    SEQUENCES + "/" + anchor).map(d -> {
                        drawings.put(d.view().timelineSvgId(), SvgEmbed.prepare(redactor.redact(d.svg()),
                                d.view().timelineSvgId(), "timeline", "Timeline of the non-linearizable window"));
                        files.put(d.view().historyFile(), redactor.redact(d.historyEdn()));
                        return new LinearizabilityView(d.view().object(), d.view().model(), d.view().window()
                                .stream().map(redactor::redact).toList(), d.view().timelineSvgId(),
                                d.view().historyFile());
                    });
            FailureView view = new FailureView(anchor, x.protocol(), x.mutant(), x.invariant(),
                    redactor.redact(x.statement()), redactor.redact(x.message()), redactor.redact(x.scenarioFile()),
                    redactor.redactYaml(x.yaml()), x.trace().sha256(), x.traceStatus(), x.replay().verified(), redactor.redact(x.replay().status()),
                    x.runIndex(), at, seq, seqId, texts, graph, lin);
            failures.add(view);
            return view;
        }

        private GraphView graph(String id, String title, ScenarioFacts facts, List<TraceEvent> events, long atSeq) {
            TrustGraph g = TrustGraphBuilder.build(id, title, facts, events, atSeq);
            RenderedGraph rendered = renderer.render(g);
            drawings.put(id, SvgEmbed.prepare(rendered.svg(), id, "trust-graph", g.title()));
            return new GraphView(g, rendered.engine(), id);
        }

        private void charts(String anchor, String protocol, Statistics stats) {
            // Seconds once any percentile reaches two of them: a reviewer reads "4.2 s", not "4215 ms".
            boolean seconds = stats.latency().stream().flatMapToDouble(r -> java.util.Arrays.stream(r.percentiles()))
                    .filter(v -> !Double.isNaN(v)).anyMatch(v -> v >= 2000);
            double scale = seconds ? 1000 : 1;
            List<Charts.BarGroup> groups = new ArrayList<>();
            for (LatencyRow r : stats.latency()) {
                double[] values = r.percentiles();
                String[] notes = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] /= scale;
                    notes[i] = r.samples() > 0 && !r.estimates(LatencyRow.QUANTILES[i])
                            ? "n < " + LatencyRow.minSamples(LatencyRow.QUANTILES[i]) : "";
                }
                groups.add(new Charts.BarGroup(r.network() + " (n = " + r.samples() + ")", values, notes));
            }
            drawings.put("chart-latency-" + anchor, Charts.bars("chart-latency-" + anchor, protocol
                    + ": request-to-acceptance latency per network profile", seconds ? "seconds (virtual)"
                    : "ms (virtual)", List.of("p50", "p90", "p99"), groups));
            drawings.put("chart-loss-" + anchor, Charts.rateLine("chart-loss-" + anchor, protocol
                    + ": acceptance rate vs loss rate", "loss rate", "accepted / attempted", points(stats.byLoss())));
            drawings.put("chart-offline-" + anchor, Charts.rateLine("chart-offline-" + anchor, protocol
                    + ": acceptance rate vs offline probability", "offline probability", "accepted / attempted",
                    points(stats.byOffline())));
        }
    }

    private static List<Charts.Point> points(List<AcceptanceBin> bins) {
        return bins.stream().map(b -> new Charts.Point(b.mid(), b.rate(), b.runs() + " runs, " + b.accepted() + "/"
                + b.attempts() + " accepted")).toList();
    }

    /** protocol -> mutant -> invariants that caught it, from mutants.json and from mutant campaigns and replays. */
    private static Map<String, Map<String, Set<String>>> mutantKills(List<Campaign> campaigns,
            List<ReplayDir> replays) {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        for (Campaign c : campaigns) {
            for (MutantLine m : c.mutants()) {
                out.computeIfAbsent(c.protocol(), k -> new TreeMap<>())
                        .computeIfAbsent(m.mutant(), k -> new TreeSet<>()).addAll(m.killed() ? m.killedBy()
                                : List.of());
            }
            if (c.mutant().isPresent()) {
                Set<String> by = out.computeIfAbsent(c.protocol(), k -> new TreeMap<>())
                        .computeIfAbsent(c.mutant().get(), k -> new TreeSet<>());
                c.invariants().stream().filter(v -> v.violations() > 0).forEach(v -> by.add(v.id()));
            }
        }
        for (ReplayDir r : replays) {
            if (r.mutant().isPresent()) {
                Set<String> by = out.computeIfAbsent(r.protocol(), k -> new TreeMap<>())
                        .computeIfAbsent(r.mutant().get(), k -> new TreeSet<>());
                for (Invariant inv : InvariantCatalogue.forProtocol(r.protocol())) {
                    if (!inv.check(r.trace()).isEmpty()) {
                        by.add(inv.id());
                    }
                }
            }
        }
        return out;
    }

    private static String statement(String invariantId) {
        return InvariantCatalogue.find(invariantId).map(Invariant::statement).orElse("");
    }

    private static String traceStatus(FailureCase f) {
        if (f.recordedTraceSha256().isEmpty()) {
            return "no trace hash recorded for this failure";
        }
        return f.traceMatches() ? "matches the hash the campaign recorded"
                : "DIFFERS from the recorded " + f.recordedTraceSha256().get() + " (the trace file was changed)";
    }

    private static String hashStatus(Campaign c) {
        if (c.recordedSha256().isPresent()) {
            return c.hashVerified() ? "recomputed from runs.jsonl; equals summary.json's campaignSha256"
                    : "recomputed from runs.jsonl; DIFFERS from summary.json's " + c.recordedSha256().get();
        }
        if (c.parts().size() > 1) {
            return "recomputed over the merged runs of " + c.parts().size() + " shards; equals the unsharded "
                    + "campaign's campaignSha256 when the shards are faithful";
        }
        return "recomputed from runs.jsonl (a shard on its own)";
    }

    private static long lastSeq(Trace t) {
        return t.events().isEmpty() ? 0 : t.events().get(t.events().size() - 1).seq();
    }
}
