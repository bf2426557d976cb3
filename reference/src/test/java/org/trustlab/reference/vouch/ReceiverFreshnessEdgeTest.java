package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;

/**
 * The freshness window at its edges (default: 300 s old, 30 s ahead, judged on the receiver's clock), the two
 * mutants that misjudge it, and who is told of a refusal for its date.
 */
class ReceiverFreshnessEdgeTest {

    private static TestNet net(VouchConfig cfg, VouchMutant... mutants) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R")) {
            net.add(d, cfg, mutants);
        }
        net.pair("V", "E");
        net.pair("V", "R");
        return net;
    }

    /** Whether R accepts a vouch signed {@code ageMs} before its clock (negative: ahead). */
    private static boolean accepts(long ageMs, VouchMutant... mutants) {
        TestNet net = net(VouchConfig.defaults(), mutants);
        Forge f = new Forge(net);
        if (VouchConfig.defaults().profile() == VouchProfile.HARDENED) {
            f.hardened();
        }
        net.inject("V", "R", f.at(net.now.minusMillis(ageMs)).build());
        return net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING) == 1;
    }

    private static List<ProxyPairingResponse> responses(TestNet net) {
        return net.sent(VouchCodec.PROXY_PAIRING_RESPONSE).stream().filter(w -> w.from().equals("R"))
                .map(w -> (ProxyPairingResponse) w.message()).toList();
    }

    @Test
    void aVouchExactlyTheMaximumAgeOldOrExactlyTheToleranceAheadIsStillFresh() {
        assertThat(accepts(300_000)).isTrue();
        assertThat(accepts(300_001)).isFalse();
        assertThat(accepts(-30_000)).isTrue();
        assertThat(accepts(-30_001)).isFalse();
    }

    @Test
    void theExpiryIncludesSkewMutantStretchesTheWindowByTheToleranceAndNoMore() {
        assertThat(accepts(301_000, VouchMutant.EXPIRY_INCLUDES_SKEW)).isTrue();
        assertThat(accepts(330_000, VouchMutant.EXPIRY_INCLUDES_SKEW)).isTrue();
        assertThat(accepts(330_001, VouchMutant.EXPIRY_INCLUDES_SKEW)).isFalse();
    }

    @Test
    void theWholeSecondsMutantAcceptsUpToTheNextWholeSecond() {
        assertThat(accepts(300_500, VouchMutant.AGE_IN_WHOLE_SECONDS)).isTrue();
        assertThat(accepts(300_999, VouchMutant.AGE_IN_WHOLE_SECONDS)).isTrue();
        assertThat(accepts(301_000, VouchMutant.AGE_IN_WHOLE_SECONDS)).isFalse();
        assertThat(accepts(299_000, VouchMutant.AGE_IN_WHOLE_SECONDS)).isTrue();
    }

    @Test
    void aVouchRefusedForItsDateIsAnsweredExceptInTheHardenedProfile() {
        TestNet plain = net(VouchConfig.builder().profile(VouchProfile.SPACEDRIVE).build());
        plain.inject("V", "R", new Forge(plain).at(plain.now.minusSeconds(400)).build());
        assertThat(responses(plain)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(VouchReason.VOUCH_EXPIRED.code()));

        TestNet hardened = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build());
        hardened.inject("V", "R", new Forge(hardened).hardened().at(hardened.now.minusSeconds(400)).build());
        assertThat(hardened.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING))
                .containsExactly(VouchReason.VOUCH_EXPIRED.code());
        assertThat(responses(hardened)).isEmpty();
    }
}
