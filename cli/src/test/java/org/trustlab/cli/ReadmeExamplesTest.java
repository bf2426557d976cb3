package org.trustlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ./trustlab} line of the README's shell blocks runs as written and exits as its comment says
 * ({@code # exit 1: ...} or {@code (exit 1, ...)}; 0 otherwise). Each runs in its own JVM, in order, in a folder
 * that holds the repository's files by symbolic link, so relative paths mean what they mean in a fresh clone and
 * what the examples write ({@code a}, {@code b}, {@code merged}, the default output folder) lands in that folder.
 * The Slurm block is a batch script, not a command: its {@code --shard auto} is tested by ShardedCampaignTest.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXIT = Pattern.compile("^#\\s*exit (\\d)\\b|\\(exit (\\d)[,)]");

    @TempDir
    static Path clone;

    record Example(String line, List<String> args, int exit) {
        @Override
        public String toString() {
            return line;
        }
    }

    @BeforeAll
    static void linkTheRepository() throws IOException {
        try (Stream<Path> top = Files.list(ROOT)) {
            for (Path p : top.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals(".git") && !name.equals("target")) {
                    Files.createSymbolicLink(clone.resolve(name), p);
                }
            }
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        boolean shell = false;
        List<String> block = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                if (shell && block.stream().noneMatch(l -> l.startsWith("sbatch"))) {
                    block.stream().filter(l -> l.startsWith("./trustlab ")).map(ReadmeExamplesTest::example)
                            .forEach(out::add);
                }
                shell = !shell && line.equals("```sh");
                block.clear();
            } else if (shell) {
                block.add(line);
            }
        }
        return out;
    }

    private static Example example(String line) {
        int hash = line.indexOf(" #");
        String command = hash < 0 ? line : line.substring(0, hash);
        String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
        Matcher m = EXIT.matcher(comment);
        int exit = m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0;
        List<String> args = List.of(command.strip().substring("./trustlab ".length()).strip().split("\\s+"));
        return new Example(line.strip(), args, exit);
    }

    @Test
    void theReadmeHasTheTwoSetUpCommandsAndItsExamples() throws IOException {
        List<Example> all = examples();
        assertThat(all).extracting(Example::args).contains(List.of("campaign", "--protocol", "all"));
        assertThat(all.size()).isGreaterThanOrEqualTo(12);
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("mvn -B verify");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsAsWritten(Example e) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.trustlab.cli.TrustlabCommand"));
        cmd.addAll(e.args());
        Path log = Files.createTempFile(clone, "example", ".log");
        Process p = new ProcessBuilder(cmd).directory(clone.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as("%s finishes", e.line()).isTrue();
        assertThat(p.exitValue()).as("%s%n%s", e.line(), output).isEqualTo(e.exit());
    }
}
