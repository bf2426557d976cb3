package org.trustlab.reports.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A result directory the report cannot be built from: a missing folder, an unreadable or inconsistent file, or
 * shards that do not belong to one campaign. It names the file and says what is wrong with it, because the user
 * has to go and fix exactly that file; the CLI turns it into exit code 2.
 */
public final class ReportInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public ReportInputException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ReportInputException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
