package org.trustlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.reports.input.CampaignDir;
import org.trustlab.reports.input.ResultReader;
import org.trustlab.reports.sequence.SequenceTextSyntax;
import org.trustlab.simulator.trace.TraceEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report of a real mutant campaign ({@code autojoin.no-replay-cache}), written to disk and read back: the HTML
 * as XML (verdict table first, every counterexample with an inline sequence diagram and trust graph, nothing
 * external), the JSON and Markdown, and no secret of the inputs in any of them.
 */
class ReportEndToEndTest {
    private static Path campaign;
    private static Path out;
    private static String html;
    private static Document doc;
    private static CampaignDir dir;

    @BeforeAll
    static void writeTheReport() throws IOException {
        campaign = Fixtures.mutantCampaign();
        out = Fixtures.root().resolve("report-of-mutant-whole");
        Path written = ReportWriter.write(List.of(campaign), out);
        assertThat(written).isEqualTo(out.resolve("report.html"));
        html = Files.readString(written);
        doc = Html.parse(html);
        dir = ResultReader.read(List.of(campaign)).campaigns().get(0);
    }

    @Test
    void theVerdictTableComesFirstAndCountsEveryRun() {
        Element body = Html.all(doc, Html.XHTML, "body").get(0);
        Element firstSection = Html.all(body, Html.XHTML, "section").get(0);
        assertThat(firstSection.getAttribute("id")).isEqualTo("verdicts");
        List<String> rows = Html.verdictRows(doc);
        assertThat(rows.get(0)).isEqualTo("Protocol | Mutant | Invariant | Runs | Judged (not vacuous) | "
                + "Violations | 95% upper bound on rate over judged runs | Mutants killed / total | Verdict");
        assertThat(rows).hasSize(1 + dir.summary().invariants().size());
        long violated = 0;
        for (var inv : dir.summary().invariants()) {
            String expected = Fixtures.PROTOCOL + " | " + Fixtures.MUTANT + " | " + inv.id() + " | " + Fixtures.RUNS
                    + " | " + inv.judged() + " | " + inv.violations() + " | " + ClopperPearson.format(inv.judged() == 0
                    ? 1.0 : ClopperPearson.upper95(inv.violations(), inv.judged())) + " | "
                    + (inv.violations() > 0 ? "1 / 1" : "0 / 1") + " | "
                    + (inv.violations() > 0 ? "VIOLATED" : inv.judged() == 0 ? "vacuous" : "holds");
            assertThat(rows).contains(expected);
            violated += inv.violations() > 0 ? 1 : 0;
        }
        assertThat(violated).as("the mutant campaign finds a violation").isPositive();
        assertThat(Html.withClass(doc, Html.XHTML, "tr", "violated")).isNotEmpty();
    }

    @Test
    void everyCounterexampleHasItsScenarioASequenceDiagramAndATrustGraph() {
        List<Element> failures = Html.withClass(doc, Html.XHTML, "section", "failure");
        assertThat(failures).hasSize(dir.failures().size()).isNotEmpty();
        for (int i = 0; i < failures.size(); i++) {
            Element f = failures.get(i);
            String invariant = dir.failures().get(i).invariant();
            assertThat(Html.all(f, Html.XHTML, "h3").get(0).getTextContent()).startsWith(invariant + " violated");
            assertThat(Html.withClass(f, Html.XHTML, "p", "statement").get(0).getTextContent()).isNotBlank();
            assertThat(Html.withClass(f, Html.XHTML, "pre", "scenario").get(0).getTextContent())
                    .contains("protocol: autojoin").contains("mutant: " + Fixtures.MUTANT);

            Element seq = Html.withClass(f, Html.SVG, "svg", "sequence-diagram").get(0);
            List<String> lifelines = Html.all(seq, Html.SVG, "text").stream().map(Element::getTextContent).toList();
            assertThat(lifelines).contains("attacker");
            long deliveries = dir.failures().get(i).trace().events().stream()
                    .filter(e -> e.kind() == TraceEvent.Kind.DELIVER).count();
            assertThat(Html.withClass(seq, Html.SVG, "g", "deliver")).hasSizeLessThanOrEqualTo((int) deliveries)
                    .isNotEmpty();
            assertThat(Html.withClass(seq, Html.SVG, "g", "attacker")).as("attacker actions drawn").isNotEmpty();

            Element graph = Html.withClass(f, Html.SVG, "svg", "trust-graph").get(0);
            assertThat(graph.getAttribute("id")).isEqualTo("trust-graph-failure-" + (i + 1));
            String drawn = graph.getTextContent();
            ScenarioDevices.of(dir.failures().get(i).yaml()).forEach(d -> assertThat(drawn).contains(d));
        }
    }

