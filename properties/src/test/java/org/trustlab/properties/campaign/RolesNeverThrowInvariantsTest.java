package org.trustlab.properties.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * {@code <protocol>.roles-never-throw} on hand-built traces: the simulator's {@code role-exception} note fires it,
 * naming the node, the exception and the input; refusals and other notes do not. It grants no exemption.
 */
class RolesNeverThrowInvariantsTest {
    private final TraceCheck check = Campaigns.rolesNeverThrow("vouch");

    @Test
    void isNamedAfterItsProtocol() {
        assertThat(check.id()).isEqualTo("vouch.roles-never-throw");
        assertThat(check.protocol()).isEqualTo("vouch");
    }

    @Test
    void firesOnEveryExceptionARoleThrewAndNamesTheNodeTheExceptionAndTheInput() {
        SyntheticTrace t = new SyntheticTrace()
                .add("tablet", Kind.NOTE, "role-exception", "input", "message ProxyPairingRequest from laptop",
                        "exception", "java.lang.NullPointerException", "message", "vouchee")
                .add("laptop", Kind.NOTE, "role-exception", "input", "timer queue-poll",
                        "exception", "java.lang.IllegalStateException", "message", "queue");
        assertThat(check.violations(t.build())).satisfiesExactly(
                v -> {
                    assertThat(v.invariantId()).isEqualTo("vouch.roles-never-throw");
                    assertThat(v.message()).isEqualTo("tablet threw java.lang.NullPointerException on message "
                            + "ProxyPairingRequest from laptop");
                    assertThat(v.evidence()).hasSize(1);
                },
                v -> assertThat(v.message()).startsWith("laptop threw java.lang.IllegalStateException"));
    }

    @Test
    void holdsOnRefusalsWithReasonsAndOnOtherNotes() {
        SyntheticTrace t = new SyntheticTrace()
                .audit("tablet", "vouch-rejected", "reason", "MALFORMED_MESSAGE")
                .outcome("tablet", "proxy-pairing", "result", "rejected", "reason", "MALFORMED_MESSAGE")
                .add("tablet", Kind.NOTE, "role-warning", "exception", "java.lang.NullPointerException")
                .add("tablet", Kind.MALFORMED, "role-exception", "exception", "java.lang.NullPointerException");
        assertThat(check.violations(t.build())).isEmpty();
    }
}
