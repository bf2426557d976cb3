package org.trustlab.simulator.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a JSON Lines trace back. The SHA-256 is taken over the file's bytes as they are, so a trace that was
 * edited by hand no longer carries its run's identity.
 */
public final class TraceReader {
    private TraceReader() {}

    public static Trace read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Throws {@link IllegalArgumentException} naming the line of the first bad event. */
    public static Trace parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<TraceEvent> events = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                events.add(TraceJson.parse(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new Trace(events, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
