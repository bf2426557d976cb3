package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.cli.CampaignBench.Bucket;

/** How `campaign --bench` attributes a sampled stack (innermost frame first) to an activity. */
class CampaignBenchTest {
    private static final String BC = "org.bouncycastle.math.ec.rfc7748.X25519Field";
    private static final String ECIES = "org.trustlab.reference.autojoin.CryptoProfile";
    private static final String VALIDATOR = "org.trustlab.reference.autojoin.AutoJoinValidator";
    private static final String BINDING = "org.trustlab.simulator.autojoin.AutoJoinBinding";
    private static final String ATTACKER = "org.trustlab.simulator.world.Attacker";
    private static final String SIMULATION = "org.trustlab.simulator.world.Simulation";
    private static final String RUNNER = "org.trustlab.properties.campaign.CampaignRunner";

    @Test
    void aRoleDecryptingIsTheProtocolsCryptography() {
        assertThat(CampaignBench.classify(List.of(BC, ECIES, VALIDATOR, SIMULATION, RUNNER)))
                .isEqualTo(Bucket.PROTOCOL_CRYPTO);
    }

    @Test
    void theAttackerTryingItsKeysIsTheAttackersCryptography() {
        assertThat(CampaignBench.classify(List.of(BC, ECIES, BINDING, BINDING, ATTACKER, SIMULATION, RUNNER)))
                .isEqualTo(Bucket.ATTACKER_CRYPTO);
    }

    @Test
    void aRoleHandlingAMessageTheAttackerInjectedIsStillTheRole() {
        assertThat(CampaignBench.classify(List.of(BC, ECIES, VALIDATOR, SIMULATION, ATTACKER, SIMULATION, RUNNER)))
                .isEqualTo(Bucket.PROTOCOL_CRYPTO);
    }

    @Test
    void hashingForTheTraceIsTheSimulators() {
        assertThat(CampaignBench.classify(List.of("org.bouncycastle.crypto.digests.SHA256Digest",
                "org.trustlab.simulator.trace.TraceRecorder", SIMULATION, RUNNER)))
                .isEqualTo(Bucket.SIMULATOR_CRYPTO);
    }

    @Test
    void everyOtherFrameGoesToItsOwner() {
        assertThat(CampaignBench.classify(List.of("java.util.HashMap", VALIDATOR, SIMULATION)))
                .isEqualTo(Bucket.PROTOCOL_LOGIC);
        assertThat(CampaignBench.classify(List.of("java.util.HashMap", BINDING, SIMULATION)))
                .isEqualTo(Bucket.PROTOCOL_LOGIC);
        assertThat(CampaignBench.classify(List.of("org.trustlab.simulator.engine.EventQueue", SIMULATION)))
                .isEqualTo(Bucket.SIMULATOR);
        assertThat(CampaignBench.classify(List.of("clojure.lang.RT", "trustlab.campaign.core$tree", RUNNER)))
                .isEqualTo(Bucket.GENERATION);
        assertThat(CampaignBench.classify(List.of("org.trustlab.properties.autojoin.AutoJoinInvariants", RUNNER)))
                .isEqualTo(Bucket.CHECKER);
        assertThat(CampaignBench.classify(List.of("java.lang.Thread"))).isEqualTo(Bucket.OTHER);
    }

    @Test
    void theCalibratedOverheadCountsTheSimulatorsSamplesAtGenerationsRate() {
        java.util.Map<Bucket, Long> samples = new java.util.EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            samples.put(b, 0L);
        }
        // 10 s; generation timed at 10% (1,000 ms) with 500 samples: 0.5 samples/ms
        samples.put(Bucket.GENERATION, 500L);
        // 400 simulator samples are 800 ms, 8% of the wall time, however few samples the cryptography left
        samples.put(Bucket.SIMULATOR, 300L);
        samples.put(Bucket.SIMULATOR_CRYPTO, 100L);
        samples.put(Bucket.PROTOCOL_CRYPTO, 1_000L);
        CampaignBench.Phases phases = new CampaignBench.Phases(0.10, 0.85, 0.04);
        assertThat(CampaignBench.calibratedOverhead(samples, phases, 10.0))
                .isCloseTo(0.10 + 0.04 + 0.01 + 0.08, org.assertj.core.api.Assertions.within(1e-9));
        // never more simulator than the run phase itself
        samples.put(Bucket.SIMULATOR, 100_000L);
        assertThat(CampaignBench.calibratedOverhead(samples, phases, 10.0))
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        samples.put(Bucket.GENERATION, 0L);
        assertThat(CampaignBench.calibratedOverhead(samples, phases, 10.0)).isNaN();
    }
}
