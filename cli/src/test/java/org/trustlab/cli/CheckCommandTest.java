package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCommandTest {
    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void aPassingModelPrintsItsFiguresAndExitsZero() {
        CliRun r = run("check", "--protocol", "vouch");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("states explored: ").contains("distinct states: ").contains("states/second:   ")
                .contains("max depth:       ").contains("(state space exhausted)").contains("bytes/state")
                .contains("PASS injective-agreement(vouch)").contains("PASS no-multi-hop(vouch)")
                .doesNotContain("FAIL");
    }

    @Test
    void lowesAttackFailsWithItsCounterexample() {
        CliRun r = run("check", "--protocol", "needham-schroeder");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.out()).contains("FAIL non-injective-agreement(auth-initiator)")
                .contains("PASS non-injective-agreement(auth-responder)")
                .contains("counterexample (4 transitions):")
                .contains("attacker -> B  msg1: aenc(pk(B), <Na#1, A>)");
        assertThat(run("check", "--protocol", "needham-schroeder-lowe").exit()).isZero();
    }

    @Test
    void aMutantFailsThePropertyItBreaks() {
        CliRun r = run("check", "--protocol", "autojoin", "--sessions", "1", "--mutant", "no-expiry");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.out()).contains("protocol:        autojoin (mutant no-expiry)")
                .contains("FAIL freshness(auto-join)").contains("clock ticks to t2")
                .contains("PASS injective-agreement(auto-join)");
    }

    @Test
    void aDepthBoundIsReported() {
        CliRun r = run("check", "--protocol", "needham-schroeder", "--depth", "3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("max depth:       3 (bound reached");
    }

    @Test
    void badInputExitsTwo() {
        assertThat(run("check", "--protocol", "nope").exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(run("check", "--protocol", "nope").err()).contains("unknown protocol 'nope'")
                .contains("autojoin");
        CliRun m = run("check", "--protocol", "autojoin", "--mutant", "nope");
        assertThat(m.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(m.err()).contains("no-nonce");
        assertThat(run("check", "--protocol", "autojoin", "--sessions", "0").exit()).isEqualTo(2);
        assertThat(run("check", "--protocol", "autojoin", "--depth", "-1").exit()).isEqualTo(2);
        assertThat(run("check", "--protocol", "autojoin", "--threads", "0").exit()).isEqualTo(2);
        assertThat(run("check", "--protocol", "autojoin", "--sessions", "two").exit()).isEqualTo(2);
        assertThat(run("check").exit()).as("--protocol is required").isEqualTo(2);
    }

    @Test
    void aStateLimitAnswersUnknownWithWhatWasReached() {
        CliRun r = run("check", "--protocol", "autojoin", "--sessions", "1", "--max-states", "500");
        assertThat(r.exit()).as(r.err()).isEqualTo(TrustlabCommand.EXIT_UNKNOWN);
        assertThat(r.out()).contains("distinct states: 500").contains("(--max-states reached)")
                .contains("verdict:         unknown (--max-states reached; passes hold only for the 500 states")
                .contains("UNKNOWN reachable(auto-join)").doesNotContain("FAIL");
    }

    @Test
    void aHeapShareOutsideZeroToOneIsBadInput() {
        CliRun r = run("check", "--protocol", "vouch", "--max-heap", "1.5");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--max-heap must be a share of the heap");
    }

    @Test
    void theSpacedriveProfileShowsItsFindingAndPasses() {
        CliRun r = run("check", "--protocol", "vouch-spacedrive");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("FINDING non-injective-agreement(vouch): spacedrive's vouch payload does not "
                + "name the target").contains("PASS secrecy(proxied-key)").contains("PASS reachable(vouch) (reached")
                .contains("collision bound: ").doesNotContain("FAIL");
        CliRun m = run("check", "--protocol", "vouch-spacedrive", "--mutant", "proxied-key-from-pairing-secret-only");
        assertThat(m.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(m.out()).contains("FAIL secrecy(proxied-key)");
    }

    @Test
    void benchRepeatsTheRunAndPrintsTheMedian() {
        CliRun r = run("check", "--protocol", "vouch", "--bench", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bench run 1:").contains("bench run 2:").contains("bench median:");
    }
}
