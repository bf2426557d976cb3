package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;

/** Scenarios and campaigns name mutants by their short or qualified name; each says what it gets wrong and breaks. */
class VouchMutantNamesTest {
    @Test
    void everyMutantIsFoundByItsShortAndQualifiedNameAndDescribesWhatItBreaks() {
        for (VouchMutant m : VouchMutant.values()) {
            assertThat(m.shortName()).isNotBlank();
            assertThat(m.qualifiedName()).endsWith("." + m.shortName());
            assertThat(VouchMutant.fromName(m.shortName())).contains(m);
            assertThat(VouchMutant.fromName(m.qualifiedName())).contains(m);
            assertThat(m.description()).isNotBlank();
            assertThat(m.breaks()).isNotEmpty().allSatisfy(id -> assertThat(id).isNotBlank());
        }
        assertThat(VouchMutant.fromName("no-such-mutant")).isEmpty();
        assertThat(VouchMutant.fromName(null)).isEmpty();
    }

    @Test
    void noneIsAnEmptySetThatCanBeAddedTo() {
        Set<VouchMutant> none = VouchMutant.none();
        assertThat(none).isEmpty();
        none.add(VouchMutant.NO_REPLAY_CACHE);
        assertThat(none).containsExactly(VouchMutant.NO_REPLAY_CACHE);
    }

    @Test
    void aDeviceReportsItsIdentityConfigurationAndPairings() {
        VouchConfig cfg = VouchConfig.defaults().toBuilder().queueMaxRetries(4).build();
        TestNet net = new TestNet();
        net.add("V", cfg);
        net.add("R", cfg);
        net.pair("V", "R");
        VouchDevice v = net.role("V");
        assertThat(v.id()).isEqualTo(DeviceId.of("V"));
        assertThat(v.config()).isEqualTo(cfg);
        assertThat(v.pairings()).containsOnlyKeys(DeviceId.of("R"));
    }
}
