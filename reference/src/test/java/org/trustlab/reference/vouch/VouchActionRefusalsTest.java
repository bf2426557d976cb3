package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;

/** User actions refused for their arguments or the device's state, each with its reason; and what they audit. */
class VouchActionRefusalsTest {
    private static TestNet net(VouchConfig cfg) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R")) {
            net.add(d, cfg);
        }
        net.pair("V", "E");
        net.pair("V", "R");
        return net;
    }

    private static List<String> reasons(TestNet net, String node, String type) {
        return net.audits(node, type).stream().map(AuditEvent::reason).toList();
    }

    @Test
    void aVouchWithoutTargetsIsRefusedForItsArguments() {
        TestNet net = net(VouchConfig.defaults());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E");
        assertThat(reasons(net, "V", VouchAudit.ACTION_REJECTED)).containsExactly("BAD_ACTION_ARGUMENTS");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REQUEST)).isEmpty();
    }

    @Test
    void aVouchOnADeviceWithoutProxyPairingIsRefused() {
        TestNet net = net(VouchConfig.builder().proxyPairingSupported(false).build());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("PROXY_PAIRING_UNSUPPORTED");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REQUEST)).isEmpty();
    }

    @Test
    void unpairingAnUnknownDeviceIsRefused() {
        TestNet net = net(VouchConfig.defaults());
        net.action("R", VouchAudit.ACTION_UNPAIR, "device", "X");
        assertThat(reasons(net, "R", VouchAudit.UNPAIR_REJECTED)).containsExactly("UNPAIR_UNKNOWN_DEVICE");
    }

    @Test
    void aTrustChangeNamesItsReasonWhenRefusedAndIsAuditedWhenMade() {
        TestNet net = net(VouchConfig.defaults());
        net.action("R", VouchAudit.ACTION_TRUST, "device", "X", "level", "blocked");
        net.action("R", VouchAudit.ACTION_TRUST, "device", "V", "level", "sometimes");
        assertThat(reasons(net, "R", VouchAudit.ACTION_REJECTED))
                .containsExactly("UNPAIR_UNKNOWN_DEVICE", "BAD_ACTION_ARGUMENTS");
        net.action("R", VouchAudit.ACTION_TRUST, "device", "V", "level", "unreliable");
        assertThat(net.audits("R", VouchAudit.TRUST_CHANGED)).singleElement().satisfies(a -> {
            assertThat(a.field(VouchAudit.PEER)).isEqualTo("V");
            assertThat(a.field(VouchAudit.TRUST_LEVEL)).isEqualTo(TrustLevel.UNRELIABLE.code());
        });
    }

    @Test
    void aPairingRequestIsAuditedAndADeclinedOneIsAuditedOnTheInitiator() {
        TestNet net = new TestNet();
        net.add("A", VouchConfig.defaults());
        net.add("B", VouchConfig.defaults());
        net.action("A", VouchAudit.ACTION_PAIR_REQUEST, "device", "B");
        net.settle();
        assertThat(net.audits("A", VouchAudit.PAIRING_REQUESTED)).singleElement()
                .satisfies(a -> assertThat(a.field(VouchAudit.PEER)).isEqualTo("B"));
        net.action("B", VouchAudit.ACTION_PAIR_REJECT, "device", "A");
        net.settle();
        assertThat(net.audits("A", VouchAudit.PAIRING_REJECTED)).singleElement()
                .satisfies(a -> assertThat(a.field(VouchAudit.PEER)).isEqualTo("B"));
    }
}
