package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.cli.CliRun.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.kat.KnownAnswer;
import org.trustlab.reference.crypto.kat.KnownAnswers;
import picocli.CommandLine;

class SelftestCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    @Test
    void selftestPassesEveryVectorAndEndsWithTheSummaryLine() {
        CliRun r = run("selftest");
        assertThat(r.exit()).as(r.out()).isZero();
        List<String> lines = r.lines();
        String last = lines.get(lines.size() - 1);
        Matcher m = SUMMARY.matcher(last);
        assertThat(m.matches()).as("last line '%s'", last).isTrue();
        int passed = Integer.parseInt(m.group(1));
        assertThat(passed).isGreaterThanOrEqualTo(20).isEqualTo(KnownAnswers.all().size());
        assertThat(m.group(2)).isEqualTo("0");
        assertThat(lines.subList(0, lines.size() - 1)).hasSize(passed).allMatch(l -> l.startsWith("PASS "));
        assertThat(lines).contains("PASS rfc8032-test-1", "PASS rfc7748-6.1-shared-secret",
                "PASS rfc8439-2.8.2-tamper", "PASS rfc4231-test-case-5", "PASS gcm-test-case-16-seal");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verboseNamesTheSource() {
        CliRun r = run("selftest", "--verbose");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("PASS rfc8032-test-1  [RFC 8032 section 7.1");
    }

    @Test
    void aFailingVectorFailsTheCommandWithExitOneAndSaysWhy() {
        List<KnownAnswer> vectors = new ArrayList<>(KnownAnswers.sha256());
        vectors.add(KnownAnswers.sha256("mis-copied", "test", "616263",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ae"));
        CliRun r = run(new CommandLine(new SelftestCommand(() -> vectors)));
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.lines()).last().isEqualTo("2 passed, 1 failed");
        assertThat(r.out()).contains("FAIL mis-copied  [test] SHA-256: expected ");
    }

    @Test
    void aVectorThatThrowsIsCountedAsFailedNotACrash() {
        List<KnownAnswer> vectors = List.of(new KnownAnswer("throws", "test", () -> {
            throw new IllegalStateException("boom");
        }));
        CliRun r = run(new CommandLine(new SelftestCommand(() -> vectors)));
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_FAILED);
        assertThat(r.lines()).containsExactly("FAIL throws  [test] threw java.lang.IllegalStateException: boom",
                "0 passed, 1 failed");
    }
}
