package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;

/**
 * Every way a prompt ends (the user's No, its expiry, a Yes overruled by the rechecks) is remembered as the session's
 * decision: the voucher's re-sent vouch (it missed the answer) gets the same answer again, not a second prompt.
 */
class RememberedDecisionTest {
    private static TestNet net() {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R")) {
            net.add(d, VouchConfig.builder().autoAcceptVouched(false).build());
        }
        net.pair("V", "E");
        net.pair("V", "R");
        return net;
    }

    private static List<ProxyPairingResponse> responses(TestNet net) {
        return net.sent(VouchCodec.PROXY_PAIRING_RESPONSE).stream().filter(w -> w.from().equals("R"))
                .map(w -> (ProxyPairingResponse) w.message()).toList();
    }

    /** Re-sends the vouch of the same session, freshly signed, and checks it is answered as before. */
    private static void resendIsAnsweredAgain(TestNet net, String reason) {
        net.run(Duration.ofSeconds(2));
        net.inject("V", "R", new Forge(net).build());
        assertThat(net.audits("R", VouchAudit.VOUCH_RETRY_ANSWERED)).hasSize(1);
        assertThat(net.audits("R", VouchAudit.CONFIRMATION_REQUIRED)).hasSize(1);
        assertThat(responses(net)).hasSize(2).allSatisfy(r -> {
            assertThat(r.accepted()).isFalse();
            assertThat(r.reason()).isEqualTo(reason);
        });
    }

    @Test
    void aUsersNoIsRemembered() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        net.action("R", VouchAudit.ACTION_PROXY_REJECT, "vouchee", "E");
        resendIsAnsweredAgain(net, "USER_REJECTED");
    }

    @Test
    void anExpiredPromptIsRemembered() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        net.run(Duration.ofSeconds(31));
        assertThat(net.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING)).containsExactly("PROMPT_EXPIRED");
        resendIsAnsweredAgain(net, "PROMPT_EXPIRED");
    }

    @Test
    void aYesOverruledBecauseTheVoucheeWasPairedMeanwhileIsRemembered() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        net.pair("R", "E");
        net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        resendIsAnsweredAgain(net, "VOUCHEE_ALREADY_PAIRED");
    }
}
