package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stale-voucher-check mutant judges a vouch by a key it remembers from a pairing the user removed. */
class StaleVoucherMutantTest {
    private static TestNet net(VouchMutant... mutants) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R")) {
            net.add(d, VouchConfig.defaults(), mutants);
        }
        net.pair("V", "E");
        net.pair("V", "R");
        net.action("R", VouchAudit.ACTION_UNPAIR, "device", "V");
        return net;
    }

    @Test
    void aVouchFromAnUnpairedVoucherIsRefusedButTheMutantAcceptsItFromItsKeyCache() {
        TestNet sound = net();
        sound.inject("V", "R", new Forge(sound).build());
        assertThat(sound.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING)).containsExactly("VOUCHER_NOT_PAIRED");

        TestNet stale = net(VouchMutant.STALE_VOUCHER_CHECK);
        stale.inject("V", "R", new Forge(stale).build());
        assertThat(stale.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }
}
