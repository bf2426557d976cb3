package org.trustlab.properties.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim on an output folder: what it refuses, what a commit replaces, and what an interruption leaves. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    private static void stage(OutputFolder f, String name, String text) throws IOException {
        Files.writeString(f.staging().resolve(name), text);
    }

    @Test
    void aNewFolderHoldsExactlyTheCommittedEntriesAndAMarker() throws IOException {
        Path out = tmp.resolve("new");
        try (OutputFolder f = OutputFolder.claim(out, "test")) {
            assertThat(f.heldOutput()).isFalse();
            stage(f, "a.txt", "A");
            assertThat(out.resolve("a.txt")).doesNotExist();
            f.commit(true);
        }
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("A");
        OutputMarker m = OutputMarker.read(out).orElseThrow();
        assertThat(m.complete()).isTrue();
        assertThat(m.entries()).containsExactly("a.txt");
        assertThat(OutputMarker.visibleEntries(out)).containsExactly("a.txt");
    }

    @Test
    void aFolderWithFilesTrustlabDidNotWriteIsRefusedAndLeftAsItWas() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("report.md"), "my notes");
        assertThatThrownBy(() -> OutputFolder.claim(out, "test")).isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("'report.md'").hasMessageContaining("did not write");
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("my notes");
        try (var list = Files.list(out)) {
            assertThat(list.count()).isEqualTo(1);
        }
    }

    @Test
    void aFileAddedBesideTrustlabsOwnOutputMakesTheFolderRefused() throws IOException {
        Path out = tmp.resolve("o");
        try (OutputFolder f = OutputFolder.claim(out, "test")) {
            stage(f, "a.txt", "A");
            f.commit(true);
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> OutputFolder.claim(out, "test")).hasMessageContaining("'notes.txt'");
        assertThat(out.resolve("a.txt")).exists();
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path out = tmp.resolve("o");
        try (OutputFolder first = OutputFolder.claim(out, "test")) {
            assertThatThrownBy(() -> OutputFolder.claim(out, "test")).isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("another trustlab command is writing it");
            stage(first, "a.txt", "A");
            first.commit(true);
        }
        // Released with the first claim: a later writer may replace the output.
        try (OutputFolder second = OutputFolder.claim(out, "test")) {
            assertThat(second.heldOutput()).isTrue();
        }
    }

    @Test
    void aWholeCommitReplacesEveryEarlierEntryAndAPartialOneOnlyThoseOfTheSameName() throws IOException {
        Path out = tmp.resolve("o");
        try (OutputFolder f = OutputFolder.claim(out, "test")) {
            stage(f, "autojoin", "old");
            stage(f, "vouch", "old");
            f.commit(true);
            stage(f, "report.html", "r1");
            f.commit(false);
        }
        assertThat(OutputMarker.read(out).orElseThrow().entries()).containsExactly("autojoin", "report.html",
                "vouch");
        try (OutputFolder f = OutputFolder.claim(out, "test")) {
            stage(f, "autojoin", "new");
            f.commit(true);
        }
        assertThat(OutputMarker.visibleEntries(out)).containsExactly("autojoin");
        assertThat(Files.readString(out.resolve("autojoin"))).isEqualTo("new");
    }

    @Test
    void anInterruptionBeforeTheCommitLeavesThePreviousOutputAndTheNextClaimRemovesTheStaging()
            throws IOException {
        Path out = tmp.resolve("o");
        try (OutputFolder f = OutputFolder.claim(out, "test")) {
            stage(f, "a.txt", "old");
            f.commit(true);
        }
        OutputFolder interrupted = OutputFolder.claim(out, "test");
        stage(interrupted, "a.txt", "new, never committed");
        Path staging = interrupted.staging();
        assertThat(interrupted.abandon()).contains("keeps its previous complete output");
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("old");
        assertThat(staging).doesNotExist();

        // A writer killed outright leaves its staging folder behind: hidden, and removed by the next claim.
        Path leftover = Files.createDirectory(out.resolve(".trustlab-run-123"));
        Files.writeString(leftover.resolve("a.txt"), "half");
        try (OutputFolder next = OutputFolder.claim(out, "test")) {
            assertThat(leftover).doesNotExist();
            assertThat(next.heldOutput()).isTrue();
        }
    }

    @Test
    void aFolderTheClaimCreatedAndNeverFilledIsRemoved() {
        Path out = tmp.resolve("a").resolve("b");
        OutputFolder.claim(out, "test").close();
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnwritablePlaceIsRefusedWithTheReason() {
        assertThatThrownBy(() -> OutputFolder.claim(Path.of("/proc/trustlab-out"), "test"))
                .isInstanceOf(OutputRefusedException.class).hasMessageStartingWith("/proc/trustlab-out: cannot be created");
    }

    @Test
    void aReadOnlyFolderIsRefused() throws IOException {
        // Root ignores permission bits, so this case needs an ordinary user; /proc above covers root.
        assumeTrue(!"root".equals(System.getProperty("user.name")), "permission bits do not bind root");
        Path out = Files.createDirectories(tmp.resolve("ro"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> OutputFolder.claim(out, "test")).isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("not writable");
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMarkerThatIsNotOursIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("o"));
        Files.writeString(out.resolve(OutputMarker.FILE), "hello");
        assertThatThrownBy(() -> OutputFolder.claim(out, "test")).hasMessageContaining("not a trustlab output marker");
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefused() throws IOException {
        Path out = Files.writeString(tmp.resolve("f"), "x");
        assertThatThrownBy(() -> OutputFolder.claim(out, "test")).hasMessageContaining("not a directory");
    }
}
