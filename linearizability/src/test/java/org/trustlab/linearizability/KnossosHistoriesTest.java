package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Knossos's public sample histories (test resources {@code knossos/}, see its README for source and licence): each
 * must get its folder's verdict, {@code good} linearizable and {@code bad} not, with the model and initial value
 * the README names. A time limit far above what any of them needs keeps a regression from hanging the build.
 */
class KnossosHistoriesTest {
    static Path root() throws URISyntaxException {
        return Path.of(KnossosHistoriesTest.class.getResource("/knossos/README.md").toURI()).getParent();
    }

    static Model modelFor(Path file) {
        String kind = file.getParent().getParent().getFileName().toString();
        return switch (kind) {
            case "cas-register" -> Model.named("cas-register").withInitial(0);
            case "multi-register" -> Model.named("multi-register").withInitialEdn("{:x 0 :y 0}");
            case "mutex" -> Model.named("mutex");
            default -> throw new IllegalStateException("no model for " + kind);
        };
    }

    static List<Path> histories() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHistoryGetsItsFoldersVerdict() throws IOException, URISyntaxException {
        Options options = Options.defaults().withTimeLimit(Duration.ofSeconds(120));
        Path root = root();
        return histories().stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Result r = Linearizability.check(Histories.read(file), modelFor(file), options);
            boolean good = file.getParent().getFileName().toString().equals("good");
            assertThat(r).as(file.toString()).isInstanceOf(good ? Result.Valid.class : Result.Invalid.class);
        }));
    }

    /** The README asks for the limits to be exercised on the stress set: they answer unknown, never run out. */
    @org.junit.jupiter.api.Test
    void theLimitsAnswerUnknownOnTheStressSet() throws Exception {
        Path file = root().resolve("cas-register/good/memstress3-65.edn");
        List<Op> h = Histories.read(file);
        Model m = modelFor(file);
        assertThat(Linearizability.check(h, m, Options.defaults().withTimeLimit(Duration.ofNanos(1))))
                .isInstanceOfSatisfying(Result.Unknown.class, u -> assertThat(u.reason()).startsWith("time limit"));
        assertThat(Linearizability.check(h, m, Options.defaults().withMemoryBudget(1)))
                .isInstanceOfSatisfying(Result.Unknown.class, u -> assertThat(u.reason()).startsWith("memory budget"));
        assertThat(Linearizability.check(h, m, Options.defaults())).isInstanceOf(Result.Valid.class);
    }

    @org.junit.jupiter.api.Test
    void theSetHasEveryFolderTheReadmeNames() throws IOException, URISyntaxException {
        List<Path> all = histories();
        assertThat(all).hasSize(122);
        // the README speaks of 75 memstress3 histories; the shared folder holds 100 of them
        assertThat(all.stream().filter(p -> p.getFileName().toString().startsWith("memstress3-"))).hasSize(100);
        assertThat(all.stream().filter(p -> p.toString().contains("/bad/"))).hasSize(8);
    }
}
