package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key, one fingerprint: the key the CLI names in a violation is named by the same text in the trace and in
 * every rendering of the report, never by a fingerprint of that text. (Passwords: RedactorTest and
 * ReportEndToEndTest in the reports module.)
 */
class SecretsInReportsTest {
    @TempDir
    Path tmp;

    @Test
    void theCliTheTraceAndTheReportNameAKeyAlike() throws IOException {
        Path out = tmp.resolve("o");
        // vouch's spacedrive profile lets the voucher hold the proxied key: a finding whose message names the key.
        CliRun r = CliRun.run("campaign", "--protocol", "vouch", "--runs", "10", "--seed", "1", "--no-validate",
                "--shrink-budget", "100",
                "--out", out.toString(), "--graph-engine", "builtin");
        assertThat(r.exit()).as(r.err()).isZero();
        Matcher m = Pattern.compile("holds the proxied session key ([0-9a-f]{16})").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        String key = m.group(1);

        Path failures = out.resolve("vouch").resolve("failures");
        String trace;
        try (var files = Files.list(failures)) {
            // The voucher-blind finding's trace (other findings' traces may be written beside it).
            Path t = files.filter(p -> p.getFileName().toString().startsWith("vouch.voucher-blind")
                    && p.toString().endsWith(".trace.jsonl")).findFirst().orElseThrow();
            trace = Files.readString(t);
        }
        // Named by the same text whether a party holds it (key-fp) or stores it (proxied-key).
        assertThat(trace).containsPattern("\"(proxied-key|key-fp)\":\"" + key + "\"");
        for (String file : new String[] {"report.html", "report.md", "report.json"}) {
            assertThat(Files.readString(out.resolve(file))).as(file).contains("proxied session key " + key)
                    .doesNotContain("proxied session key [fp:");
        }
    }
}
