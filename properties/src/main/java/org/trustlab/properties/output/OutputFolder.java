package org.trustlab.properties.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder a trustlab command writes its results into, claimed before any work starts. The claim refuses a folder
 * that holds files trustlab did not write (no {@link OutputMarker}, or entries the marker does not list), one that
 * another process is writing ({@code .trustlab-lock}, an OS file lock, released when its holder dies), and one
 * that cannot be written (checked by creating the staging folder in it). Work is written into the fresh hidden
 * staging folder; {@link #commit} then moves it into place, each entry in one rename, with the marker saying
 * "incomplete" while the entries are swapped. An interruption before the commit leaves the previous output as it
 * was; one during it leaves a folder that {@code trustlab report} refuses as incomplete.
 */
public final class OutputFolder implements AutoCloseable {
    static final String LOCK = ".trustlab-lock";
    private static final String STAGING = ".trustlab-run-";
    private static final String TRASH = ".trustlab-old-";

    private final Path dir;
    private final String writtenBy;
    private final boolean created;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile Path staging;
    private volatile Optional<OutputMarker> current;
    private volatile boolean committing;
    private volatile boolean committed;

    private OutputFolder(Path dir, String writtenBy, boolean created, FileChannel lockChannel, FileLock lock,
            Path staging, Optional<OutputMarker> current) {
        this.dir = dir;
        this.writtenBy = writtenBy;
        this.created = created;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
        this.current = current;
    }

    /** Whether a name in an output folder is trustlab's bookkeeping rather than output. */
    static boolean isBookkeeping(String name) {
        return name.startsWith(OutputMarker.FILE) || name.equals(LOCK) || name.startsWith(STAGING)
                || name.startsWith(TRASH);
    }

    /**
     * Claims {@code dir} for {@code writtenBy} (e.g. "trustlab campaign"): checks it, creates it if needed, takes
     * its lock and creates the staging folder. Throws {@link OutputRefusedException} with the reason otherwise.
     */
    public static OutputFolder claim(Path dir, String writtenBy) {
        checkOwnership(dir);
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputRefusedException(dir, "cannot be created (" + reason(e) + ")");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            deleteQuietly(dir, created);
            throw new OutputRefusedException(dir, "is not writable (" + reason(e) + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OutputRefusedException(dir, "cannot be locked (" + reason(e) + ")");
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new OutputRefusedException(dir, "another trustlab command is writing it (" + dir.resolve(LOCK)
                    + " is locked); wait for it to finish or choose another folder");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            // Checked again under the lock: another writer may have committed between the first check and the lock.
            Optional<OutputMarker> marker = checkOwnership(dir);
            removeLeftovers(dir);
            Path staging = Files.createTempDirectory(dir, STAGING);
            return new OutputFolder(dir, writtenBy, created, channel, lock, staging, marker);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteQuietly(dir, created);
            if (e instanceof OutputRefusedException refused) {
                throw refused;
            }
            throw new OutputRefusedException(dir, "is not writable (" + reason(e) + ")");
        }
    }

    /** The folder's marker if trustlab may write it; refuses a folder holding files trustlab did not write. */
    private static Optional<OutputMarker> checkOwnership(Path dir) {
        if (!Files.exists(dir)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(dir)) {
            throw new OutputRefusedException(dir, "exists and is not a directory");
        }
        List<String> present;
        try {
            present = OutputMarker.visibleEntries(dir);
        } catch (IOException e) {
            throw new OutputRefusedException(dir, "cannot be listed (" + reason(e) + ")");
        }
        Optional<OutputMarker> marker = OutputMarker.read(dir);
        List<String> foreign = new ArrayList<>(present);
        marker.ifPresent(m -> foreign.removeAll(m.entries()));
        if (!foreign.isEmpty()) {
            String which = foreign.size() == 1 ? "'" + foreign.get(0) + "'"
                    : "'" + foreign.get(0) + "' and " + (foreign.size() - 1) + " more";
            throw new OutputRefusedException(dir, "holds " + which + ", which trustlab did not write there; "
                    + "trustlab replaces only its own earlier output (marked by " + OutputMarker.FILE + "). Choose a"
                    + " new or empty folder" + (marker.isEmpty() && looksLikeOldOutput(present)
                    ? ", or remove this output of an older trustlab by hand" : ""));
        }
        return marker;
    }

    /** An output written before folders carried a marker: the same names, which a user's folder rarely has. */
    private static boolean looksLikeOldOutput(List<String> entries) {
        return entries.contains("report.html") || entries.contains("summary.json") || entries.contains("replay.json");
    }

    /** Staging and trash folders of an earlier writer that was interrupted; safe to remove under the lock. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(STAGING) || n.startsWith(TRASH) || n.equals(OutputMarker.FILE + ".tmp")) {
                    deleteRecursively(p);
                }
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** Where the work goes before {@link #commit}: a fresh folder inside this one, on the same file system. */
    public Path staging() {
        return staging;
    }

    /** Whether the folder held complete trustlab output when it was claimed. */
    public boolean heldOutput() {
        return current.isPresent() && current.get().complete() && !current.get().entries().isEmpty();
    }

    /**
     * Moves every entry of the staging folder into place. With {@code whole}, the earlier output is replaced
     * whole (every entry the marker lists goes, even one this run did not write); otherwise only entries of the
     * same names are replaced and the others kept (a report added to a campaign's folder). Afterwards
     * {@link #staging()} is a fresh, empty folder for a further commit.
     */
    public void commit(boolean whole) throws IOException {
        List<String> fresh = OutputMarker.visibleEntries(staging);
        List<String> before = current.map(OutputMarker::entries).orElse(List.of());
        Set<String> after = new LinkedHashSet<>(whole ? List.of() : before);
        after.addAll(fresh);
        Set<String> during = new LinkedHashSet<>(before);
        during.addAll(fresh);
        committing = true;
        new OutputMarker(writtenBy, false, List.copyOf(during)).writeTo(dir);
        Path trash = Files.createTempDirectory(dir, TRASH);
        for (String e : before) {
            if ((whole || fresh.contains(e)) && Files.exists(dir.resolve(e))) {
                move(dir.resolve(e), trash.resolve(e));
            }
        }
        for (String e : fresh) {
            move(staging.resolve(e), dir.resolve(e));
        }
        OutputMarker done = new OutputMarker(writtenBy, true, after.stream().sorted().toList());
        done.writeTo(dir);
        current = Optional.of(done);
        committed = true;
        committing = false;
        deleteRecursively(trash);
        deleteRecursively(staging);
        // A fresh staging folder for a further commit: a report added after the results it reports on.
        staging = Files.createTempDirectory(dir, STAGING);
    }

    /** What an interruption at this moment leaves, in one sentence for the user. */
    public String whatIsKept() {
        if (committed) {
            return dir + " holds the new, complete output";
        }
        if (committing) {
            return dir + " is marked incomplete (interrupted while moving the output into place); run the command"
                    + " again";
        }
        return heldOutput() ? dir + " keeps its previous complete output; nothing new was kept"
                : "nothing was kept in " + dir;
    }

    /**
     * For an interruption: unless the output is being moved into place (then the marker already says incomplete),
     * removes what this run staged, as {@link #close} does; returns {@link #whatIsKept}. Best effort, as workers
     * may still be writing: a staging folder left behind is hidden and removed by the next claim.
     */
    public String abandon() {
        String kept = whatIsKept();
        if (!committing) {
            close();
        }
        return kept;
    }

    /** Releases the lock and removes the staging folder; a folder this claim created and never filled goes too. */
    @Override
    public void close() {
        try {
            deleteRecursively(staging);
        } catch (IOException ignored) {
            // A leftover staging folder is removed by the next claim.
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(lockChannel);
        if (created && current.isEmpty()) {
            deleteQuietly(dir, true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static void deleteQuietly(Path dir, boolean created) {
        if (!created) {
            return;
        }
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // Only our own empty folder; nothing of the user's is at stake.
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing was written through it that matters.
        }
    }

    private static String reason(Exception e) {
        String simple = e.getClass().getSimpleName().replace("Exception", "");
        String msg = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof java.nio.file.ReadOnlyFileSystemException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return msg == null ? simple : msg;
    }
}
