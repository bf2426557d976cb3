package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;

/**
 * The confirmation's {@code compare} flag: only an explicit {@code false} skips the code comparison; {@code true}
 * compares, and a value that is neither refuses the action without touching the pending pairing.
 */
class CompareFlagTest {
    private static TestNet requested() {
        TestNet net = new TestNet();
        net.add("V", VouchConfig.defaults());
        net.add("E", VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        return net;
    }

    private static String wrongCode(TestNet net) {
        String shown = net.audits("E", VouchAudit.PAIRING_CODE_SHOWN).get(0).field(VouchAudit.CODE);
        return shown.equals("000000") ? "000001" : "000000";
    }

    @Test
    void compareTrueComparesTheCode() {
        TestNet net = requested();
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code", wrongCode(net), "compare", "true");
        net.settle();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.role("V").pairing(DeviceId.of("E"))).isEmpty();
    }

    @Test
    void aCompareValueThatIsNeitherTrueNorFalseIsRefusedAndThePairingStillAwaits() {
        TestNet net = requested();
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code", wrongCode(net), "compare", "yes");
        net.settle();
        assertThat(net.audits("V", VouchAudit.ACTION_REJECTED)).extracting(AuditEvent::reason)
                .containsExactly("BAD_ACTION_ARGUMENTS");
        assertThat(net.role("V").pairing(DeviceId.of("E"))).isEmpty();
        String shown = net.audits("E", VouchAudit.PAIRING_CODE_SHOWN).get(0).field(VouchAudit.CODE);
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code", shown);
        net.settle();
        assertThat(net.role("V").pairing(DeviceId.of("E"))).isPresent();
    }
}
