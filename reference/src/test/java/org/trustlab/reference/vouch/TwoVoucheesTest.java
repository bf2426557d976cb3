package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;

/** A voucher vouching two devices at once: each gets its own session, and each target learns both. */
class TwoVoucheesTest {
    @Test
    void aSecondVoucheeGetsItsOwnSessionWhileTheFirstIsOpen() {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "F", "R")) {
            net.add(d, VouchConfig.defaults());
        }
        net.pair("V", "E");
        net.pair("V", "F");
        net.pair("V", "R");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "F", "targets", "R");
        net.run(Duration.ofSeconds(5));

        List<ProxyPairingRequest> requests = net.sent(VouchCodec.PROXY_PAIRING_REQUEST).stream()
                .map(w -> (ProxyPairingRequest) w.message()).toList();
        assertThat(requests).extracting(r -> r.voucheeDeviceInfo().id().value()).containsExactlyInAnyOrder("E", "F");
        assertThat(requests).extracting(ProxyPairingRequest::sessionId).doesNotHaveDuplicates();
        assertThat(net.role("R").pairing(DeviceId.of("E"))).isPresent();
        assertThat(net.role("R").pairing(DeviceId.of("F"))).isPresent();
    }

    @Test
    void vouchingToAllLeavesOutTheVoucheeItself() {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R")) {
            net.add(d, VouchConfig.defaults());
        }
        net.pair("V", "E");
        net.pair("V", "R");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "all");
        net.run(Duration.ofSeconds(5));
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REQUEST)).extracting(w -> w.to()).containsExactly("R");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).isEmpty();
    }
}
