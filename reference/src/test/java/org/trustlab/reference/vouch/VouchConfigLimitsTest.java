package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each configuration limit is tried at it and one past it, on both sides where it has two. */
class VouchConfigLimitsTest {
    @Test
    void oneQueueRetryIsTheFewestAndZeroIsRefused() {
        assertThat(VouchConfig.defaults().toBuilder().queueMaxRetries(1).build().queueMaxRetries()).isEqualTo(1);
        assertThatThrownBy(() -> VouchConfig.defaults().toBuilder().queueMaxRetries(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue max retries");
    }

    @Test
    void confirmationCodesHaveOneToEighteenDigits() {
        assertThat(VouchConfig.defaults().toBuilder().confirmationCodeDigits(1).build().confirmationCodeDigits())
                .isEqualTo(1);
        assertThat(VouchConfig.defaults().toBuilder().confirmationCodeDigits(18).build().confirmationCodeDigits())
                .isEqualTo(18);
        for (int bad : new int[] {0, 19}) {
            assertThatThrownBy(() -> VouchConfig.defaults().toBuilder().confirmationCodeDigits(bad).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmation code digits");
        }
    }

    @Test
    void toBuilderCopiesEverySetting() {
        VouchConfig c = VouchConfig.defaults().toBuilder().queueMaxRetries(7).confirmationCodeDigits(9).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }
}
