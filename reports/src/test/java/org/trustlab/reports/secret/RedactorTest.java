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
                .contains("password: \"[password, 13 characters]\"")
                .contains("\"password\": \"[password, 3 characters]\"")
                .contains("psk: \"" + Redactor.mask("deadbeefcafe") + "\"")
                .contains("members: [laptop]").contains("name: a join");
        assertThat(Redactor.mask("deadbeefcafe")).matches("\\[fp:[0-9a-f]{16}]");
    }

    @Test
    void lowEntropySecretsNeverAppearHashedOnlyByKindAndLength() {
        // [fp:519e9208a7979a05] was the first 8 bytes of SHA-256("Correct-Horse"): a dictionary recovers it.
        String hashed = Redactor.mask("Correct-Horse");
        assertThat(hashed).isEqualTo("[fp:519e9208a7979a05]");
        Redactor r = Redactor.builder().add("password", "Correct-Horse").add("pairing-code", "4711-0815")
                .add("pin", "123456").build();
        String text = r.redact("typed Correct-Horse, then code 4711-0815 and PIN 123456");
        assertThat(text).isEqualTo("typed [password, 13 characters], then code [pairing code, 9 characters] and PIN"
                + " [PIN, 6 characters]");
        assertThat(r.field("password", "hi")).isEqualTo("[password, 2 characters]");
        assertThat(r.field("user-passphrase", "é")).isEqualTo("[passphrase, 1 character]");
        assertThat(Redactor.isSecretKey("pairing-code")).isTrue();
        assertThat(Redactor.isSecretKey("reason-code")).isFalse();
        assertThat(Redactor.isSecretKey("code")).isFalse();
    }

    @Test
    void aKeyReadsTheSameInTheReportAsInTheCliAndTheTrace() {
        // The trace records the proxied key by its fingerprint, the CLI prints that fingerprint in the violation:
        // the report must not fingerprint the fingerprint.
        TraceEvent e = new TraceEvent(1, 0, "laptop", TraceEvent.Kind.AUDIT, "vouch-accepted",
                Map.of("proxied-key", "353ba794e9eb68e8", "session", "s1"));
        Redactor r = Redactor.builder().scanTrace(new Trace(List.of(e), "00")).build();
        assertThat(r.secrets()).isEmpty();
        String message = "laptop holds the proxied session key 353ba794e9eb68e8 of desktop and phone";
        assertThat(r.redact(message)).isEqualTo(message);
        assertThat(r.field("proxied-key", "353ba794e9eb68e8")).isEqualTo("353ba794e9eb68e8");
        // A key given as hex is shown by the same fingerprint: that of its bytes.
        byte[] key = new byte[32];
        key[0] = 7;
        String hex = java.util.HexFormat.of().formatHex(key);
        Redactor withRaw = Redactor.builder().add("session-key", hex).build();
        assertThat(withRaw.redact("key " + hex)).isEqualTo("key [fp:"
                + org.trustlab.reference.crypto.Bytes.fingerprint(key) + "]");
    }

    @Test
    void aSecretIsMaskedWhereverItAppearsInText() {
        Redactor r = Redactor.builder().add("password", "Correct-Horse").build();
        assertThat(r.redact("wrong password Correct-Horse given")).isEqualTo("wrong password "
                + "[password, 13 characters] given");
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
