package org.trustlab.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.reports.CampaignView;
import org.trustlab.reports.Drawings;
import org.trustlab.reports.FailureView;
import org.trustlab.reports.GraphView;
import org.trustlab.reports.MutantRow;
import org.trustlab.reports.ProfileRow;
import org.trustlab.reports.Report;
import org.trustlab.reports.VerdictRow;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.reports.stats.AcceptanceBin;
import org.trustlab.reports.stats.LatencyRow;
import org.trustlab.reports.svg.Charts;
import org.trustlab.reports.svg.Xml;

/**
 * report.html: one self-contained XHTML file (inline CSS and SVG, no script, no external reference) that opens with
 * the verdict table, then one section per counterexample (statement, shrunk scenario, sequence diagram, trust
 * graph at the violation), then each campaign's statistics and typical trust graph. XHTML rather than HTML so that
 * tests read it with the JDK's XML parser; browsers render it the same.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(Report report, Drawings drawings) {
        Xml h = new Xml();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").newline();
        h.open("head").newline();
        h.empty("meta", "charset", "utf-8").newline();
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        h.element("title", report.title()).newline();
        h.open("style").text(css()).close("style").newline();
        h.close("head").newline();
        h.open("body").newline();
        h.open("header");
        h.element("h1", report.title());
        h.open("p", "class", "meta").text("Inputs: " + String.join(", ", report.inputs())).empty("br")
                .text("Trust graphs drawn with: " + report.graphEngine()).close("p");
        h.close("header").newline();

        verdicts(h, report);
        mutants(h, report.mutants());
        failures(h, report.failures(), drawings);
        campaigns(h, report.campaigns(), drawings);

        h.open("footer").text("Written by " + report.generatedBy() + ". " + Redactor.POLICY
                + " The same data is in report.json; report.md is for pasting into an issue.").close("footer");
        h.newline().close("body").newline().close("html").newline();
        return h.toString();
    }

    /** Per protocol profile, which denial / disagreement properties hold, fail by design (FINDING) or fail. */
    private static void profiles(Xml h, Report report) {
        if (report.profiles().isEmpty()) {
            return;
        }
        h.element("h3", "Denial and disagreement per profile");
        h.open("table", "id", "profile-table", "class", "verdicts");
        h.open("thead").open("tr");
        for (String c : List.of("Protocol", "Property", "Profile", "Runs", "Judged", "Violations", "Verdict",
                "Reason")) {
            h.element("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (ProfileRow p : report.profiles()) {
            h.open("tr", "class", p.verdict().equals("VIOLATED") ? "violated" : p.verdict().equals("FINDING")
                    ? "finding" : "holds");
            h.element("td", p.protocol());
            h.open("td").open("code").text(p.invariant()).close("code").close("td");
            h.element("td", p.profile());
            h.element("td", Long.toString(p.runs()), "class", "num");
            h.element("td", Long.toString(p.judged()), "class", "num");
            h.element("td", Long.toString(p.violations()), "class", "num");
            h.element("td", p.verdict(), "class", "verdict");
            h.element("td", p.reason().orElse("—"));
            h.close("tr").newline();
        }
        h.close("tbody").close("table");
    }

    private static void verdicts(Xml h, Report report) {
        h.open("section", "id", "verdicts");
        h.element("h2", "Verdicts");
        h.open("table", "id", "verdict-table", "class", "verdicts");
        h.open("thead").open("tr");
        for (String c : List.of("Protocol", "Mutant", "Invariant", "Runs", "Judged (not vacuous)", "Violations",
                "95% upper bound on rate over judged runs",
                "Mutants killed / total", "Verdict")) {
            h.element("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (VerdictRow v : report.verdicts()) {
            boolean violated = v.violated();
            h.open("tr", "class", violated ? "violated" : v.finding() ? "finding" : v.vacuous() ? "vacuous" : "holds",
                    "data-invariant",
                    v.invariant());
            h.element("td", v.protocol());
            h.element("td", v.mutant().orElse("—"));
            h.open("td").open("code", "title", v.statement()).text(v.invariant()).close("code").close("td");
            h.element("td", Long.toString(v.runs()), "class", "num");
            h.element("td", Long.toString(v.judged()), "class", "num");
            h.element("td", Long.toString(v.violations()), "class", "num");
            h.element("td", ClopperPearson.format(v.upper95()), "class", "num");
            h.element("td", v.mutantsTotal() == 0 ? "—" : v.mutantsKilled() + " / " + v.mutantsTotal(), "class",
                    "num");
            h.open("td", "class", "verdict");
            if ((violated || v.finding()) && v.failureAnchor().isPresent()) {
                h.element("a", v.verdict(), "href", "#" + v.failureAnchor().get());
            } else {
                h.text(v.verdict());
            }
            h.close("td").close("tr").newline();
        }
        h.close("tbody").close("table");
        for (VerdictRow v : report.verdicts()) {
            if (v.admitted() > 0) {
                h.element("p", "FINDING " + v.invariant() + " (" + v.protocol() + "): " + v.admitted() + " of its "
                        + v.violations() + " violations are by design of the source system, not a defect of the "
                        + "reference: " + v.admittedBecause().orElse("admitted gap") + ".", "class", "finding-note");
            }
        }
        profiles(h, report);
        h.element("p", "Upper bound: one-sided 95% Clopper–Pearson bound on the violation rate, recomputed from the "
                + "merged counts. Mutants killed / total: of the protocol's mutants with results in these inputs, how "
                + "many this invariant caught.", "class", "meta");
        if (!report.notes().isEmpty()) {
            h.open("ul", "class", "notes");
            report.notes().forEach(n -> h.element("li", n));
            h.close("ul");
        }
        h.close("section").newline();
    }

    private static void mutants(Xml h, List<MutantRow> mutants) {
        if (mutants.isEmpty()) {
            return;
        }
        h.open("section", "id", "mutants");
        h.element("h2", "Mutants");
        h.open("table", "id", "mutant-table").open("thead").open("tr");
        for (String c : List.of("Protocol", "Mutant", "Killed", "Killed by")) {
            h.element("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (MutantRow m : mutants) {
            h.open("tr", "class", m.killed() ? "holds" : "violated");
            h.element("td", m.protocol()).element("td", m.mutant());
            h.element("td", m.killed() ? "yes" : "NO — survived", "class", "verdict");
            h.element("td", m.killedBy().isEmpty() ? "—" : String.join(", ", m.killedBy()));
            h.close("tr").newline();
        }
        h.close("tbody").close("table").close("section").newline();
    }

    private static void failures(Xml h, List<FailureView> failures, Drawings drawings) {
        h.open("section", "id", "counterexamples");
        h.element("h2", "Counterexamples (" + failures.size() + ")");
        if (failures.isEmpty()) {
            h.element("p", "No invariant was violated, so there is no counterexample to show.");
        }
        for (FailureView f : failures) {
            h.open("section", "class", "failure", "id", f.anchor());
            h.element("h3", f.invariant() + " violated — " + f.protocol() + f.mutant().map(m -> " with mutant " + m)
                    .orElse(""));
            h.element("p", f.statement().isEmpty() ? "(no statement recorded)" : f.statement(), "class", "statement");
            h.element("p", f.message(), "class", "message");
            h.open("dl", "class", "meta");
            term(h, "Scenario file", f.scenarioFile());
            f.runIndex().ifPresent(i -> term(h, "Shrunk from run", Long.toString(i)));
            term(h, "Trace SHA-256", f.traceSha256() + " (" + f.traceStatus() + ")");
            term(h, "Replays", f.replayStatus());
            term(h, "Violation at", "event #" + f.violationSeq());
            h.close("dl");
            h.element("h4", "Shrunk scenario");
            h.element("pre", f.scenarioYaml(), "class", "scenario");
            h.element("h4", "Message sequence of the attack");
            h.open("figure", "class", "sequence");
            drawings.get(f.sequenceSvgId()).ifPresent(h::raw);
            h.open("figcaption", "class", "legend");
            legend(h, "#222222", "message (send → delivery, matched by msg-id)");
            legend(h, "#c00000", "attacker action or a message the attacker sent or touched");
            legend(h, "#888888", "✕ dropped");
            legend(h, "#fff1a8", "evidence of the violation");
            if (f.sequence().omitted() > 0) {
                h.text(" " + f.sequence().omitted() + " events omitted in the middle; the trace file has them.");
            }
            h.close("figcaption").close("figure");
            h.open("p", "class", "sequence-text");
            h.text("The same sequence as text, to paste into a document: ");
            h.element("a", "PlantUML", "href", f.sequenceFiles().plantUml(), "class", "sequence-puml");
            h.text(" (" + f.sequenceFiles().plantUml() + "), ");
            h.element("a", "Mermaid", "href", f.sequenceFiles().mermaid(), "class", "sequence-mmd");
            h.text(" (" + f.sequenceFiles().mermaid() + ").");
            h.close("p");
            f.linearizability().ifPresent(l -> {
                h.element("h4", "Non-linearizable window of " + l.object() + " (model " + l.model() + ")");
                h.open("figure", "class", "timeline");
                drawings.get(l.timelineSvgId()).ifPresent(h::raw);
                h.close("figure");
                h.element("pre", String.join("\n", l.window()), "class", "window");
                h.open("p", "class", "history-file");
                h.text("The run's history of the object, for Knossos or trustlab lin: ");
                h.element("a", l.historyFile(), "href", l.historyFile());
                h.text(".");
                h.close("p");
            });
            h.element("h4", "Trust graph at the violation");
            graph(h, f.graph(), drawings);
            h.close("section").newline();
        }
        h.close("section").newline();
    }

    private static void campaigns(Xml h, List<CampaignView> campaigns, Drawings drawings) {
        h.open("section", "id", "campaigns");
        h.element("h2", "Campaigns and statistics");
        for (CampaignView c : campaigns) {
            h.open("section", "class", "campaign", "id", c.anchor());
            h.element("h3", (c.kind().equals("replay") ? "Replay: " : "Campaign: ") + c.protocol()
                    + c.mutant().map(m -> " with mutant " + m).orElse("") + " — seed " + c.seed());
            h.open("dl", "class", "meta");
            term(h, "Covers", c.coverage());
            term(h, c.kind().equals("replay") ? "Trace SHA-256" : "Campaign SHA-256", c.campaignSha256() + " ("
                    + c.hashStatus() + ")");
            term(h, "From", String.join(", ", c.sources()));
            h.close("dl");
            if (!c.expectations().isEmpty()) {
                h.element("h4", "Expectations");
                h.open("ul");
                c.expectations().forEach(e -> h.element("li", e.text(), "class", e.holds() ? "holds" : "violated"));
                h.close("ul");
            }
            if (!c.statistics().latency().isEmpty()) {
                statistics(h, c, drawings);
            }
            h.element("h4", "Trust graph of a typical run");
            if (c.typicalGraph().isPresent()) {
                graph(h, c.typicalGraph().get(), drawings);
                h.element("p", c.typicalNote(), "class", "meta");
            } else {
                h.element("p", c.typicalNote(), "class", "meta");
            }
            h.close("section").newline();
        }
        h.close("section").newline();
    }

    private static void statistics(Xml h, CampaignView c, Drawings drawings) {
        h.element("h4", "Latency per network profile (virtual time, request to acceptance)");
        h.open("table", "class", "latency").open("thead").open("tr");
        for (String col : List.of("Network profile", "Runs", "Accepted requests (n)", "p50", "p90", "p99")) {
            h.element("th", col, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (LatencyRow r : c.statistics().latency()) {
            h.open("tr").element("td", r.network()).element("td", Long.toString(r.runs()), "class", "num")
                    .element("td", Long.toString(r.samples()), "class", "num")
                    .element("td", r.cell(0), "class", "num")
                    .element("td", r.cell(1), "class", "num")
                    .element("td", r.cell(2), "class", "num").close("tr");
        }
        h.close("tbody").close("table");
        h.open("div", "class", "charts");
        for (String id : List.of("chart-latency-", "chart-loss-", "chart-offline-")) {
            drawings.get(id + c.anchor()).ifPresent(svg -> h.open("figure").raw(svg).close("figure"));
        }
        h.close("div");
        acceptance(h, "Acceptance rate by loss rate", "loss rate", c.statistics().byLoss());
        acceptance(h, "Acceptance rate by offline probability", "offline probability", c.statistics().byOffline());
    }

    private static void acceptance(Xml h, String title, String parameter, List<AcceptanceBin> bins) {
        h.element("h4", title);
        h.open("table", "class", "acceptance").open("thead").open("tr");
        for (String col : List.of(parameter, "Runs", "Attempts", "Accepted", "Rate")) {
            h.element("th", col, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AcceptanceBin b : bins) {
            String range = b.lo() == b.hi() ? Charts.value(b.lo()) : Charts.value(b.lo()) + " – " + Charts.value(b.hi());
            h.open("tr").element("td", range).element("td", Long.toString(b.runs()), "class", "num")
                    .element("td", Long.toString(b.attempts()), "class", "num")
                    .element("td", Long.toString(b.accepted()), "class", "num")
                    .element("td", Charts.percent(b.rate()), "class", "num").close("tr");
        }
        h.close("tbody").close("table");
    }

    private static void graph(Xml h, GraphView g, Drawings drawings) {
        h.open("figure", "class", "trust");
        drawings.get(g.svgId()).ifPresent(h::raw);
        h.open("figcaption");
        h.text(g.graph().title() + ". Drawn with " + g.engine() + ". ");
        h.open("span", "class", "legend");
        legend(h, "#1f4e79", "direct, user confirmed");
        legend(h, "#6a3d9a", "vouched");
        legend(h, "#1b7837", "grant");
        legend(h, "#b35806", "TOFU slot");
        legend(h, "#2166ac", "SecureJoin");
        legend(h, "#4d4d4d", "PSK member");
        legend(h, "#c00000", "attacker / compromised key");
        h.text("dashed: revoked or expired.");
        h.close("span");
        if (!g.graph().note().isEmpty()) {
            h.text(" " + g.graph().note() + ".");
        }
        h.close("figcaption").close("figure");
    }

    private static void legend(Xml h, String colour, String text) {
        // Never <span/>: a browser reads report.html as HTML, where only void elements may close themselves.
        h.open("span").open("span", "class", "swatch", "style", "background:" + colour).close("span").text(text)
                .close("span");
    }

    private static void term(Xml h, String term, String value) {
        h.element("dt", term).element("dd", value);
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
