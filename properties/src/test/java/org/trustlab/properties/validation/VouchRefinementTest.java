package org.trustlab.properties.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.ProtocolModules;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignRunner;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.SimulatorBackend;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.reference.vouch.VouchMutant;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * Every trace of the vouch scenarios, and of a campaign's runs, is a behaviour of the vouch model; the reference
 * mutants that deviate from the model are caught on the scenario that exposes them, with the model's reason.
 */
class VouchRefinementTest {
    private static final Path DIR = Path.of("..", "scenarios", "vouch");
    private static final ScenarioRunner RUNNER = new ScenarioRunner(InvariantOracle.none());

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    private static Trace trace(String file, Optional<VouchMutant> mutant) {
        Scenario s = ScenarioLoader.load(DIR.resolve(file));
        return RUNNER.execute(s.withMutant(mutant.map(VouchMutant::qualifiedName))).trace();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyReferenceTraceIsABehaviourOfTheModel(String file) {
        List<Violation> v = VouchRefinement.check(trace(file, Optional.empty()));
        assertThat(v).as("%s: %s", file, v.stream().map(Violation::message).toList()).isEmpty();
    }

    /** The mutants whose traces leave the model, where, and the model's reason. */
    static Stream<Arguments> deviatingMutants() {
        return Stream.of(
                Arguments.of(VouchMutant.NO_TIMESTAMP_CHECK, "skewed-voucher-301s.yaml",
                        "check VOUCH_EXPIRED fails"),
                Arguments.of(VouchMutant.SKIP_SIGNATURE_CHECK, "forged-vouch-unpaired-device.yaml",
                        "the attacker cannot derive"),
                Arguments.of(VouchMutant.UNSIGNED_TARGET, "replay-hardened.yaml", "the attacker cannot derive"),
                Arguments.of(VouchMutant.PROXIED_MAY_VOUCH, "proxied-device-vouches.yaml",
                        "check TARGET_NOT_DIRECT fails"),
                Arguments.of(VouchMutant.STALE_VOUCHER_CHECK, "voucher-unpaired-while-queued.yaml",
                        "check VOUCHER_NOT_DIRECT fails"));
    }

    @ParameterizedTest
    @MethodSource("deviatingMutants")
    void aReferenceMutantThatDeviatesFromTheModelIsCaught(VouchMutant mutant, String file, String why) {
        assertThat(VouchRefinement.check(trace(file, Optional.empty()))).isEmpty();
        List<Violation> v = VouchRefinement.check(trace(file, Optional.of(mutant)));
        assertThat(v).as("%s on %s", mutant.qualifiedName(), file).isNotEmpty();
        assertThat(v).allSatisfy(x -> {
            assertThat(x.invariantId()).isEqualTo(VouchRefinement.ID);
            assertThat(x.evidence()).hasSize(1);
            assertThat(x.message()).contains("is not a step of the vouch model");
        });
        assertThat(v).as("%s on %s", mutant.qualifiedName(), file).anySatisfy(x -> assertThat(x.message())
                .contains(why));
    }

    @Test
    void aProxiedVoucherIsRefusedByTheModelWhereTheMutantAcceptsIt() {
        // proxied-device-vouches: with the mutant the pad signs over its Proxied pairing with the desktop (refused,
        // so the model's pad never sends that vouch) and the desktop accepts it from a device it holds as Proxied.
        List<Violation> v = VouchRefinement.check(trace("proxied-device-vouches.yaml",
                Optional.of(VouchMutant.PROXIED_MAY_VOUCH)));
        assertThat(v).extracting(Violation::message).anySatisfy(m -> assertThat(m)
                .startsWith("pad signing the vouch of newphone to desktop").contains("TARGET_NOT_DIRECT"));
        assertThat(v).extracting(Violation::message).anySatisfy(m -> assertThat(m)
                .startsWith("desktop accepting newphone on the word of pad"));
    }

    @Test
    void campaignRunsOfTheCorrectReferenceAreBehavioursOfTheModel() {
        TraceCheck refinement = ProtocolModules.find(VouchRefinement.PROTOCOL).orElseThrow().refinements().stream()
                .filter(c -> c.id().equals(VouchRefinement.ID)).findFirst().orElseThrow();
        CampaignRunner runner = new CampaignRunner(Campaigns.find(VouchRefinement.PROTOCOL).orElseThrow(),
                new SimulatorBackend(), List.of(refinement));
        CampaignResult r = runner.run(CampaignSpec.of(VouchRefinement.PROTOCOL, 80, 1).withJobs(1),
                CampaignProgress.SILENT);
        assertThat(r.runs()).hasSize(80);
        assertThat(r.runs()).allSatisfy(run -> assertThat(run.violations()).as("run %d", run.index()).isEmpty());
    }

    @Test
    void campaignsRunItUnlessValidationIsSwitchedOff() {
        assertThat(Campaigns.checks(VouchRefinement.PROTOCOL, true)).extracting(TraceCheck::id)
                .contains(VouchRefinement.ID);
        assertThat(Campaigns.checks(VouchRefinement.PROTOCOL, false)).extracting(TraceCheck::id)
                .doesNotContain(VouchRefinement.ID);
    }

    @Test
    void shrunkScenariosThatNameTheCheckReplayWithIt() {
        // A campaign's shrunk failure of the check carries {invariant: vouch.refines-model, holds: false}.
        assertThat(InvariantCatalogue.judge(VouchRefinement.ID, trace("replay-hardened.yaml", Optional.empty())))
                .contains(InvariantVerdict.HELD);
        assertThat(InvariantCatalogue.judge(VouchRefinement.ID, trace("replay-hardened.yaml",
                Optional.of(VouchMutant.UNSIGNED_TARGET)))).contains(InvariantVerdict.VIOLATED);
        assertThat(InvariantCatalogue.judge("vouch.no-such-check", trace("happy-path.yaml", Optional.empty())))
                .isEmpty();
    }

    /**
     * The set-up pairings and the profile are the world's facts: a trace whose devices report other pairing types and
     * another profile in their audits is judged by the facts, and one whose facts lack the set-up pairings is not
     * rescued by the audits that report them.
     */
    @Test
    void setUpPairingsAreTheWorldsFactsNotTheStepsAudit() {
        Trace t = trace("happy-path-hardened.yaml", Optional.empty());
        assertThat(VouchRefinement.check(t)).isEmpty();
        Set<String> selfReported = Set.of(VouchAudit.PROFILE, VouchAudit.VOUCHER_PAIRING_TYPE,
                VouchAudit.VOUCHEE_PAIRING_TYPE, VouchAudit.TARGET_PAIRING_TYPE, VouchAudit.VOUCHEE_REGISTRY_TYPE);
        Trace misreported = rewrite(t, e -> {
            if (e.kind() == Kind.FACT || selfReported.stream().noneMatch(e.fields()::containsKey)) {
                return e;
            }
            Map<String, String> f = new TreeMap<>(e.fields());
            selfReported.forEach(k -> f.computeIfPresent(k, (key, v) -> key.equals(VouchAudit.PROFILE)
                    ? "spacedrive" : "none"));
            return new TraceEvent(e.seq(), e.timeNanos(), e.node(), e.kind(), e.type(), f);
        });
        assertThat(misreported.events()).anySatisfy(e -> assertThat(e.field(VouchAudit.TARGET_PAIRING_TYPE))
                .isEqualTo("none"));
        assertThat(VouchRefinement.check(misreported)).isEmpty();
        Trace unpairedWorld = rewrite(t, e -> e.is(Kind.FACT, "pairing") ? null : e);
        assertThat(VouchRefinement.check(unpairedWorld)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).startsWith("laptop signing the vouch of phone to desktop"))
                .anySatisfy(m -> assertThat(m).startsWith("desktop accepting phone on the word of laptop"));
    }

    private static Trace rewrite(Trace t, UnaryOperator<TraceEvent> edit) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            TraceEvent edited = edit.apply(e);
            if (edited != null) {
                out.add(edited);
            }
        }
        return new Trace(out, "edited-" + t.sha256());
    }

    @Test
    void aTraceWithoutVouchesHasNothingToValidate() {
        Trace t = trace("direct-pairing-code-mismatch.yaml", Optional.empty());
        assertThat(t.events()).isNotEmpty();
        assertThat(VouchRefinement.check(t)).isEmpty();
    }
}
