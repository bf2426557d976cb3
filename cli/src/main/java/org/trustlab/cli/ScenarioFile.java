package org.trustlab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * A scenario file's text, or a reason a user can act on: the path is missing, is a folder, is binary, or is not
 * UTF-8 (with the line and column of the first bad byte), instead of the JDK's "Input length = 1" at 1:1.
 */
final class ScenarioFile {
    private ScenarioFile() {}

    static String read(Path file) {
        if (!Files.exists(file)) {
            throw refused(file, 1, 1, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw refused(file, 1, 1, "is a directory, not a scenario file (give a .yaml file in it)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw refused(file, 1, 1, "cannot be read: permission denied");
        } catch (IOException e) {
            throw refused(file, 1, 1, "cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int[] at = position(bytes, i);
                throw refused(file, at[0], at[1], "is a binary file (a NUL byte at byte " + i
                        + "), not a YAML scenario");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, out, true);
        if (r.isError()) {
            int[] at = position(bytes, in.position());
            throw refused(file, at[0], at[1], String.format("is not UTF-8 text (byte 0x%02x at byte %d); save it"
                    + " as UTF-8", bytes[in.position()] & 0xff, in.position()));
        }
        return out.flip().toString();
    }

    /** Line and column (1-based, columns in characters of the valid text before it) of byte {@code offset}. */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xc0) != 0x80) {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static ScenarioException refused(Path file, int line, int column, String why) {
        return new ScenarioException(why, null, new ScenarioException.Location(file.toString(), line, column), null);
    }
}
