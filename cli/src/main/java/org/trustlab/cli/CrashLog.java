package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Exit 3 for an internal error: one line on the terminal naming the error and a log file, the stack trace in that
 * file. A stack trace on the terminal tells a user nothing they can act on and buries the line that does; the log
 * is what a bug report needs.
 */
final class CrashLog implements CommandLine.IExecutionExceptionHandler {
    /** Where logs go: the system's temporary folder unless a test says otherwise. */
    private final Path folder;

    CrashLog(Path folder) {
        this.folder = folder;
    }

    static CrashLog inTemp() {
        return new CrashLog(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String command = "trustlab" + (cl.getCommandName().equals("trustlab") ? "" : " " + cl.getCommandName());
        err.println(command + ": internal error: " + oneLine(ex) + "; " + where(ex, parsed));
        err.flush();
        return TrustlabCommand.EXIT_INTERNAL;
    }

    private String where(Throwable ex, CommandLine.ParseResult parsed) {
        try {
            Path log = write(ex, parsed);
            return "details in " + log;
        } catch (IOException | RuntimeException e) {
            return "and its log could not be written (" + e.getMessage() + ")";
        }
    }

    Path write(Throwable ex, CommandLine.ParseResult parsed) throws IOException {
        Files.createDirectories(folder);
        Path log = Files.createTempFile(folder, "trustlab-error-", ".log");
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        String args = parsed == null ? "" : String.join(" ", parsed.originalArgs());
        Files.writeString(log, "trustlab " + args + "\njava " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n\n" + trace,
                StandardCharsets.UTF_8);
        return log;
    }

    /** The exception and its deepest cause, on one line. */
    static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(ex);
        if (root != ex) {
            text += " (caused by " + describe(root) + ")";
        }
        return text.replace('\n', ' ');
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t.getMessage() == null ? name : name + ": " + Arrays.stream(t.getMessage().split("\n")).findFirst()
                .orElse("");
    }
}
