package org.trustlab.reports.merge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.properties.campaign.ClopperPearson;
import org.trustlab.reports.input.CampaignDir;
import org.trustlab.reports.input.FailureCase;
import org.trustlab.reports.input.InvariantLine;
import org.trustlab.reports.input.MutantLine;
import org.trustlab.reports.input.ReportInputException;
import org.trustlab.reports.input.RunLine;
import org.trustlab.reports.input.Summary;

/**
 * Merges the shards of each campaign. Shards belong together when they share protocol, seed and mutant; then they
 * must also agree on the campaign size, the shard count and the checks run, must not share a run, and together must
 * cover every run. A gap is tolerated only when a single directory is reported on its own (a shard's own report at
 * the end of {@code trustlab campaign --shard i/n}); then the report says it is partial.
 */
public final class CampaignMerger {
    private CampaignMerger() {}

    public static List<Campaign> merge(List<CampaignDir> dirs, boolean allowPartial) {
        Map<String, List<CampaignDir>> groups = new TreeMap<>();
        for (CampaignDir d : dirs) {
            Summary s = d.summary();
            groups.computeIfAbsent(s.protocol() + "\u0000" + s.mutant().orElse("") + "\u0000" + s.seed(),
                    k -> new ArrayList<>()).add(d);
        }
        List<Campaign> out = new ArrayList<>();
        for (List<CampaignDir> group : groups.values()) {
            out.add(mergeGroup(group, allowPartial));
        }
        return out;
    }

    private static Campaign mergeGroup(List<CampaignDir> group, boolean allowPartial) {
        group = group.stream().sorted(Comparator.comparingLong(d -> d.summary().shard()
                .map(Summary.ShardRef::index).orElse(0L))).toList();
        CampaignDir first = group.get(0);
        Summary s0 = first.summary();
        List<String> checkIds = s0.invariants().stream().map(InvariantLine::id).toList();
        for (CampaignDir d : group.subList(1, group.size())) {
            Summary s = d.summary();
            if (s.totalRuns() != s0.totalRuns()) {
                throw notTogether(d, first, "the campaign sizes differ (" + s.totalRuns() + " vs " + s0.totalRuns()
                        + " runs)");
            }
            if (shardCount(s) != shardCount(s0)) {
                throw notTogether(d, first, "the shard counts differ (" + shardLabel(s) + " vs " + shardLabel(s0)
                        + ")");
            }
            List<String> ids = s.invariants().stream().map(InvariantLine::id).toList();
            if (!ids.equals(checkIds)) {
                throw notTogether(d, first, "they checked different invariants (" + ids + " vs " + checkIds + ")");
            }
        }
        TreeMap<Long, RunLine> runs = new TreeMap<>();
        Map<Long, CampaignDir> owner = new TreeMap<>();
        for (CampaignDir d : group) {
            for (RunLine r : d.runs()) {
                if (r.index() >= s0.totalRuns()) {
                    throw new ReportInputException(d.dir().resolve("runs.jsonl"), "run " + r.index()
                            + " is beyond the campaign's " + s0.totalRuns() + " runs");
                }
                CampaignDir other = owner.putIfAbsent(r.index(), d);
                if (other != null) {
                    throw new ReportInputException(d.dir(), "overlaps " + other.dir() + ": both contain run "
                            + r.index() + " of " + s0.protocol() + " seed " + s0.seed()
                            + " (give each shard once, and not together with the unsharded campaign)");
                }
                runs.put(r.index(), r);
            }
        }
        boolean complete = runs.size() == s0.totalRuns();
        if (!complete && !allowPartial) {
            throw new ReportInputException(first.dir(), "shards do not cover the campaign: " + gap(group, runs,
                    s0) + "; shards of one campaign share protocol, seed and mutant, so the missing shard may "
                    + "have a different seed or mutant, or was not given");
        }
        List<String> shards = new ArrayList<>();
        for (CampaignDir d : group) {
            shards.add(d.summary().shard().map(Summary.ShardRef::toString).orElse("whole"));
        }
        List<InvariantVerdict> verdicts = new ArrayList<>();
        for (InvariantLine line : s0.invariants()) {
            long violations = 0;
            long admitted = 0;
            long judged = 0;
            for (CampaignDir d : group) {
                violations += d.summary().invariants().stream().filter(i -> i.id().equals(line.id()))
                        .mapToLong(InvariantLine::violations).sum();
                judged += d.summary().invariants().stream().filter(i -> i.id().equals(line.id()))
                        .mapToLong(InvariantLine::judged).sum();
                admitted += d.summary().invariants().stream().filter(i -> i.id().equals(line.id()))
                        .mapToLong(InvariantLine::admitted).sum();
            }
            verdicts.add(new InvariantVerdict(line.id(), line.statement(), runs.size(), judged, violations,
                    judged == 0 ? 1.0 : ClopperPearson.upper95(violations, judged), admitted,
                    line.admittedBecause()));
        }
        List<FailureCase> failures = new ArrayList<>();
        Map<String, MutantLine> mutants = new LinkedHashMap<>();
        for (CampaignDir d : group) {
            failures.addAll(d.failures());
            d.mutants().forEach(m -> mutants.putIfAbsent(m.mutant(), m));
        }
        List<RunLine> ordered = List.copyOf(runs.values());
        Optional<String> recorded = group.size() == 1 && s0.shard().isEmpty() ? s0.campaignSha256()
                : Optional.empty();
        return new Campaign(s0.protocol(), s0.seed(), s0.mutant(), group, ordered, verdicts, failures,
                List.copyOf(mutants.values()), new Coverage(complete, runs.size(), s0.totalRuns(), shards),
                campaignSha256(ordered), recorded);
    }

    /** SHA-256 over the runs' identity lines in index order, as {@code campaignSha256} is defined. */
    public static String campaignSha256(List<RunLine> runsInIndexOrder) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RunLine r : runsInIndexOrder) {
                sha.update((r.identityLine() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String gap(List<CampaignDir> group, Map<Long, RunLine> runs, Summary s0) {
        long count = shardCount(s0);
        TreeSet<Long> present = new TreeSet<>();
        group.forEach(d -> present.add(d.summary().shard().map(Summary.ShardRef::index).orElse(0L)));
        List<Long> missingShards = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (!present.contains(i)) {
                missingShards.add(i);
            }
        }
        long firstMissing = 0;
        while (runs.containsKey(firstMissing)) {
            firstMissing++;
        }
        String which = missingShards.isEmpty() ? "" : ", shard" + (missingShards.size() == 1 ? " " : "s ")
                + String.join(", ", missingShards.stream().map(i -> i + "/" + count).toList()) + " missing";
        return (s0.totalRuns() - runs.size()) + " of " + s0.totalRuns() + " runs of " + s0.protocol() + " seed "
                + s0.seed() + s0.mutant().map(m -> " mutant " + m).orElse("") + " are absent (first: run "
                + firstMissing + ")" + which;
    }

    private static long shardCount(Summary s) {
        return s.shard().map(Summary.ShardRef::count).orElse(1L);
    }

    private static String shardLabel(Summary s) {
        return s.shard().map(r -> "shard " + r).orElse("unsharded");
    }

    private static ReportInputException notTogether(CampaignDir d, CampaignDir first, String why) {
        return new ReportInputException(d.dir(), "does not belong with " + first.dir() + ": same protocol, seed and "
                + "mutant, but " + why);
    }
}
