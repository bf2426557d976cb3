package org.trustlab.properties.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file {@code .trustlab-output} in every folder trustlab writes: which command wrote it, whether it is
 * complete, and the entries it wrote. It is how a later command tells its own earlier output (replaced whole) from a
 * user's files (never touched), and how {@code trustlab report} tells a finished output from one whose writer was
 * interrupted while moving it into place.
 */
public record OutputMarker(String writtenBy, boolean complete, List<String> entries) {
    public static final String FILE = ".trustlab-output";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public OutputMarker {
        entries = List.copyOf(entries);
    }

    /** The marker of {@code dir}, empty when it has none; a marker that does not parse is someone else's file. */
    public static Optional<OutputMarker> read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || !n.isObject() || !n.path("writtenBy").isTextual() || !n.path("state").isTextual()
                    || !n.path("entries").isArray()) {
                throw new OutputRefusedException(dir, FILE + " is not a trustlab output marker; "
                        + "choose another folder");
            }
            List<String> entries = new ArrayList<>();
            n.get("entries").forEach(e -> entries.add(e.asText()));
            return Optional.of(new OutputMarker(n.get("writtenBy").asText(), n.get("state").asText()
                    .equals("complete"), entries));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new OutputRefusedException(dir, FILE + " is not a trustlab output marker; choose another folder");
        } catch (IOException e) {
            throw new OutputRefusedException(dir, "cannot read " + FILE + ": " + e.getMessage());
        }
    }

    /** Writes this marker into {@code dir}, replacing the previous one in one rename. */
    public void writeTo(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writtenBy", writtenBy);
        m.put("state", complete ? "complete" : "incomplete");
        m.put("entries", entries);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Marks a folder just written in full (a campaign's protocol folder) as complete, listing what it holds. */
    public static void markComplete(Path dir, String writtenBy) throws IOException {
        new OutputMarker(writtenBy, true, visibleEntries(dir)).writeTo(dir);
    }

    /** The entries of {@code dir} that are not trustlab's own bookkeeping (marker, lock, staging), sorted. */
    public static List<String> visibleEntries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !OutputFolder.isBookkeeping(n)).sorted()
                    .toList();
        }
    }
}
