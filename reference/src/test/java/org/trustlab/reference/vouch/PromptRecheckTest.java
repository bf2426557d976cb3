package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;

/**
 * A receiver that asks its user: what changed while the prompt was open wins over a later Yes, and an answer names
 * the vouchee it is for.
 */
class PromptRecheckTest {
    private static final VouchConfig MANUAL = VouchConfig.builder().autoAcceptVouched(false).build();

    private static TestNet net() {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "F", "R")) {
            net.add(d, MANUAL);
        }
        net.pair("V", "E");
        net.pair("V", "F");
        net.pair("V", "R");
        return net;
    }

    private static String lastRejection(TestNet net) {
        List<String> r = net.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING);
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    @Test
    void aVoucherBlockedOrMadeUnreliableWhileThePromptIsOpenIsRefusedAtTheAnswer() {
        for (String level : List.of("blocked", "unreliable")) {
            TestNet net = net();
            net.inject("V", "R", new Forge(net).build());
            net.action("R", VouchAudit.ACTION_TRUST, "device", "V", "level", level);
            net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
            assertThat(lastRejection(net)).isEqualTo(level.equals("blocked") ? "VOUCHER_BLOCKED" : "VOUCHER_UNRELIABLE");
            assertThat(net.role("R").pairing(DeviceId.of("E"))).isEmpty();
            assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isZero();
        }
    }

    @Test
    void aVoucheePairedDirectlyWhileThePromptIsOpenKeepsItsDirectPairing() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        net.pair("R", "E");
        net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(lastRejection(net)).isEqualTo("VOUCHEE_ALREADY_PAIRED");
        assertThat(net.role("R").pairing(DeviceId.of("E"))).hasValueSatisfying(
                r -> assertThat(r.type()).isEqualTo(PairingType.DIRECT));
    }

    @Test
    void withTwoPromptsOpenTheAnswerActsOnTheVoucheeItNames() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        Forge second = new Forge(net);
        second.vouchee = "F";
        second.sessionId = "s-second";
        net.inject("V", "R", second.build());
        assertThat(net.audits("R", VouchAudit.CONFIRMATION_REQUIRED)).hasSize(2);
        // Answered in both orders, so that neither prompt is merely the first one found.
        net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(net.role("R").pairing(DeviceId.of("E"))).isPresent();
        assertThat(net.role("R").pairing(DeviceId.of("F"))).isEmpty();
        net.action("R", VouchAudit.ACTION_PROXY_REJECT, "vouchee", "F");
        assertThat(net.role("R").pairing(DeviceId.of("F"))).isEmpty();
        assertThat(net.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING)).containsExactly("USER_REJECTED");
    }
}
