package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.campaign.Campaigns;

/** The root command's contract: help, version, and bad input as exit code 2. */
class CommandLineBasicsTest {
    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun r = run("--help");
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
        CliRun r = run();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: trustlab");
    }

    @Test
    void helpOfASubcommand() {
        CliRun r = run("help", "selftest");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: trustlab selftest").contains("--verbose");
        assertThat(run("selftest", "--help").out()).contains("Usage: trustlab selftest");
    }

    @Test
    void versionNamesTrustlab() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        // "dev" when run from classes, the Maven version when run from the jar.
        assertThat(r.out().strip()).matches("trustlab (dev|\\d+\\.\\d+\\.\\d+.*)");
    }

    @Test
    void anUnknownFlagIsBadInput() {
        CliRun r = run("--no-such-flag");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("trustlab: Unknown option: '--no-such-flag'").contains("Try 'trustlab --help'.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFlagOfASubcommandIsBadInput() {
        CliRun r = run("selftest", "--bogus");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
        assertThat(r.out()).doesNotContain("passed");
    }

    @Test
    void anUnknownSubcommandIsBadInput() {
        CliRun r = run("no-such-command");
        assertThat(r.exit()).isEqualTo(TrustlabCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("no-such-command");
    }

    @Test
    void theCommandListingShowsEachCommandsFirstSentenceWhole() {
        // "  name  text" starts an entry; deeper-indented lines continue it.
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        String current = null;
        for (String line : run("--help").out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
            if (m.matches()) {
                current = m.group(1);
                entries.put(current, m.group(2));
            } else if (current != null) {
                entries.merge(current, " " + line.strip(), String::concat);
            }
        }
        assertThat(entries).containsKeys("replay", "report", "check", "campaign", "selftest", "mutants");
        entries.forEach((name, text) -> assertThat(text).as(name).endsWith("."));
        assertThat(entries.get("replay")).isEqualTo("Runs a scenario file in the deterministic simulator, checks its"
                + " expectations and prints one PASS/FAIL line per expectation, then 'trace-sha256: <hex>' (same"
                + " scenario and seed, same hash).");
    }

    @Test
    void theRunsHelpStatesEachProtocolsDefault() {
        String help = run("campaign", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).doesNotContain("null");
        for (String p : Campaigns.implemented()) {
            assertThat(help).contains(Campaigns.defaultRuns(p) + " for " + p);
        }
    }

    @Test
    void noColourCodesWhenTheOutputIsNotATerminal() {
        assertThat(run("--help").out()).doesNotContain("\u001b");
        assertThat(run("campaign", "--help").out()).doesNotContain("\u001b");
    }
}
