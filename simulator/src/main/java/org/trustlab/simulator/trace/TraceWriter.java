package org.trustlab.simulator.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a trace as JSON Lines; the bytes are those the trace's SHA-256 was computed over. */
public final class TraceWriter {
    private TraceWriter() {}

    public static void write(Trace trace, OutputStream out) throws IOException {
        TraceJson json = new TraceJson();
        for (TraceEvent e : trace.events()) {
            int n = json.encode(e);
            out.write(json.bytes(), 0, n);
        }
    }

    /**
     * Writes to a temporary file next to {@code target} and moves it into place only when complete, so a reader
     * never sees half a trace.
     */
    public static void writeAtomically(Trace trace, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                write(trace, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
