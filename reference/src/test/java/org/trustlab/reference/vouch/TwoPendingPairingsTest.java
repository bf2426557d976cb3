package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;

/** A responder with two pairings awaiting its user: each confirmation or rejection acts on the device it names. */
class TwoPendingPairingsTest {
    private static TestNet net() {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "F")) {
            net.add(d, VouchConfig.defaults());
        }
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.action("F", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        assertThat(net.audits("V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED)).hasSize(2);
        return net;
    }

    private static String shownOn(TestNet net, String node) {
        return net.audits(node, VouchAudit.PAIRING_CODE_SHOWN).get(0).field(VouchAudit.CODE);
    }

    /** Confirms {@code yes} with its own code and rejects {@code no}: only {@code yes} ends paired. */
    private static void confirmOneRejectTheOther(String yes, String no) {
        TestNet net = net();
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", yes, "code", shownOn(net, yes));
        net.settle();
        net.action("V", VouchAudit.ACTION_PAIR_REJECT, "device", no);
        net.settle();
        assertThat(net.role("V").pairing(DeviceId.of(yes))).isPresent();
        assertThat(net.role(yes).pairing(DeviceId.of("V"))).isPresent();
        assertThat(net.role("V").pairing(DeviceId.of(no))).isEmpty();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("USER_REJECTED");
    }

    @Test
    void confirmingOneDeviceAndRejectingTheOtherActsOnEachInEitherOrder() {
        confirmOneRejectTheOther("E", "F");
        confirmOneRejectTheOther("F", "E");
    }

    @Test
    void rejectingAPairingNobodyAwaitsIsRefused() {
        TestNet net = net();
        net.action("V", VouchAudit.ACTION_PAIR_REJECT, "device", "X");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("PAIRING_UNKNOWN");
    }
}
