package org.trustlab.properties.output;

import java.nio.file.Path;

/**
 * An output folder trustlab will not write: it holds someone else's files, another trustlab process is writing it,
 * or it cannot be written at all. Found before any work starts; the commands exit 2 with {@link #getMessage()}.
 */
public final class OutputRefusedException extends RuntimeException {
    private final Path folder;

    public OutputRefusedException(Path folder, String reason) {
        super(folder + ": " + reason);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
