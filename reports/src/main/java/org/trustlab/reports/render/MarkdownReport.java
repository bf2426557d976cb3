package org.trustlab.reports.render;

import java.util.List;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.properties.trust.TrustEdge;
import org.trustlab.reports.CampaignView;
import org.trustlab.reports.FailureView;
import org.trustlab.reports.MutantRow;
import org.trustlab.reports.ProfileRow;
import org.trustlab.reports.Report;
import org.trustlab.reports.VerdictRow;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.reports.stats.AcceptanceBin;
import org.trustlab.reports.stats.LatencyRow;
import org.trustlab.reports.svg.Charts;

/**
 * report.md, for pasting into an issue or a pull request: the verdict table, the mutants, each counterexample
 * (statement, message, shrunk scenario, the trust edges at the violation as a list), and the statistics tables.
 * The drawings are in report.html; the text says where.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("Inputs: ").append(String.join(", ", report.inputs().stream().map(MarkdownReport::code).toList()))
                .append("  \nTrust graphs drawn with: ").append(report.graphEngine()).append("\n\n");
        md.append("## Verdicts\n\n");
        md.append("| Protocol | Mutant | Invariant | Runs | Judged (not vacuous) | Violations | 95% upper bound "
                + "| Mutants killed / total | Verdict |\n|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (VerdictRow v : report.verdicts()) {
            md.append("| ").append(cell(v.protocol())).append(" | ").append(cell(v.mutant().orElse("—")))
                    .append(" | ").append(code(v.invariant())).append(" | ").append(v.runs()).append(" | ")
                    .append(v.judged()).append(" | ").append(v.violations()).append(" | ").append(ClopperPearson.format(v.upper95())).append(" | ")
                    .append(v.mutantsTotal() == 0 ? "—" : v.mutantsKilled() + " / " + v.mutantsTotal())
                    .append(" | ").append(v.violated() ? "**VIOLATED**" : v.finding() ? "*FINDING*" : v.verdict())
                    .append(" |\n");
        }
        for (VerdictRow v : report.verdicts()) {
            if (v.admitted() > 0) {
                md.append("\nFINDING ").append(code(v.invariant())).append(": ").append(v.admitted())
                        .append(" of its ").append(v.violations()).append(" violations are by design of the source "
                        + "system: ").append(v.admittedBecause().orElse("admitted gap")).append(".\n");
            }
        }
        md.append('\n');
        report.notes().forEach(n -> md.append("> ").append(n).append("\n"));
        if (!report.profiles().isEmpty()) {
            md.append("\n## Denial and disagreement per profile\n\n| Protocol | Property | Profile | Runs | Judged "
                    + "| Violations | Verdict | Reason |\n|---|---|---|---:|---:|---:|---|---|\n");
            for (ProfileRow p : report.profiles()) {
                md.append("| ").append(cell(p.protocol())).append(" | ").append(code(p.invariant())).append(" | ")
                        .append(cell(p.profile())).append(" | ").append(p.runs()).append(" | ").append(p.judged()).append(" | ")
                        .append(p.violations()).append(" | ").append(p.verdict()).append(" | ")
                        .append(cell(p.reason().orElse("—"))).append(" |\n");
            }
        }
        if (!report.mutants().isEmpty()) {
            md.append("\n## Mutants\n\n| Protocol | Mutant | Killed | Killed by |\n|---|---|---|---|\n");
            for (MutantRow m : report.mutants()) {
                md.append("| ").append(cell(m.protocol())).append(" | ").append(code(m.mutant())).append(" | ")
                        .append(m.killed() ? "yes" : "**NO — survived**").append(" | ")
                        .append(m.killedBy().isEmpty() ? "—" : cell(String.join(", ", m.killedBy()))).append(" |\n");
            }
        }
        md.append("\n## Counterexamples (").append(report.failures().size()).append(")\n");
        for (FailureView f : report.failures()) {
            md.append("\n### ").append(f.invariant()).append(" violated — ").append(f.protocol())
                    .append(f.mutant().map(m -> " with mutant " + m).orElse("")).append("\n\n");
            md.append("> ").append(f.statement()).append("\n\n");
            md.append(f.message()).append("\n\n");
            md.append("- scenario: ").append(code(f.scenarioFile())).append("\n");
            f.runIndex().ifPresent(i -> md.append("- shrunk from run ").append(i).append("\n"));
            md.append("- trace SHA-256: ").append(code(f.traceSha256())).append(" (").append(f.traceStatus())
                    .append(")\n");
            md.append("- replays: ").append(f.replayStatus()).append("\n");
            md.append("- violation at event #").append(f.violationSeq()).append("; sequence diagram and trust graph: "
                    + "report.html#").append(f.anchor()).append("\n");
            md.append("- the sequence as text: [PlantUML](").append(f.sequenceFiles().plantUml())
                    .append("), [Mermaid](").append(f.sequenceFiles().mermaid()).append(")\n\n");
            f.linearizability().ifPresent(l -> {
                md.append("Non-linearizable window of ").append(l.object()).append(" (model ").append(l.model())
                        .append("; timeline: report.html#").append(f.anchor()).append(", history: [")
                        .append(l.historyFile()).append("](").append(l.historyFile()).append(")):\n\n```\n")
                        .append(String.join("\n", l.window())).append("\n```\n\n");
            });
            md.append("Trust edges at the violation:\n\n");
            List<TrustEdge> edges = f.graph().graph().edges();
            if (edges.isEmpty()) {
                md.append("- (none)\n");
            }
            for (TrustEdge e : edges) {
                md.append("- ").append(e.from()).append(" → ").append(e.to()).append(": ")
                        .append(e.label().replace("\n", ", ")).append("\n");
            }
            md.append("\n<details><summary>Shrunk scenario</summary>\n\n```yaml\n").append(f.scenarioYaml().strip())
                    .append("\n```\n\n</details>\n");
        }
        md.append("\n## Campaigns\n");
        for (CampaignView c : report.campaigns()) {
            md.append("\n### ").append(c.kind().equals("replay") ? "Replay: " : "Campaign: ").append(c.protocol())
                    .append(c.mutant().map(m -> " with mutant " + m).orElse("")).append(" — seed ").append(c.seed())
                    .append("\n\n- covers: ").append(c.coverage()).append("\n- ")
                    .append(c.kind().equals("replay") ? "trace" : "campaign").append(" SHA-256: ")
                    .append(code(c.campaignSha256())).append(" (").append(c.hashStatus()).append(")\n");
            c.expectations().forEach(e -> md.append("- ").append(e.text()).append("\n"));
            if (!c.statistics().latency().isEmpty()) {
                md.append("\n| Network profile | Runs | Accepted requests (n) | p50 | p90 | p99 |\n"
                        + "|---|---:|---:|---:|---:|---:|\n");
                for (LatencyRow r : c.statistics().latency()) {
                    md.append("| ").append(cell(r.network())).append(" | ").append(r.runs()).append(" | ")
                            .append(r.samples()).append(" | ").append(r.cell(0)).append(" | ").append(r.cell(1))
                            .append(" | ").append(r.cell(2)).append(" |\n");
                }
                acceptance(md, "Loss rate", c.statistics().byLoss());
                acceptance(md, "Offline probability", c.statistics().byOffline());
            }
        }
        md.append("\n").append(Redactor.POLICY).append("\n");
        return md.toString();
    }

    private static void acceptance(StringBuilder md, String parameter, List<AcceptanceBin> bins) {
        md.append("\n| ").append(parameter).append(" | Runs | Attempts | Accepted | Rate |\n|---|---:|---:|---:|---:|\n");
        for (AcceptanceBin b : bins) {
            md.append("| ").append(b.lo() == b.hi() ? Charts.value(b.lo()) : Charts.value(b.lo()) + " – "
                    + Charts.value(b.hi())).append(" | ").append(b.runs()).append(" | ").append(b.attempts())
                    .append(" | ").append(b.accepted()).append(" | ").append(Charts.percent(b.rate())).append(" |\n");
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }
}
