package org.trustlab.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.ProtocolCampaign;
import org.trustlab.properties.campaign.ScenarioBackend;
import org.trustlab.properties.campaign.SimulatorBackend;
import org.trustlab.reports.input.RunLine;
import org.trustlab.reports.merge.Campaign;
import org.trustlab.simulator.trace.Trace;

/**
 * Typical runs by re-simulation: the passing run with the median number of acceptances is generated again from its
 * recorded seed and generator size, exactly as the campaign generated it, and run in the simulator. Its trace hash
 * must equal the one runs.jsonl recorded, else the graph would show some other run: then the report says so and
 * shows no typical graph.
 */
public final class TypicalRuns {
    private TypicalRuns() {}

    public static TypicalRunSource resimulate() {
        return TypicalRuns::find;
    }

    static TypicalRunSource.Found find(Campaign c) {
        Optional<RunLine> pick = pick(c.runs());
        if (pick.isEmpty()) {
            return TypicalRunSource.Found.none("every run violated an invariant, so there is no typical passing run");
        }
        RunLine run = pick.get();
        if (run.size() < 0) {
            return TypicalRunSource.Found.none("runs.jsonl records no generator size, so run " + run.index()
                    + " cannot be generated again");
        }
        Optional<ProtocolCampaign> campaign = Campaigns.find(c.protocol());
        if (campaign.isEmpty()) {
            return TypicalRunSource.Found.none("this build has no campaign generator for " + c.protocol());
        }
        try {
            Map<String, Object> scenario = scenario(campaign.get().generator().generate(run.seed(), (int) run.size())
                    .value(), c, run);
            SimulatorBackend backend = new SimulatorBackend();
            ScenarioBackend.Execution ran = backend.run(scenario);
            Trace trace = ran.trace();
            if (!trace.sha256().equals(run.traceSha256())) {
                return TypicalRunSource.Found.none("re-simulating run " + run.index() + " gave trace "
                        + trace.sha256() + ", not the recorded " + run.traceSha256()
                        + " (a different build of the generator or the protocol?), so no typical graph is shown");
            }
            return new TypicalRunSource.Found(Optional.of(new TypicalRun(run.index(), backend.toYaml(ran.scenario()), trace)), "run " + run.index() + " (the passing run with the median number of acceptances, "
                    + run.accepted() + " of " + run.attempts() + "), re-simulated from seed " + run.seed()
                    + "; its trace hash equals the one the campaign recorded");
        } catch (RuntimeException e) {
            return TypicalRunSource.Found.none("re-simulating run " + run.index() + " failed: " + e.getMessage());
        }
    }

    /** The passing run with the median acceptance count (lowest index among equals); else none. */
    static Optional<RunLine> pick(List<RunLine> runs) {
        List<RunLine> passing = new ArrayList<>(runs.stream().filter(r -> r.violations().isEmpty()).toList());
        if (passing.isEmpty()) {
            return Optional.empty();
        }
        passing.sort(Comparator.comparingLong(RunLine::accepted).thenComparingLong(RunLine::index));
        long median = passing.get((passing.size() - 1) / 2).accepted();
        return passing.stream().filter(r -> r.accepted() == median).min(Comparator.comparingLong(RunLine::index));
    }

    /**
     * The generated data completed as the campaign completes it (name, protocol, run seed, mutant, then the
     * generator's scenario keys); kept in step with {@code CampaignRunner.scenarioOf}, and the trace hash check
     * above catches any drift.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scenario(Map<String, Object> generated, Campaign c, RunLine run) {
        Object body = generated.get("scenario");
        if (!(body instanceof Map<?, ?>)) {
            throw new IllegalStateException("generator output has no scenario map");
        }
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", c.protocol() + " campaign seed " + c.seed() + " run " + run.index());
        scenario.put("protocol", c.protocol());
        scenario.put("seed", run.seed());
        c.mutant().ifPresent(m -> scenario.put("mutant", m));
        for (Map.Entry<String, Object> e : ((Map<String, Object>) body).entrySet()) {
            scenario.putIfAbsent(e.getKey(), e.getValue());
        }
        return scenario;
    }
}
