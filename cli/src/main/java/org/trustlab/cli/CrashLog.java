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
        String command = "trustlab" + (cl.getCommandName().equals("trustlab") ? "" : " " + cl.getCommandName());
        return report(ex, command, parsed == null ? "" : String.join(" ", parsed.originalArgs()), cl.getErr());
    }

    /** Prints the one line for {@code ex} on {@code err}, writes the log, and returns exit code 3. */
    int report(Throwable ex, String command, String args, PrintWriter err) {
        String where;
        try {
            where = "details in " + write(ex, args);
        } catch (IOException | RuntimeException e) {
            where = "and its log could not be written (" + e.getMessage() + ")";
        }
        err.println(command + ": internal error: " + oneLine(ex) + "; " + where);
        err.flush();
        return TrustlabCommand.EXIT_INTERNAL;
    }

    Path write(Throwable ex, String args) throws IOException {
        Files.createDirectories(folder);
        Path log = Files.createTempFile(folder, "trustlab-error-", ".log");
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
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
