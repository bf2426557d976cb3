package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;

/**
 * What a target's answer signs: its verdict and reason are in the signed payload (so a relay cannot turn a No into a
 * Yes or change why), except on a device built with the unsigned-verdict mutant.
 */
class VerdictSignatureTest {
    private static final DeviceId T = DeviceId.of("T");
    private static final DeviceId E = DeviceId.of("E");
    private static final DeviceId V = DeviceId.of("V");

    private static byte[] payload(boolean signsVerdict, boolean accepted, String reason) {
        return VouchPayloads.response(signsVerdict, "s-1", T, accepted, reason, new byte[] {1, 2}, E, V);
    }

    @Test
    void theSignedPayloadBindsTheVerdictAndTheReason() {
        assertThat(payload(true, true, "")).isNotEqualTo(payload(true, false, ""));
        assertThat(payload(true, false, "USER_REJECTED")).isNotEqualTo(payload(true, false, "PROMPT_EXPIRED"));
    }

    @Test
    void withoutTheVerdictTheSignedPayloadIsTheSameForEveryVerdictAndReason() {
        assertThat(payload(false, true, "")).isEqualTo(payload(false, false, "USER_REJECTED"));
    }

    @Test
    void onlyTheUnsignedVerdictMutantLeavesTheVerdictOut() {
        assertThat(new DeviceState(T, "t", VouchConfig.defaults(), EnumSet.noneOf(VouchMutant.class)).signsVerdict())
                .isTrue();
        assertThat(new DeviceState(T, "t", VouchConfig.defaults(), EnumSet.of(VouchMutant.UNSIGNED_VERDICT))
                .signsVerdict()).isFalse();
    }
}
