package org.trustlab.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.trustlab.properties.output.OutputMarker;
import org.trustlab.properties.output.OutputRefusedException;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceReader;

/**
 * Reads the directories given to {@code trustlab report}: a campaign output ({@code DIR/<protocol>/summary.json}),
 * one protocol's folder ({@code DIR/summary.json}), or a replay directory ({@code DIR/replay.json}). Every file is
 * checked against the others before anything is drawn (runs.jsonl against summary.json, failures against their
 * traces), because a report over inconsistent inputs would state verdicts nobody ran.
 */
public final class ResultReader {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What was read: campaign folders (shards not yet merged) and replays, each in the order given. */
    public record Inputs(List<CampaignDir> campaigns, List<ReplayDir> replays) {
        public Inputs {
            campaigns = List.copyOf(campaigns);
            replays = List.copyOf(replays);
        }
    }

    private ResultReader() {}

    public static Inputs read(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no result directory given");
        }
        List<CampaignDir> campaigns = new ArrayList<>();
        List<ReplayDir> replays = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new ReportInputException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
            }
            refuseIncomplete(dir);
            if (Files.isRegularFile(dir.resolve(ReplayDirs.REPLAY_JSON))) {
                replays.add(ReplayDirs.read(dir));
            } else if (Files.isRegularFile(dir.resolve("summary.json"))) {
                campaigns.add(readCampaign(dir));
            } else {
                List<Path> children = protocolFolders(dir);
                if (children.isEmpty()) {
                    throw new ReportInputException(dir, "no summary.json here or in a protocol folder below it "
                            + "(expected DIR/<protocol>/summary.json as `trustlab campaign --out DIR` writes)");
                }
                for (Path child : children) {
                    refuseIncomplete(child);
                    if (Files.isRegularFile(child.resolve(ReplayDirs.REPLAY_JSON))) {
                        replays.add(ReplayDirs.read(child));
                    } else {
                        campaigns.add(readCampaign(child));
                    }
                }
            }
        }
        return new Inputs(campaigns, replays);
    }

    /**
     * A folder whose writer was interrupted while moving its output into place holds a mix of old and new files;
     * a report over it would state verdicts of no single run.
     */
    static void refuseIncomplete(Path dir) {
        Optional<OutputMarker> marker;
        try {
            marker = OutputMarker.read(dir);
        } catch (OutputRefusedException e) {
            throw new ReportInputException(dir.resolve(OutputMarker.FILE), "is not a trustlab output marker");
        }
        if (marker.isPresent() && !marker.get().complete()) {
            throw new ReportInputException(dir, "is marked incomplete: the " + marker.get().writtenBy()
                    + " that wrote it was interrupted while moving its results into place, so it mixes old and new"
                    + " files; run that command again");
        }
    }

    /** Sub-folders holding a result, sorted; hidden ones are a campaign writer's temporary folders. */
    private static List<Path> protocolFolders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("summary.json"))
                            || Files.isRegularFile(p.resolve(ReplayDirs.REPLAY_JSON)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ReportInputException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    public static CampaignDir readCampaign(Path dir) {
        Path summaryFile = dir.resolve("summary.json");
        Summary summary = parseSummary(summaryFile, readJson(summaryFile));
        List<RunLine> runs = readRuns(dir.resolve("runs.jsonl"), summary);
        checkCounts(summaryFile, summary, runs);
        List<FailureCase> failures = new ArrayList<>();
        for (String f : summary.failureFiles()) {
            failures.add(readFailure(dir, summaryFile, f));
        }
        Path mutantsFile = dir.resolve("mutants.json");
        List<MutantLine> mutants = Files.isRegularFile(mutantsFile) ? parseMutants(mutantsFile) : List.of();
        return new CampaignDir(dir, summary, runs, failures, mutants);
    }

    static Summary parseSummary(Path file, JsonNode root) {
        JsonFields j = new JsonFields(file);
        if (!root.isObject()) {
            throw j.bad("/", "must be a JSON object");
        }
        String protocol = j.text(root, "protocol", "/");
        long runs = j.integer(root, "runs", "/");
        long seed = j.integer(root, "seed", "/");
        Optional<String> mutant = j.optionalText(root, "mutant", "/");
        Optional<Summary.ShardRef> shard = Optional.empty();
        JsonNode s = root.get("shard");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw j.bad("/shard", "must be {index, count} or null");
            }
            long index = j.integer(s, "index", "/shard/");
            long count = j.integer(s, "count", "/shard/");
            if (count < 1 || index < 0 || index >= count) {
                throw j.bad("/shard", "index must be in 0..count-1, got " + index + "/" + count);
            }
            shard = Optional.of(new Summary.ShardRef(index, count));
        }
        long totalRuns = j.integerOr(root, "totalRuns", "/", shard.isPresent() ? -1 : runs);
        RunIndices indices;
        JsonNode ri = root.get("runIndices");
        try {
            if (ri != null && !ri.isNull()) {
                if (!ri.isObject()) {
                    throw j.bad("/runIndices", "must be {from, to, stride}");
                }
                indices = new RunIndices(j.integer(ri, "from", "/runIndices/"), j.integer(ri, "to", "/runIndices/"),
                        j.integerOr(ri, "stride", "/runIndices/", 1));
            } else if (shard.isPresent() && totalRuns >= 0) {
                indices = new RunIndices(shard.get().index(), totalRuns, shard.get().count());
            } else {
                indices = new RunIndices(0, runs, 1);
            }
        } catch (IllegalArgumentException e) {
            throw j.bad("/runIndices", e.getMessage());
        }
        if (totalRuns < 0) {
            totalRuns = indices.to();
        }
        if (indices.count() != runs) {
            throw j.bad("/runIndices", "names " + indices.count() + " runs (" + indices + ") but runs is " + runs);
        }
        List<InvariantLine> invariants = new ArrayList<>();
        JsonNode inv = j.array(root, "invariants", "/");
        for (int i = 0; i < inv.size(); i++) {
            String p = "/invariants/" + i + "/";
            JsonNode n = inv.get(i);
            long violations = j.integer(n, "violations", p);
            if (violations < 0 || violations > runs) {
                throw j.bad(p + "violations", violations + " is not in 0.." + runs);
            }
            long admitted = n.has("admitted") ? j.integer(n, "admitted", p) : 0;
            if (admitted < 0 || admitted > violations) {
                throw j.bad(p + "admitted", admitted + " is not in 0.." + violations);
            }
            long judged = j.integer(n, "judgedRuns", p);
            if (judged < violations || judged > runs) {
                throw j.bad(p + "judgedRuns", judged + " is not in " + violations + ".." + runs);
            }
            invariants.add(new InvariantLine(j.text(n, "id", p), j.optionalText(n, "statement", p).orElse(""),
                    violations, judged, j.numberOr(n, "rateUpper95", p, Double.NaN), admitted,
                    j.optionalText(n, "admittedBecause", p)));
        }
        JsonNode byId = root.get("violations");
        if (byId != null && byId.isObject()) {
            for (InvariantLine line : invariants) {
                JsonNode v = byId.get(line.id());
                if (v != null && v.asLong() != line.violations()) {
                    throw j.bad("/violations/" + line.id(), v.asLong() + " disagrees with /invariants ("
                            + line.violations() + ")");
                }
            }
        }
        return new Summary(protocol, runs, totalRuns, seed, mutant, shard, indices, invariants,
                j.strings(root, "failures", "/"), j.optionalText(root, "campaignSha256", "/"),
                j.numberOr(root, "wallTimeSeconds", "/", Double.NaN), j.integerOr(root, "jobs", "/", 0));
    }

    private static List<RunLine> readRuns(Path file, Summary summary) {
        List<String> lines = readLines(file);
        List<RunLine> runs = new ArrayList<>();
        JsonFields j = new JsonFields(file);
        long previous = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String at = "line " + (i + 1) + " ";
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new ReportInputException(file, at + "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (n == null || !n.isObject()) {
                throw new ReportInputException(file, at + "must be a JSON object");
            }
            long index = j.integer(n, "index", at + "/");
            if (!summary.runIndices().contains(index)) {
                throw new ReportInputException(file, at + "run " + index + " is not among the runs summary.json "
                        + "declares (" + summary.runIndices() + ")");
            }
            if (index <= previous) {
                throw new ReportInputException(file, at + "run " + index + " is out of order or repeated");
            }
            previous = index;
            runs.add(new RunLine(index, j.integer(n, "seed", at + "/"), j.integerOr(n, "size", at + "/", -1),
                    j.text(n, "traceSha256", at + "/"),
                    j.strings(n, "violations", at + "/"), j.optionalText(n, "network", at + "/").orElse("unknown"),
                    j.numberOr(n, "loss", at + "/", 0), j.numberOr(n, "offlineProbability", at + "/", 0),
                    j.integerOr(n, "attempts", at + "/", 0), j.integerOr(n, "accepted", at + "/", 0),
                    j.numbers(n, "latenciesMs", at + "/"), j.optionalText(n, "profile", at + "/").orElse("unknown"),
                    n.has("admitted") ? j.strings(n, "admitted", at + "/") : List.of(),
                    n.has("vacuous") ? j.strings(n, "vacuous", at + "/") : List.of()));
        }
        return runs;
    }

    /** runs.jsonl must be exactly the runs the summary counts, with the same violations. */
    private static void checkCounts(Path summaryFile, Summary summary, List<RunLine> runs) {
        if (runs.size() != summary.runs()) {
            throw new ReportInputException(summaryFile, "says " + summary.runs() + " runs but runs.jsonl has "
                    + runs.size());
        }
        Map<String, Long> counted = new LinkedHashMap<>();
        summary.invariants().forEach(i -> counted.put(i.id(), 0L));
        for (RunLine r : runs) {
            for (String id : r.violations()) {
                if (!counted.containsKey(id)) {
                    throw new ReportInputException(summaryFile.resolveSibling("runs.jsonl"), "run " + r.index()
                            + " violates " + id + ", which summary.json does not list among its invariants");
                }
                counted.merge(id, 1L, Long::sum);
            }
        }
        for (InvariantLine i : summary.invariants()) {
            if (counted.get(i.id()) != i.violations()) {
                throw new ReportInputException(summaryFile, i.id() + ": " + i.violations()
                        + " violations in summary.json but " + counted.get(i.id()) + " in runs.jsonl");
            }
        }
    }

    private static FailureCase readFailure(Path dir, Path summaryFile, String relative) {
        Path yamlFile = inside(dir, summaryFile, relative);
        String name = yamlFile.getFileName().toString();
        if (!name.endsWith(".yaml")) {
            throw new ReportInputException(summaryFile, "failure " + relative + " is not a .yaml scenario file");
        }
        String stem = name.substring(0, name.length() - ".yaml".length());
        String yaml = readText(yamlFile);
        Path traceFile = yamlFile.resolveSibling(stem + ".trace.jsonl");
        Trace trace;
        try {
            trace = TraceReader.parse(Files.readAllBytes(traceFile));
        } catch (NoSuchFileException e) {
            throw new ReportInputException(traceFile, "missing (every failure needs its trace)");
        } catch (IOException e) {
            throw new ReportInputException(traceFile, "unreadable: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(traceFile, e.getMessage(), e);
        }
        Path violationFile = yamlFile.resolveSibling(stem + ".violation.json");
        JsonNode v = readJson(violationFile);
        JsonFields j = new JsonFields(violationFile);
        String invariant = j.text(v, "invariant", "/");
        List<Long> evidence = new ArrayList<>();
        JsonNode ev = v.get("evidence");
        if (ev != null && ev.isArray()) {
            ev.forEach(n -> evidence.add(n.asLong()));
        }
        Optional<Long> runIndex = v.hasNonNull("runIndex") ? Optional.of(j.integer(v, "runIndex", "/"))
                : Optional.empty();
        return new FailureCase(yamlFile, invariant, yaml, trace, j.optionalText(v, "message", "/").orElse(""),
                evidence, runIndex, j.optionalText(v, "traceSha256", "/"), j.optionalText(v, "scenarioSha256", "/"));
    }

    private static List<MutantLine> parseMutants(Path file) {
        JsonNode root = readJson(file);
        JsonFields j = new JsonFields(file);
        if (!root.isArray()) {
            throw j.bad("/", "must be an array of {mutant, killedBy, killed}");
        }
        List<MutantLine> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String p = "/" + i + "/";
            List<String> killedBy = j.strings(n, "killedBy", p);
            out.add(new MutantLine(j.text(n, "mutant", p), killedBy, j.bool(n, "killed", p, !killedBy.isEmpty())));
        }
        return out;
    }

    /** A path named inside a result directory must stay inside it: reports are built from others' CI output. */
    static Path inside(Path dir, Path namedIn, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        if (!p.startsWith(base)) {
            throw new ReportInputException(namedIn, "'" + relative + "' points outside " + dir);
        }
        return p;
    }

    static JsonNode readJson(Path file) {
        String text = readText(file);
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new ReportInputException(file, "empty file");
            }
            return n;
        } catch (IOException e) {
            throw new ReportInputException(file, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file, "missing");
        } catch (MalformedInputException e) {
            throw new ReportInputException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new ReportInputException(file, "unreadable: " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(Path file) {
        return readText(file).lines().toList();
    }
}