    /**
     * A validator without a replay cache takes one challenge twice: its consumed set is not linearizable, and the
     * counterexample shows the window as text and as a timeline, with the run's history beside the report.
     */
    @Test
    void aLinearizabilityCounterexampleShowsItsWindowItsTimelineAndItsHistory() throws Exception {
        List<Element> failures = Html.withClass(doc, Html.XHTML, "section", "failure");
        List<Element> lin = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            boolean isLin = dir.failures().get(i).invariant().equals("autojoin.consumed-set-linearizable");
            assertThat(Html.withClass(failures.get(i), Html.SVG, "svg", "timeline")).hasSize(isLin ? 1 : 0);
            if (isLin) {
                lin.add(failures.get(i));
            }
        }
        assertThat(lin).as("the mutant campaign's consumed-set counterexample").isNotEmpty();
        Element f = lin.get(0);
        Element timeline = Html.withClass(f, Html.SVG, "svg", "timeline").get(0);
        assertThat(timeline.getAttribute("id")).isEqualTo("timeline-" + f.getAttribute("id"));
        assertThat(Html.withClass(timeline, Html.SVG, "rect", "window")).hasSize(1);
        assertThat(Html.withClass(timeline, Html.SVG, "rect", "op")).hasSizeGreaterThanOrEqualTo(2);
        String window = Html.withClass(f, Html.XHTML, "pre", "window").get(0).getTextContent();
        assertThat(window).startsWith("key [").contains("cannot linearize").contains(":accepted");
        String history = Html.withClass(f, Html.XHTML, "p", "history-file").get(0).getTextContent();
        Path edn = out.resolve(history.substring(history.indexOf(ReportBuilder.SEQUENCES)).replaceFirst("\\.$", ""));
        var ops = org.trustlab.linearizability.Histories.read(edn);
        assertThat(org.trustlab.linearizability.Linearizability.check(ops, org.trustlab.linearizability.Model
                .named("nonce-store"), org.trustlab.linearizability.Options.defaults()))
                .as("the written history is not linearizable when checked again")
                .isInstanceOf(org.trustlab.linearizability.Result.Invalid.class);
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("Non-linearizable window of a validator's consumed-challenge set (model "
                + "nonce-store").contains(window.lines().findFirst().orElseThrow());
    }

    @Test
    void theCampaignSectionHasStatisticsChartsAndATypicalTrustGraph() {
        Element section = Html.byId(doc, "campaign-1");
        assertThat(Html.withClass(section, Html.SVG, "svg", "chart")).hasSize(3);
        assertThat(Html.all(section, Html.XHTML, "table")).hasSize(3);
        assertThat(section.getTextContent()).contains("equals summary.json's campaignSha256");
        assertThat(Html.withClass(section, Html.SVG, "svg", "trust-graph")).as(section.getTextContent()).hasSize(1);
        assertThat(section.getTextContent()).contains("its trace hash equals the one the campaign recorded");
    }

    @Test
    void theFileIsSelfContained() throws IOException {
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("<?xml").doesNotContain("<!DOCTYPE svg");
        List<String> hrefs = new ArrayList<>();
        for (Element e : Html.all(doc, "*", "*")) {
            for (String a : List.of("href", "src", "xlink:href")) {
                if (!e.getAttribute(a).isEmpty()) {
                    hrefs.add(e.getAttribute(a));
                }
            }
        }
        // Within the page, or to a counterexample's sequence (or object history) as text, written beside it.
        assertThat(hrefs).allMatch(h -> h.startsWith("#")
                || h.matches("sequences/failure-\\d+/(sequence\\.(puml|mmd)|history\\.edn)")
                && Files.isRegularFile(out.resolve(h)), "an anchor or a sequence file beside the report");
        long histories = dir.failures().stream().filter(f -> f.invariant().endsWith("-linearizable")).count();
        assertThat(hrefs.stream().filter(h -> h.startsWith("sequences/")))
                .hasSize((int) (2 * dir.failures().size() + histories));
        for (String h : hrefs.stream().filter(h -> h.startsWith("sequences/") && !h.endsWith(".edn")).toList()) {
            String text = Files.readString(out.resolve(h));
            if (h.endsWith(".puml")) {
                assertThat(SequenceTextSyntax.parsesInPlantUml(text)).as(h).isTrue();
            } else {
                assertThat(SequenceTextSyntax.validMermaidSequence(text)).as(h).isEmpty();
            }
        }
        Set<String> ids = new TreeSet<>();
        for (Element e : Html.all(doc, "*", "*")) {
            if (!e.getAttribute("id").isEmpty()) {
                assertThat(ids.add(e.getAttribute("id"))).as("duplicate id " + e.getAttribute("id")).isTrue();
            }
        }
    }

    @Test
    void theJsonAndMarkdownCarryTheSameVerdictsAndCounterexamples() throws IOException {
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("verdicts")).hasSize(dir.summary().invariants().size());
        assertThat(json.get("failures")).hasSize(dir.failures().size());
        JsonNode f = json.get("failures").get(0);
        assertThat(f.get("sequence").get("steps").size()).isPositive();
        assertThat(f.get("graph").get("graph").get("nodes").size()).isPositive();
        assertThat(f.get("invariant").asText()).isEqualTo(dir.failures().get(0).invariant());
        assertThat(json.get("campaigns").get(0).get("statistics").get("latency").size()).isPositive();
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| Protocol | Mutant | Invariant |").contains("**VIOLATED**")
                .contains("### " + dir.failures().get(0).invariant() + " violated");
    }

    /**
     * Secrets of the inputs, collected here independently of the report's redactor: values under password,
     * secret, token, psk or auth keys in the failures' scenarios and in their traces' fields.
     */
    @Test
    void noSecretOfTheInputsAppearsInAnyOutput() throws IOException {
        Set<String> secrets = new TreeSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.walk(campaign)) {
            for (Path p : files.filter(q -> q.toString().endsWith(".yaml")).toList()) {
                collect(yaml.readTree(p.toFile()), false, secrets);
            }
        }
        dir.failures().forEach(f -> f.trace().events().forEach(e -> e.fields().forEach((k, v) -> {
            if (secretName(k)) {
                secrets.add(v);
            }
        })));
        assertThat(secrets).as("the campaign's scenarios carry session passwords").isNotEmpty();
        List<String> outputs = new ArrayList<>(List.of("report.html", "report.md", "report.json"));
        for (int i = 1; i <= dir.failures().size(); i++) {
            outputs.add("sequences/failure-" + i + "/sequence.puml");
            outputs.add("sequences/failure-" + i + "/sequence.mmd");
        }
        for (String file : outputs) {
            String text = Files.readString(out.resolve(file));
            for (String s : secrets) {
                assertThat(text).as(file + " must not contain the secret " + s).doesNotContain(s);
            }
        }
    }

    private static boolean secretName(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return (k.contains("password") || k.contains("secret") || k.contains("token") || k.equals("psk")
                || k.equals("auth")) && !k.contains("fingerprint") && !k.endsWith("-fp");
    }

    private static void collect(JsonNode n, boolean secret, Set<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> collect(e.getValue(), secret || secretName(e.getKey()), out));
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, secret, out));
        } else if (secret && n.isValueNode() && !n.asText().isEmpty()) {
            out.add(n.asText());
        }
    }
}
