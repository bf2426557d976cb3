package org.trustlab.reports.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

class RedactorTest {
    @Test
    void secretKeysAreTheSecretsNotWhatIsSaidAboutThem() {
        for (String k : List.of("password", "auth-token", "AUTH", "registration_secret", "sessionKey", "session-key",
                "psk", "private-key", "proxied-session-key", "pin")) {
            assertThat(Redactor.isSecretKey(k)).as(k).isTrue();
        }
        for (String k : List.of("password-length", "auth-token-fp", "session-key-fingerprint", "session-key-sha256",
                "key", "public-key", "grant-key-fingerprint", "session", "reason", "token-id", "keys")) {
            assertThat(Redactor.isSecretKey(k)).as(k).isFalse();
        }
    }

    @Test
    void scenarioSecretsAreMaskedInBlockAndFlowStyleEvenWhenShort() {
        String yaml = """
                name: a join
                setup:
                  sessions:
                    S1: {password: Correct-Horse, members: [laptop]}
                    S2: {members: [laptop], "password": 'abc'}
                  psk: deadbeefcafe
                actions:
                  - {at: 1s, device: phone, action: join, args: {session: S1, password: xyz}}
                """;
        Redactor r = Redactor.builder().scanYaml(yaml).build();
        assertThat(r.secrets()).contains("Correct-Horse", "abc", "deadbeefcafe", "xyz");
        String out = r.redactYaml(yaml);
        assertThat(out).doesNotContain("Correct-Horse").doesNotContain("'abc'").doesNotContain("deadbeefcafe")
                .doesNotContain("password: xyz")
                .contains("password: \"" + Redactor.mask("Correct-Horse") + "\"")
                .contains("\"password\": \"" + Redactor.mask("abc") + "\"")
                .contains("members: [laptop]").contains("name: a join");
        assertThat(Redactor.mask("Correct-Horse")).matches("\\[fp:[0-9a-f]{16}]");
    }

    @Test
    void aSecretIsMaskedWhereverItAppearsInText() {
        Redactor r = Redactor.builder().add("Correct-Horse").build();
        assertThat(r.redact("wrong password Correct-Horse given")).isEqualTo("wrong password "
                + Redactor.mask("Correct-Horse") + " given");
        assertThat(r.field("password", "hi")).isEqualTo(Redactor.mask("hi"));
        assertThat(r.field("session", "S1")).isEqualTo("S1");
    }

    @Test
    void traceFieldsUnderSecretKeysAreLearnt() {
        TraceEvent e = new TraceEvent(1, 0, "phone", TraceEvent.Kind.USER_ACTION, "join",
                Map.of("password", "Other-Horse", "session", "S2"));
        Redactor r = Redactor.builder().scanTrace(new Trace(List.of(e), "00")).build();
        assertThat(r.secrets()).containsExactly("Other-Horse");
    }
}
