package org.trustlab.simulator.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.vouch.VouchAudit;

/** The vouch user who confirms a pairing compares the screens: the code is read off the other device's screen. */
class VouchUsersTest {

    private static AuditEvent shown(String type, String peer, String code) {
        return new AuditEvent(type, null, new TreeMap<>(Map.of(VouchAudit.PEER, peer, VouchAudit.CODE, code)));
    }

    private static UserAction confirm(String... kv) {
        Map<String, String> args = new TreeMap<>();
        args.put("device", "phone");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put(kv[i], kv[i + 1]);
        }
        return UserAction.of(VouchAudit.ACTION_PAIR_CONFIRM, args);
    }

    @Test
    void aComparingUserConfirmsWithTheCodeThePeerLastShowedForThisDevice() {
        VouchUsers users = new VouchUsers();
        users.shown("phone", shown(VouchAudit.PAIRING_CODE_SHOWN, "laptop", "111111"));
        users.shown("phone", shown(VouchAudit.PAIRING_CODE_SHOWN, "tablet", "222222"));
        users.shown("phone", shown(VouchAudit.PAIRING_CODE_SHOWN, "laptop", "333333"));
        // The confirming device's own prompt is not what the user compares with.
        users.shown("laptop", shown(VouchAudit.PAIRING_CONFIRMATION_REQUIRED, "phone", "444444"));
        assertThat(users.perform("laptop", confirm()).arg(VouchAudit.ARG_CODE)).isEqualTo("333333");
        assertThat(users.perform("tablet", confirm()).arg(VouchAudit.ARG_CODE)).isEqualTo("222222");
    }

    @Test
    void nothingOnThePeersScreenLeavesTheConfirmationWithoutACode() {
        VouchUsers users = new VouchUsers();
        users.shown("laptop", shown(VouchAudit.PAIRING_CONFIRMATION_REQUIRED, "phone", "444444"));
        assertThat(users.perform("laptop", confirm()).arg(VouchAudit.ARG_CODE)).isNull();
    }

    @Test
    void aTypedCodeACarelessUserAndOtherActionsAreCarriedOutAsScripted() {
        VouchUsers users = new VouchUsers();
        users.shown("phone", shown(VouchAudit.PAIRING_CODE_SHOWN, "laptop", "333333"));
        UserAction typed = confirm(VouchAudit.ARG_CODE, "not-it");
        UserAction careless = confirm(VouchAudit.ARG_COMPARE, "false");
        UserAction reject = UserAction.of(VouchAudit.ACTION_PAIR_REJECT, Map.of("device", "phone"));
        assertThat(users.perform("laptop", typed)).isEqualTo(typed);
        assertThat(users.perform("laptop", careless)).isEqualTo(careless);
        assertThat(users.perform("laptop", reject)).isEqualTo(reject);
    }
}
