package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command's contract: help, version, and bad input as exit code 2. */
class CommandLineBasicsTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = TrustlabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: trustlab").contains("Commands:").contains("selftest")
                .contains("known-answer vectors");
        // Every registered subcommand appears in the listing.
        for (String name : TrustlabCommand.commandLine().getSubcommands().keySet()) {
            assertThat(r.out()).contains(name);
        }
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        Run r = run();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: trustlab");
    }

    @Test
    void helpOfASubcommand() {
        Run r = run("help", "selftest");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: trustlab selftest").contains("--verbose");
        assertThat(run("selftest", "--help").out()).contains("Usage: trustlab selftest");
    }

    @Test
    void versionNamesTrustlab() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        // "dev" when run from classes, the Maven version when run from the jar.
        assertThat(r.out().strip()).matches("trustlab (dev|\\d+\\.\\d+\\.\\d+.*)");
    }

    @Test
    void anUnknownFlagIsBadInput() {
        Run r = run("--no-such-flag");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("trustlab: Unknown option: '--no-such-flag'").contains("Try 'trustlab --help'.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFlagOfASubcommandIsBadInput() {
        Run r = run("selftest", "--bogus");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
        assertThat(r.out()).doesNotContain("passed");
    }

    @Test
    void anUnknownSubcommandIsBadInput() {
        Run r = run("no-such-command");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("no-such-command");
    }
}
