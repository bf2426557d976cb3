package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustlab.properties.scenario.ShippedScenarios;
import org.trustlab.properties.InvariantCatalogue;
import org.trustlab.properties.campaign.TraceCheck;
import org.trustlab.properties.campaign.TwinRun;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.reference.autojoin.AutoJoinReason;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.Expectation;
import org.trustlab.simulator.scenario.InvariantVerdict;
import org.trustlab.simulator.scenario.RunResult;

/**
 * Every scenario of {@code scenarios/autojoin} passes with its expectations and every autojoin invariant holds on
 * it; every mutant in {@link AutoJoinMutantMap} breaks the invariants it names on its scenario.
 */
class AutoJoinScenariosTest {
    private static final ShippedScenarios SHIPPED = new ShippedScenarios("autojoin");
    static final Path DIR = SHIPPED.dir();

    static Stream<String> scenarios() throws IOException {
        return SHIPPED.files();
    }

    static RunResult run(String file, Optional<AutoJoinMutant> mutant) {
        return SHIPPED.run(file, mutant.map(AutoJoinMutant::qualifiedName));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenarioPassesItsExpectations(String file) {
        ShippedScenarios.assertPasses(run(file, Optional.empty()), file);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyInvariantHoldsOnEveryScenario(String file) {
        RunResult r = run(file, Optional.empty());
        for (Invariant i : InvariantCatalogue.forProtocol(AutoJoinInvariants.PROTOCOL)) {
            // A scenario that demonstrates a FINDING says so: it expects the invariant violated (and its own
            // expectations are checked above).
            boolean finding = r.scenario().expect().contains(new Expectation.InvariantExpected(i.id(), InvariantVerdict.VIOLATED));
            assertThat(judge(i, r)).as("%s on %s", i.id(), file).hasSize(finding ? 1 : 0);
        }
    }

    /** The invariant on the run, against its attacker-free twin where it compares with one. */
    private static List<Violation> judge(Invariant i, RunResult r) {
        return TraceCheck.of(i).judge(r.trace(), () -> new TwinRun(ProtocolBindings.standard()).run(r.scenario(),
                r.seed())).violations();
    }

    static Stream<AutoJoinMutantMap.Entry> mutants() {
        return AutoJoinMutantMap.entries().stream();
    }

    @ParameterizedTest
    @MethodSource("mutants")
    void everyMutantBreaksTheInvariantsItNames(AutoJoinMutantMap.Entry e) {
        RunResult r = run(e.scenario(), Optional.of(e.mutant()));
        for (String id : e.breaks()) {
            Invariant i = InvariantCatalogue.find(id).orElseThrow();
            List<Violation> v = judge(i, r);
            assertThat(v).as("%s must break %s on %s", e.mutant().qualifiedName(), id, e.scenario()).isNotEmpty();
            assertThat(v.get(0).evidence()).isNotEmpty();
        }
    }

    @Test
    void everyInvariantIsBrokenBySomeMutantAndEveryMutantBreaksSomething() {
        assertThat(AutoJoinMutantMap.byInvariant().keySet()).containsExactlyInAnyOrderElementsOf(
                InvariantCatalogue.forProtocol(AutoJoinInvariants.PROTOCOL).stream().map(Invariant::id).toList());
        assertThat(AutoJoinMutantMap.entries().stream().map(AutoJoinMutantMap.Entry::mutant).distinct())
                .containsExactlyInAnyOrder(AutoJoinMutant.values());
    }

    /**
     * "Audit-friendly rejection reasons are available": every reason code of the automatic and manual join is
     * produced, and checked as an expectation, by some scenario a user can replay.
     */
    @Test
    void everyReasonCodeIsExpectedBySomeScenario() throws IOException {
        java.util.Set<String> expected = new java.util.TreeSet<>();
        java.util.regex.Pattern reason = java.util.regex.Pattern.compile("reason: ([A-Z_]+)");
        for (String file : scenarios().toList()) {
            java.util.regex.Matcher m = reason.matcher(Files.readString(DIR.resolve(file)));
            while (m.find()) {
                expected.add(m.group(1));
            }
        }
        assertThat(expected).containsAll(java.util.Arrays.stream(AutoJoinReason.values()).map(AutoJoinReason::code)
                .toList());
    }

    /**
     * The campaign's false positive at seed 1: the attacker holding the phone's key reads the session key sent to
     * it before the phone's copy arrives. Secrecy must count the phone as a legitimate holder then, and the trace
     * must really show the attacker learning the key first, or the scenario tests nothing.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"compromised-requester.yaml",
            "compromised-requester-manual-join.yaml"})
    void aKeyReadInTransitToACompromisedRecipientIsNoSecrecyViolation(String file) {
        RunResult r = run(file, Optional.empty());
        var learned = r.trace().select(e -> e.is(org.trustlab.simulator.trace.TraceEvent.Kind.ATTACKER, "learned"));
        var received = r.trace().select(e -> e.is(org.trustlab.simulator.trace.TraceEvent.Kind.AUDIT,
                "session-key-received"));
        assertThat(learned).hasSize(1);
        assertThat(received).hasSize(1);
        assertThat(learned.get(0).seq()).isLessThan(received.get(0).seq());
        assertThat(InvariantCatalogue.find(AutoJoinInvariants.SESSION_KEY_SECRECY).orElseThrow().check(r.trace()))
                .isEmpty();
    }

    /** The same challenge signed twice and accepted once is agreement; the scenario must really contain that. */
    @Test
    void aChallengeSignedTwiceAndAcceptedOnceIsAgreement() {
        RunResult r = run("duplicated-challenge-signed-twice.yaml", Optional.empty());
        var kind = org.trustlab.simulator.trace.TraceEvent.Kind.AUDIT;
        var accepted = r.trace().select(e -> e.is(kind, "auto-join-accepted"));
        assertThat(accepted).hasSize(1);
        String nonce = accepted.get(0).field("nonce");
        assertThat(r.trace().select(e -> e.is(kind, "challenge-signed") && nonce.equals(e.field("nonce"))))
                .hasSize(2);
        assertThat(InvariantCatalogue.find(AutoJoinInvariants.INJECTIVE_AGREEMENT).orElseThrow().check(r.trace()))
                .isEmpty();
    }

    @Test
    void runsAreReproducibleByteForByte() {
        assertThat(SHIPPED.runAfresh("happy-path.yaml").traceSha256()).isEqualTo(run("happy-path.yaml", Optional.empty())
                .traceSha256());
    }

    @Test
    void theCatalogueListsTheAutojoinInvariants() {
        assertThat(InvariantCatalogue.forProtocol("autojoin")).extracting(Invariant::id).containsExactly(
                AutoJoinInvariants.INJECTIVE_AGREEMENT, AutoJoinInvariants.FRESHNESS, AutoJoinInvariants.NO_REPLAY,
                AutoJoinInvariants.GRANT_VALIDITY, AutoJoinInvariants.SESSION_KEY_SECRECY,
                AutoJoinInvariants.PASSWORD_SECRECY, AutoJoinInvariants.REQUESTER_SIGNS_OWN_CHALLENGES,
                AutoJoinInvariants.SESSION_KEY_AUTHENTICITY, AutoJoinLiveness.NO_DENIAL,
                AutoJoinLiveness.NO_DISAGREEMENT, AutoJoinInvariants.CONSUMED_SET_LINEARIZABLE);
        assertThat(InvariantCatalogue.forProtocol("autojoin")).allSatisfy(i -> assertThat(i.statement())
                .isNotBlank());
    }
}
